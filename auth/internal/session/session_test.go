package session

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/clerkgo/clerk/auth/internal/instance"
	"github.com/clerkgo/clerk/auth/internal/jwt"
	"github.com/clerkgo/clerk/auth/internal/reason"
)

// fakeTokens decides tokens by name: "good" verifies, "late" fails with
// token-expired unless lenient, "bad" fails with token-invalid-signature.
type fakeTokens struct{ lenientCalls int }

func (f *fakeTokens) Facts(token string) Facts {
	return Facts{Decoded: true, Iat: jwt.NumberClaim{Val: 1, OK: true}}
}

func (f *fakeTokens) Verify(_ context.Context, token string, lenient bool) (Session, string, error) {
	if lenient {
		f.lenientCalls++
	}
	switch {
	case token == "good", token == "late" && lenient:
		return Session{UserID: "user_1", Claims: token}, "", nil
	case token == "late":
		return Session{}, reason.TokenExpired, errors.New("expired")
	}
	return Session{}, "token-invalid-signature", errors.New("bad signature")
}

func (f *fakeTokens) VerifyHandshake(_ context.Context, token string) ([]string, string, error) {
	return []string{"__session=" + token + "; Path=/", "other=1; Path=/", "__client_uat=1; Path=/"}, "", nil
}

func config(t *testing.T, pk string) *Config {
	t.Helper()
	inst, err := instance.Parse(pk)
	if err != nil {
		t.Fatal(err)
	}
	return &Config{Instance: &inst, Now: func() time.Time { return time.Unix(100, 0) }}
}

func documentRequest(target string) *http.Request {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.Header.Set("Sec-Fetch-Dest", "document")
	return r
}

// TestHandshakeWayBackInDevelopment: a development handshake token whose
// session token fails on time is verified again with leeway, the foreign
// cookie directive is dropped, and the browser is sent to the clean URL.
func TestHandshakeWayBackInDevelopment(t *testing.T) {
	t.Parallel()
	c := config(t, "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k")
	tokens := &fakeTokens{}
	d := c.Authenticate(documentRequest("http://app.example.com/p?__clerk_handshake=late&x=1"), tokens)
	if d.Status != SignedIn || d.Session.Claims != "late" || tokens.lenientCalls != 1 {
		t.Fatalf("decision %+v after %d lenient calls", d, tokens.lenientCalls)
	}
	if got := d.Headers.Get("Location"); got != "http://app.example.com/p?x=1" {
		t.Errorf("Location %q", got)
	}
	if got := d.Headers.Values("Set-Cookie"); len(got) != 2 || got[0] != "__session=late; Path=/" {
		t.Errorf("Set-Cookie %q", got)
	}
}

// TestTokenErrorDecides: a refused signature is signed out with its own
// reason; a token that is not yet valid sends a document request to the
// Frontend API handshake with Clerk's request reason.
func TestTokenErrorDecides(t *testing.T) {
	t.Parallel()
	c := config(t, "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k")
	r := documentRequest("https://app.example.com/dashboard")
	bad := errors.New("bad signature")
	if d := c.TokenError(r, "tok", &fakeTokens{}, "token-invalid-signature", bad); d.Status != SignedOut ||
		d.Reason != "token-invalid-signature" || d.Err != bad || d.Headers.Get("X-Clerk-Auth-Status") != SignedOut {
		t.Errorf("bad signature: %+v", d)
	}
	d := c.TokenError(r, "tok", &fakeTokens{}, reason.TokenNotActiveYet, bad)
	if d.Status != Handshake || d.Reason != reason.SessionTokenNBF || d.Err != bad {
		t.Fatalf("not yet valid: %+v", d)
	}
	loc, err := url.Parse(d.Headers.Get("Location"))
	if err != nil || loc.Host != "clerk.example.com" || loc.Query().Get("__clerk_hs_reason") != reason.SessionTokenNBF ||
		loc.Query().Get("__session") != "tok" || loc.Query().Get("redirect_url") != "https://app.example.com/dashboard" {
		t.Errorf("handshake Location %q", d.Headers.Get("Location"))
	}
	if d := c.TokenError(httptest.NewRequest(http.MethodPost, "/x", nil), "tok", &fakeTokens{}, reason.TokenExpired, bad); d.Status != SignedOut ||
		d.Reason != reason.SessionTokenExpiredRefresh+"non-eligible-non-get" {
		t.Errorf("expired POST: %+v", d)
	}
}

// TestCheckRefusesSatellites: the configuration Clerk would throw on is
// refused once.
func TestCheckRefusesSatellites(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]Config{
		"no instance":        {Satellite: true, Domain: "sat.dev"},
		"domain with scheme": {Domain: "https://sat.dev"},
		"relative proxy":     {ProxyURL: "proxy"},
	} {
		if err := c.Check(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	ok := config(t, "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k")
	ok.Satellite, ok.Domain, ok.SignInURL = true, "sat.dev", "https://primary.dev/sign-in"
	if err := ok.Check(); err != nil {
		t.Errorf("a production satellite: %v", err)
	}
	ok.SignInURL = "https://SAT.dev/sign-in"
	if err := ok.Check(); err == nil {
		t.Error("a SignInURL on the satellite's own Domain was accepted")
	}
}
