package auth

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzVerifySessionToken feeds arbitrary tokens to the verifier: it must
// never panic and must fail with a *TokenError.
func FuzzVerifySessionToken(f *testing.F) {
	f.Add(mint(f, testKey(), baseHeader(), baseClaims()))
	f.Add("a.b.c")
	f.Add("bnVsbA.e30.")
	f.Add("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
	f.Add("e30=.e30==.AAAA")
	f.Add(`eyJhbGciOiJSUzI1NiJ9.eyJvIjp7ImZwbSI6IjEsMiJ9LCJmZWEiOiJvOmEifQ.`)
	v := staticVerifier(f, Config{})
	f.Fuzz(func(t *testing.T, token string) {
		c, err := v.VerifySessionToken(context.Background(), token)
		if err == nil {
			if c == nil || c.Subject == "" {
				t.Fatalf("accepted without a subject: %q", token)
			}
			return
		}
		var te *TokenError
		if !errors.As(err, &te) || te.Reason.Sentinel() == nil {
			t.Fatalf("error %v is not a *TokenError with a known reason", err)
		}
	})
}

// FuzzAuthenticateRequest feeds arbitrary Authorization, Cookie and
// X-Forwarded-Host headers: never a panic, never a nil Auth, and never
// signed in for a token the test key did not sign.
func FuzzAuthenticateRequest(f *testing.F) {
	f.Add("Bearer abc", "__session=abc", "example.com")
	f.Add("bearer", "__session=", "\x00")
	f.Add("Basic Zm9v", "__session=a.b.c; other=1", "a:b:c")
	f.Add("ak_123", `__session="quoted"`, "[::1]")
	f.Add("Bearer mt_1 extra", "=;;;", "")
	v := staticVerifier(f, Config{AcceptsToken: []TokenType{AnyToken}})
	f.Fuzz(func(t *testing.T, authz, cookie, host string) {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header["Authorization"] = []string{authz}
		r.Header["Cookie"] = []string{cookie}
		r.Header["X-Forwarded-Host"] = []string{host}
		a, _ := v.AuthenticateRequest(r)
		if a == nil {
			t.Fatal("nil Auth")
		}
		if a.IsAuthenticated {
			t.Fatalf("fuzzed headers signed in: %q %q", authz, cookie)
		}
	})
}
