package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func TestCacheRechecksTimes(t *testing.T) {
	t.Parallel()
	clk := &clock{t: testNow}
	v := staticVerifier(t, Config{Now: clk.now})
	tok := mint(t, testKey(), baseHeader(), baseClaims()) // exp = testNow+1m
	ctx := context.Background()
	if _, err := v.VerifySessionToken(ctx, tok); err != nil {
		t.Fatal(err)
	}
	if v.cache.len() != 1 {
		t.Fatalf("cache len = %d, want 1", v.cache.len())
	}
	c, err := v.VerifySessionToken(ctx, tok)
	if err != nil || c.Subject != "user_123" {
		t.Fatalf("cached verify = %v, %v", c, err)
	}
	clk.add(2 * time.Minute)
	if _, err := v.VerifySessionToken(ctx, tok); !errors.Is(err, ErrTokenExpired) {
		t.Fatalf("cached expired token: err = %v, want token-expired", err)
	}
	// The uncached path agrees.
	u := staticVerifier(t, Config{Now: clk.now, CacheSize: -1})
	if _, err := u.VerifySessionToken(ctx, tok); !errors.Is(err, ErrTokenExpired) {
		t.Fatalf("uncached: err = %v", err)
	}
}

func TestCacheRechecksNotBefore(t *testing.T) {
	t.Parallel()
	clk := &clock{t: testNow}
	v := staticVerifier(t, Config{Now: clk.now})
	tok := mint(t, testKey(), baseHeader(), baseClaims())
	ctx := context.Background()
	if _, err := v.VerifySessionToken(ctx, tok); err != nil {
		t.Fatal(err)
	}
	clk.add(-time.Minute) // the clock moved back: nbf and iat are now ahead
	if _, err := v.VerifySessionToken(ctx, tok); !errors.Is(err, ErrTokenNotActiveYet) {
		t.Fatalf("err = %v, want token-not-active-yet", err)
	}
}

func TestCacheIsBounded(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{CacheSize: 2})
	ctx := context.Background()
	for i := range 5 {
		tok := mint(t, testKey(), baseHeader(), with(baseClaims(), "jti", string(rune('a'+i))))
		if _, err := v.VerifySessionToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
	}
	if n := v.cache.len(); n != 2 {
		t.Fatalf("cache len = %d, want 2", n)
	}
}

func TestCacheDisabledAndCopies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tok := mint(t, testKey(), baseHeader(), baseClaims())
	if v := staticVerifier(t, Config{CacheSize: -1}); v.cache != nil {
		t.Fatal("DisableCache left a cache")
	}
	v := staticVerifier(t, Config{})
	a, err := v.VerifySessionToken(ctx, tok)
	if err != nil {
		t.Fatal(err)
	}
	a.Subject = "tampered"
	b, err := v.VerifySessionToken(ctx, tok)
	if err != nil || b.Subject != "user_123" {
		t.Fatalf("a caller's change leaked into the cache: %v, %v", b, err)
	}
}

// guardClaims are session claims with every kind of list and pointer a
// handler could write into: aud, act, fva, org permissions, fea and pla.
func guardClaims() map[string]any {
	return with(baseClaims(), "aud", []string{"api"}, "act", map[string]any{"sub": "user_admin"}, "fva", []int{2, -1})
}

// describe renders the claims a handler can reach, for comparisons.
func describe(c *SessionClaims) string {
	if c == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%s %s %q %+v %v %q %q %q", c.Subject, c.OrgRole, c.Audience, *c.Actor, c.FactorVerificationAge, c.OrgPermissions, c.Features, c.Plans)
}

// tamper writes into everything of c a handler can reach.
func tamper(c *SessionClaims) {
	c.Subject, c.OrgRole = "tampered", "org:owner"
	c.Audience[0], c.Actor.Subject, c.FactorVerificationAge[0] = "tampered", "tampered", 1000
	c.OrgPermissions[0], c.Features[0], c.Plans[0] = "org:sys:all", "o:tampered", "o:tampered"
	c.Features = append(c.Features, "o:appended")
}

