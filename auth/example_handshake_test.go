package auth_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"time"

	"github.com/clerkgo/clerk/auth"
)

// ExampleMiddleware_handshake shows a page request whose session cookie has
// expired while the browser is still signed in: Middleware answers with
// Clerk's handshake redirect to the Frontend API, which refreshes the
// cookies and sends the browser back.
func ExampleMiddleware_handshake() {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		log.Fatal(err)
	}
	der, _ := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	v, err := auth.New(auth.Config{
		JWTKey:         string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})),
		PublishableKey: "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k", // clerk.example.com
	})
	if err != nil {
		log.Fatal(err)
	}
	page := auth.Middleware(v)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "hello", auth.FromContext(r.Context()).UserID)
	}))

	expired := mintExampleToken(priv, map[string]any{
		"sub": "user_123", "sid": "sess_1", "iss": "https://clerk.example.com",
		"iat": time.Now().Add(-time.Hour).Unix(), "exp": time.Now().Add(-time.Minute).Unix(),
	})
	r := httptest.NewRequest(http.MethodGet, "https://app.example.com/dashboard", nil)
	r.Header.Set("Accept", "text/html")
	r.Header.Set("Sec-Fetch-Dest", "document")
	r.AddCookie(&http.Cookie{Name: "__session", Value: expired})
	r.AddCookie(&http.Cookie{Name: "__client_uat", Value: fmt.Sprint(time.Now().Add(-2 * time.Hour).Unix())})
	w := httptest.NewRecorder()
	page.ServeHTTP(w, r)

	loc, _ := url.Parse(w.Header().Get("Location"))
	fmt.Println(w.Code, loc.Host+loc.Path)
	fmt.Println("back to:", loc.Query().Get("redirect_url"))
	fmt.Println("reason:", loc.Query().Get("__clerk_hs_reason"))
	fmt.Println(strings.Join(w.Header().Values("Set-Cookie"), "; "))
	// Output:
	// 307 clerk.example.com/v1/client/handshake
	// back to: https://app.example.com/dashboard
	// reason: session-token-expired-refresh-non-eligible-no-refresh-cookie
	// __clerk_redirect_count=1; SameSite=Lax; HttpOnly; Max-Age=2
}

// ExampleReverification protects an action that needs a recent second
// factor: without it, Require answers 403 with the body Clerk's frontend
// components turn into a reverification prompt.
func ExampleReverification() {
	priv, _ := rsa.GenerateKey(rand.Reader, 2048)
	der, _ := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	v, _ := auth.New(auth.Config{JWTKey: string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))})
	h := auth.Middleware(v)(auth.Require(auth.Reverification(auth.Strict))(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, "password changed")
	})))
	for _, fva := range [][]int{{30, 30}, {30, 2}} { // minutes since the first and second factor
		token := mintExampleToken(priv, map[string]any{
			"sub": "user_123", "sid": "sess_1", "fva": fva,
			"iat": time.Now().Unix(), "exp": time.Now().Add(time.Minute).Unix(),
		})
		r := httptest.NewRequest(http.MethodPost, "/account/password", nil)
		r.Header.Set("Authorization", "Bearer "+token)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		fmt.Println(w.Code, strings.TrimSpace(w.Body.String()))
	}
	// Output:
	// 403 {"clerk_error":{"type":"forbidden","reason":"reverification-error","metadata":{"reverification":"strict"}}}
	// 200 password changed
}
