package auth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
)

// decisionRecorder records the decisions an Observer is told of.
type decisionRecorder struct {
	clerk.NopObserver
	mu        sync.Mutex
	decisions []clerk.AuthDecision
	ctxOK     []bool
}

type requestMark struct{}

func (d *decisionRecorder) AuthDecision(ctx context.Context, dec clerk.AuthDecision) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.decisions = append(d.decisions, dec)
	d.ctxOK = append(d.ctxOK, ctx.Value(requestMark{}) == "mark")
}

func TestObserverIsToldOfEveryDecision(t *testing.T) {
	t.Parallel()
	key := testKey()
	valid := mint(t, key, baseHeader(), baseClaims())
	expired := mint(t, key, baseHeader(), with(baseClaims(), "exp", testNow.Add(-time.Minute).Unix()))
	tests := []struct {
		name   string
		header string
		want   clerk.AuthDecision
	}{
		{"signed in", "Bearer " + valid, clerk.AuthDecision{Outcome: "signed-in", Authenticated: true, TokenType: "session_token"}},
		{"expired", "Bearer " + expired, clerk.AuthDecision{Outcome: "signed-out", Reason: "session-token-expired-refresh-non-eligible-no-refresh-cookie", TokenType: "session_token"}},
		{"no token", "", clerk.AuthDecision{Outcome: "signed-out", Reason: "session-token-and-uat-missing", TokenType: "session_token"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := &decisionRecorder{}
			v := staticVerifier(t, Config{Observer: rec})
			h := Middleware(v)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
			r := httptest.NewRequest(http.MethodGet, "/api/orders?token=secret", nil)
			r = r.WithContext(context.WithValue(r.Context(), requestMark{}, "mark"))
			if tt.header != "" {
				r.Header.Set("Authorization", tt.header)
			}
			h.ServeHTTP(httptest.NewRecorder(), r)
			if a, _ := v.AuthenticateRequest(r); a.IsAuthenticated != tt.want.Authenticated {
				t.Fatalf("AuthenticateRequest: authenticated %v", a.IsAuthenticated)
			}
			if len(rec.decisions) != 2 {
				t.Fatalf("%d decisions for two authentications, want 2", len(rec.decisions))
			}
			for i, got := range rec.decisions {
				if got != tt.want {
					t.Errorf("decision %+v, want %+v", got, tt.want)
				}
				if !rec.ctxOK[i] {
					t.Error("the decision was not reported with the request's context")
				}
				if strings.Contains(got.Reason+got.TokenType+got.Outcome, "secret") {
					t.Errorf("decision %+v carries the query", got)
				}
			}
		})
	}
}
