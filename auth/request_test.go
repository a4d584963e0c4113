package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

func TestTokenFromHeader(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"Bearer abc":       "abc",
		"bearer abc":       "", // Clerk matches the scheme exactly
		"Bearer  abc":      "Bearer",
		"Bearer abc extra": "abc",
		"abc":              "abc",
		"Basic dXNlcg==":   "",
		"":                 "",
		"Bearer":           "Bearer",
		"Bearer ":          "Bearer",
		"Basic  x":         "Basic",
		"Basic x y":        "",
		"Bearer a  b":      "a",
	}
	for in, want := range tests {
		if got := tokenFromHeader(in); got != want {
			t.Errorf("tokenFromHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBearerOfCachedToken: a bearer value is read as tokenFromHeader reads
// it whether or not its token is cached (the default configuration skips
// the scan for a third word when the rest of the value is a cached token).
func TestBearerOfCachedToken(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{})
	tok := mint(t, testKey(), baseHeader(), baseClaims())
	tests := []struct {
		header string
		want   bool
	}{
		{"Bearer " + tok + " extra", true}, // before the token is cached
		{"Bearer " + tok, true},            // caches it
		{"Bearer " + tok, true},            // a cache hit
		{"Bearer " + tok + " extra", true},
		{"Bearer " + tok + "  ", true},
		{"Bearer  " + tok, false}, // the token is the second word, here empty: "Bearer"
		{"bearer " + tok, false},
		{"Bearer " + tok + "x", false},
	}
	for i, tc := range tests {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Authorization", tc.header)
		a, _ := v.AuthenticateRequest(r)
		if a.IsAuthenticated != tc.want || (tc.want && a.UserID != "user_123") {
			t.Errorf("request %d: IsAuthenticated %v (%s, user %q), want %v", i, a.IsAuthenticated, a.Reason, a.UserID, tc.want)
		}
	}
}

func TestAuthenticateRequest(t *testing.T) {
	t.Parallel()
	key := testKey()
	session := mint(t, key, baseHeader(), baseClaims())
	pending := mint(t, key, baseHeader(), with(baseClaims(), "sts", "pending"))
	expired := mint(t, key, baseHeader(), with(baseClaims(), "exp", testNow.Unix()-60))
	m2mJWT := mint(t, key, with(baseHeader(), "cat", m2mCategory), map[string]any{"sub": "mch_1", "exp": testNow.Unix() + 60})
	tests := []struct {
		name     string
		cfg      Config
		header   string
		cookie   string
		uat      string // __client_uat; "" means one second before iat, "-" none
		wantAuth bool
		wantType TokenType
		reason   Reason
		status   string
	}{
		{name: "no token", wantType: SessionToken, reason: ReasonSessionTokenAndUATMissing},
		{name: "bearer session", header: "Bearer " + session, wantAuth: true, wantType: SessionToken, status: "active"},
		{name: "bare header session", header: session, wantAuth: true, wantType: SessionToken},
		{name: "cookie session", cookie: session, wantAuth: true, wantType: SessionToken},
		{name: "basic scheme falls back to cookie", header: "Basic dXNlcg==", cookie: session, wantAuth: true, wantType: SessionToken},
		{name: "expired cookie", cookie: expired, wantType: SessionToken, reason: "session-token-expired-refresh-non-eligible-no-refresh-cookie"},
		{name: "cookie without client_uat", cookie: session, uat: "-", wantType: SessionToken, reason: ReasonSessionTokenWithoutClientUAT},
		{name: "cookie issued before client_uat", cookie: session, uat: fmt.Sprint(testNow.Unix()), wantType: SessionToken, reason: ReasonSessionTokenIATBeforeClientUAT},
		{name: "pending signed out", header: "Bearer " + pending, wantType: SessionToken, status: "pending"},
		{name: "pending accepted", cfg: Config{AcceptPendingSessions: true}, header: "Bearer " + pending, wantAuth: true, wantType: SessionToken, status: "pending"},
		{name: "api key not accepted", header: "Bearer ak_123", wantType: SessionToken, reason: ReasonTokenInvalid},
		{name: "m2m jwt not accepted", header: "Bearer " + m2mJWT, wantType: SessionToken, reason: ReasonTokenTypeMismatch},
		{name: "list accepts session", cfg: Config{AcceptsToken: []TokenType{SessionToken, APIKey}}, header: "Bearer " + session, wantAuth: true, wantType: SessionToken},
		{name: "list accepts api key", cfg: Config{AcceptsToken: []TokenType{SessionToken, APIKey}}, header: "Bearer ak_good", wantAuth: true, wantType: APIKey},
		{name: "accept any m2m jwt", cfg: Config{AcceptsToken: []TokenType{AnyToken}}, header: "Bearer " + m2mJWT, wantAuth: true, wantType: M2MToken},
		{name: "machine token not from cookie", cfg: Config{AcceptsToken: []TokenType{APIKey}}, cookie: "ak_good", wantType: APIKey, reason: ReasonNoTokenInHeader},
		{name: "garbage header", header: "Bearer \x00\xff..", wantType: SessionToken, reason: ReasonTokenInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mt := httpmock.NewMockTransport()
			mt.RegisterResponder(http.MethodPost, mockBase+"/api_keys/verify",
				httpmock.NewStringResponder(200, `{"id":"ak_1","subject":"user_7","scopes":["a"]}`).HeaderSet(http.Header{"Content-Type": {"application/json"}}))
			tc.cfg.JWTKey = pemOf(t, &key.PublicKey)
			v := machineVerifier(t, mt, tc.cfg)
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.Header.Set("X-Forwarded-Host", "\x00garbage::://")
			if tc.header != "" {
				r.Header.Set("Authorization", tc.header)
			}
			if tc.cookie != "" {
				r.AddCookie(&http.Cookie{Name: "__session", Value: tc.cookie})
				switch tc.uat {
				case "":
					r.AddCookie(&http.Cookie{Name: "__client_uat", Value: fmt.Sprint(testNow.Unix() - 11)})
				case "-":
				default:
					r.AddCookie(&http.Cookie{Name: "__client_uat", Value: tc.uat})
				}
			}
			a, err := v.AuthenticateRequest(r)
			if a == nil {
				t.Fatal("nil Auth")
			}
			if a.IsAuthenticated != tc.wantAuth || a.TokenType != tc.wantType || a.Reason != tc.reason {
				t.Fatalf("Auth = {auth %v type %q reason %q}, want {%v %q %q} (err %v)", a.IsAuthenticated, a.TokenType, a.Reason, tc.wantAuth, tc.wantType, tc.reason, err)
			}
			if (err != nil) != (tc.reason == ReasonTokenInvalid || strings.HasPrefix(string(tc.reason), "session-token-expired")) {
				t.Fatalf("err = %v with reason %q", err, tc.reason)
			}
			if tc.status != "" && a.SessionStatus != tc.status {
				t.Fatalf("SessionStatus = %q, want %q", a.SessionStatus, tc.status)
			}
			if tc.wantAuth && tc.wantType == SessionToken && a.UserID != "user_123" {
				t.Fatalf("UserID = %q", a.UserID)
			}
			if tc.wantType == APIKey && tc.wantAuth && a.UserID != "user_7" {
				t.Fatalf("API key UserID = %q", a.UserID)
			}
		})
	}
}

func TestMiddlewareAndRequire(t *testing.T) {
	t.Parallel()
	key := testKey()
	admin := mint(t, key, baseHeader(), baseClaims())
	member := mint(t, key, baseHeader(), with(baseClaims(), "o", map[string]any{"id": "org_1", "rol": "member"}))
	v := staticVerifier(t, Config{})
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(FromContext(r.Context()).UserID))
	})
	h := Middleware(v)(Require(Role("org:admin"), Feature("invoices"))(ok))
	tests := []struct {
		name    string
		header  string
		status  int
		body    string
		reason  string
		wwwAuth bool
	}{
		{name: "signed out", status: 401, reason: "session-token-and-uat-missing", wwwAuth: true},
		{name: "bad token", header: "Bearer x.y.z", status: 401, reason: "token-invalid", wwwAuth: true},
		{name: "wrong role", header: "Bearer " + member, status: 403},
		{name: "admin", header: "Bearer " + admin, status: 200, body: "user_123"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			if tc.header != "" {
				r.Header.Set("Authorization", tc.header)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tc.status {
				t.Fatalf("status = %d, want %d", w.Code, tc.status)
			}
			if got := w.Header().Get("WWW-Authenticate") == "Bearer"; got != tc.wwwAuth {
				t.Fatalf("WWW-Authenticate = %q", w.Header().Get("WWW-Authenticate"))
			}
			if tc.status == 200 {
				if w.Body.String() != tc.body {
					t.Fatalf("body = %q", w.Body.String())
				}
				return
			}
			var p problem
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || p.Reason != tc.reason {
				t.Fatalf("body = %s (%v), want reason %q", w.Body.String(), err, tc.reason)
			}
		})
	}
}