// TestMiddlewareClaimsAreTheHandlers: a handler that writes into its Auth,
// its lists and the claims SessionClaims returned changes nothing a later
// SessionClaims call, Has, the next request with the same token, or a
// cached VerifySessionToken sees (the Auth's lists and every SessionClaims
// copy are the handler's own; the cached claims are never handed out).
func TestMiddlewareClaimsAreTheHandlers(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{})
	tok := mint(t, testKey(), baseHeader(), guardClaims())
	want, err := v.VerifySessionToken(context.Background(), tok)
	if err != nil {
		t.Fatal(err)
	}
	wantClaims := describe(want)
	checks := []Check{Role("org:admin"), Permission("org:invoices:read"), Feature("invoices"), Plan("pro"), ReverificationWithin(FirstFactor, 3)}
	var seen []string
	h := Middleware(v)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		a := FromContext(r.Context())
		seen = append(seen, fmt.Sprintf("%s %q %q %q %v", a.OrgRole, a.OrgPermissions, a.Features, a.Plans, a.Has(checks...)), describe(a.SessionClaims()))
		tamper(a.SessionClaims())
		c := a.SessionClaims()
		tamper(c)
		*c = SessionClaims{}
		seen = append(seen, describe(a.SessionClaims()), fmt.Sprint(a.Has(ReverificationWithin(FirstFactor, 3))))
		a.OrgRole = "org:owner"
		a.OrgPermissions[0], a.Features[0], a.Plans[0] = "org:sys:all", "o:tampered", "o:tampered"
		a.Features = append(a.Features, "o:appended")
		if a.Plans[0] != "o:tampered" || len(a.Plans) != 1 {
			t.Errorf("an append to Features wrote into Plans: %q", a.Plans)
		}
	}))
	for range 2 {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Authorization", "Bearer "+tok)
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	first := []string{
		`org:admin ["org:invoices:read" "org:invoices:manage" "org:reports:read"] ["o:invoices" "u:beta" "o:reports"] ["o:pro"] true`,
		wantClaims, wantClaims, "true",
	}
	if len(seen) != 8 || !slices.Equal(seen[:4], first) || !slices.Equal(seen[4:], first) {
		t.Fatalf("the handlers saw %q, want twice %q", seen, first)
	}
	if c, err := v.VerifySessionToken(context.Background(), tok); err != nil || describe(c) != wantClaims {
		t.Fatalf("the cached claims are now %s (%v), want %s", describe(c), err, wantClaims)
	}
}

// TestMiddlewareReverificationIsTheTokens: Has reads the fva of the token
// itself; a handler that overwrites the claims SessionClaims returned, or
// writes into their FactorVerificationAge, changes the verdict of Has
// neither for its own request nor for a later one with the same token.
func TestMiddlewareReverificationIsTheTokens(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{})
	tok := mint(t, testKey(), baseHeader(), with(baseClaims(), "fva", []int{2, -1}))
	fresh := ReverificationWithin(FirstFactor, 3)
	var seen []bool
	var ages []string
	h := Middleware(v)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		a := FromContext(r.Context())
		seen = append(seen, a.Has(fresh))
		c := a.SessionClaims()
		c.FactorVerificationAge[0] = 1000
		seen = append(seen, a.Has(fresh))
		*c = SessionClaims{}
		seen = append(seen, a.Has(fresh))
		ages = append(ages, fmt.Sprint(a.SessionClaims().FactorVerificationAge))
	}))
	for range 2 {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Authorization", "Bearer "+tok)
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	if want := []bool{true, true, true, true, true, true}; !slices.Equal(seen, want) {
		t.Fatalf("Has(reverified within 3 minutes) = %v, want %v", seen, want)
	}
	if want := []string{"[2 -1]", "[2 -1]"}; !slices.Equal(ages, want) {
		t.Fatalf("FactorVerificationAge = %q, want %q", ages, want)
	}
}

// TestAuthenticateRequestListsAreTheCallers: the Auth of AuthenticateRequest
// owns its lists too, also when they do not fit the room kept for them,
// and an append to one list writes into no other.
func TestAuthenticateRequestListsAreTheCallers(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{})
	many := with(baseClaims(), "fea", "o:invoices,u:beta,o:reports,o:a,o:b,o:c,o:d,o:e,o:f", "pla", "o:pro,u:free")
	for _, claims := range []map[string]any{baseClaims(), many} {
		tok := mint(t, testKey(), baseHeader(), claims)
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Authorization", "Bearer "+tok)
		var want string
		for i := range 2 {
			a, err := v.AuthenticateRequest(r)
			if err != nil {
				t.Fatal(err)
			}
			got := fmt.Sprint(a.OrgPermissions, a.Features, a.Plans, a.Has(Permission("org:invoices:read"), Feature("invoices"), Plan("pro")))
			if i == 0 {
				want = got
			} else if got != want {
				t.Fatalf("the second request saw %s, want %s", got, want)
			}
			plans := slices.Clone(a.Plans)
			a.Features = append(a.Features, "o:appended")
			a.OrgPermissions = append(a.OrgPermissions, "org:appended")
			if !slices.Equal(a.Plans, plans) {
				t.Fatalf("an append to Features or OrgPermissions wrote into Plans: %q", a.Plans)
			}
			a.OrgPermissions[0], a.Features[0], a.Plans[0] = "org:sys:all", "o:tampered", "o:tampered"
		}
		if !strings.HasSuffix(want, " true") {
			t.Fatalf("the token's Auth is %s", want)
		}
	}
}

// TestSessionClaimsOnlyForSessions: SessionClaims is nil for a nil,
// hand-built, signed-out or machine Auth.
func TestSessionClaimsOnlyForSessions(t *testing.T) {
	t.Parallel()
	var nilAuth *Auth
	for _, a := range []*Auth{nilAuth, {IsAuthenticated: true, TokenType: SessionToken, UserID: "user_1"}, missing(), fromMachine(&MachineAuth{TokenType: APIKey, Subject: "user_1"})} {
		if c := a.SessionClaims(); c != nil {
			t.Errorf("SessionClaims of %+v = %+v, want nil", a, c)
		}
	}
}
