package auth

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
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

// TestMiddlewareClaimsAreTheHandlers: a handler that changes its Auth and
// its Auth.Session changes nothing the next request with the same token
// sees (the middleware hands each request its own copy of the cached
// claims).
func TestMiddlewareClaimsAreTheHandlers(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{})
	tok := mint(t, testKey(), baseHeader(), baseClaims())
	var seen []string
	h := Middleware(v)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		a := FromContext(r.Context())
		seen = append(seen, a.Session.Subject+" "+a.Session.OrgRole+" "+a.OrgRole)
		a.Session.Subject, a.Session.OrgRole, a.OrgRole = "tampered", "org:owner", "org:owner"
	}))
	for range 2 {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Authorization", "Bearer "+tok)
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	if len(seen) != 2 || seen[0] != "user_123 org:admin org:admin" || seen[1] != seen[0] {
		t.Fatalf("the handlers saw %q", seen)
	}
}

// TestMiddlewareReverificationIsTheTokens: the copies of one token's claims
// share its fva as Has reads it; a handler that overwrites its
// Auth.Session, or writes into FactorVerificationAge, changes the verdict
// of Has for no later request with the same token.
func TestMiddlewareReverificationIsTheTokens(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{})
	tok := mint(t, testKey(), baseHeader(), with(baseClaims(), "fva", []int{2, -1}))
	fresh := ReverificationWithin(FirstFactor, 3)
	var seen []bool
	h := Middleware(v)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		a := FromContext(r.Context())
		seen = append(seen, a.Has(fresh))
		a.Session.FactorVerificationAge[0] = 1000
		seen = append(seen, a.Has(fresh))
		*a.Session = SessionClaims{}
		seen = append(seen, a.Has(fresh))
	}))
	for range 2 {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Authorization", "Bearer "+tok)
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	if want := []bool{true, true, false, true, true, false}; !slices.Equal(seen, want) {
		t.Fatalf("Has(reverified within 3 minutes) = %v, want %v", seen, want)
	}
}