func TestFromContextWithoutMiddleware(t *testing.T) {
	t.Parallel()
	a := FromContext(httptest.NewRequest(http.MethodGet, "/", nil).Context())
	if a == nil || a.IsAuthenticated || a.Reason != ReasonSessionTokenMissing {
		t.Fatalf("FromContext = %+v", a)
	}
}

// TestMiddlewareContext checks the context Middleware passes on: the same
// Auth as AuthenticateRequest, the parent's values and cancellation, and
// a pending session kept out as AuthenticateRequest keeps it out.
func TestMiddlewareContext(t *testing.T) {
	t.Parallel()
	key := testKey()
	v := staticVerifier(t, Config{})
	type parentKey struct{}
	for _, tc := range []struct {
		name   string
		claims map[string]any
		cookie bool // the token in __session, not in Authorization
		authed bool
	}{
		{"active", baseClaims(), false, true},
		{"pending", with(baseClaims(), "sts", "pending"), false, false},
		{"active cookie", baseClaims(), true, true},
		{"pending cookie", with(baseClaims(), "sts", "pending"), true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tok := mint(t, key, baseHeader(), tc.claims)
			parent, cancel := context.WithCancel(context.WithValue(context.Background(), parentKey{}, "kept"))
			r := httptest.NewRequestWithContext(parent, http.MethodGet, "/", nil)
			if tc.cookie {
				r.Header.Set("Cookie", "__session="+tok+"; __client_uat=1")
			} else {
				r.Header.Set("Authorization", "Bearer "+tok)
			}
			want, _ := v.AuthenticateRequest(r)
			if want.SessionStatus != tc.claims["sts"].(string) {
				t.Fatalf("AuthenticateRequest did not read the session: %+v", want)
			}
			var got *Auth
			var ctx context.Context
			Middleware(v)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
				got, ctx = FromContext(r.Context()), r.Context()
			})).ServeHTTP(httptest.NewRecorder(), r)
			if got == nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("Middleware stored %+v, AuthenticateRequest gave %+v", got, want)
			}
			if got.IsAuthenticated != tc.authed {
				t.Fatalf("IsAuthenticated = %v, want %v", got.IsAuthenticated, tc.authed)
			}
			if ctx.Value(parentKey{}) != "kept" {
				t.Fatal("the parent context's value is lost")
			}
			for _, verb := range []string{"%v", "%+v", "%s", "%#v"} {
				if s := fmt.Sprintf(verb, ctx); strings.Contains(s, "user_123") || strings.Contains(s, "sess_") {
					t.Fatalf("printing the context with %s shows the Auth: %s", verb, s)
				}
			}
			cancel()
			select {
			case <-ctx.Done():
			case <-time.After(5 * time.Second):
				t.Fatal("cancelling the parent does not reach the handler's context")
			}
			if !errors.Is(ctx.Err(), context.Canceled) {
				t.Fatalf("Err = %v", ctx.Err())
			}
		})
	}
}
