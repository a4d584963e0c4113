package auth

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// benchMiddleware runs the middleware of a verifier built from cfg on a
// repeated bearer session token (the hot path: the token cache answers).
func benchMiddleware(b *testing.B, cfg Config) {
	v, tok := benchSetup(b, cfg)
	h := Middleware(v)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	r := httptest.NewRequest(http.MethodGet, "/api/orders", nil)
	r.Header.Set("Authorization", "Bearer "+tok)
	w := httptest.NewRecorder()
	if a, _ := v.AuthenticateRequest(r); !a.IsAuthenticated {
		b.Fatalf("the benchmark token is refused: %s", a.Reason)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h.ServeHTTP(w, r)
	}
}
