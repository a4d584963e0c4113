package auth

import (
	"context"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	jose "github.com/go-jose/go-jose/v4"
)

// jwksServer serves a mutable JWKS and counts requests.
type jwksServer struct {
	srv      *httptest.Server
	requests atomic.Int32
	mu       sync.Mutex
	status   int
	body     []byte
	delay    time.Duration
}

func newJWKSServer(t *testing.T) *jwksServer {
	t.Helper()
	s := &jwksServer{status: http.StatusOK}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/jwks" || r.Method != http.MethodGet {
			http.NotFound(w, r)
			return
		}
		s.requests.Add(1)
		s.mu.Lock()
		status, body, delay := s.status, s.body, s.delay
		s.mu.Unlock()
		time.Sleep(delay)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// setKeys serves the given public keys by kid.
func (s *jwksServer) setKeys(t *testing.T, keys map[string]*rsa.PublicKey) {
	t.Helper()
	set := jose.JSONWebKeySet{}
	for kid, k := range keys {
		set.Keys = append(set.Keys, jose.JSONWebKey{Key: k, KeyID: kid, Algorithm: "RS256", Use: "sig"})
	}
	b, err := json.Marshal(set)
	if err != nil {
		t.Fatal(err)
	}
	s.set(http.StatusOK, b)
}

func (s *jwksServer) set(status int, body []byte) {
	s.mu.Lock()
	s.status, s.body = status, body
	s.mu.Unlock()
}

// verifier builds a JWKS verifier on the server with the given clock.
func (s *jwksServer) verifier(t *testing.T, now func() time.Time) *Verifier {
	t.Helper()
	c, err := clerk.NewClient("sk_test_jwks", clerk.WithBaseURL(s.srv.URL), clerk.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	v, err := New(Config{Client: c, Now: now, CacheSize: -1, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestJWKSColdConcurrency(t *testing.T) {
	t.Parallel()
	s := newJWKSServer(t)
	s.setKeys(t, map[string]*rsa.PublicKey{"ins_1": &testKey().PublicKey})
	s.delay = 50 * time.Millisecond
	v := s.verifier(t, fixedNow)
	tok := mint(t, testKey(), baseHeader(), baseClaims())
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := v.VerifySessionToken(context.Background(), tok)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("VerifySessionToken: %v", err)
		}
	}
	if n := s.requests.Load(); n != 1 {
		t.Fatalf("JWKS requests = %d, want 1", n)
	}
}

func TestJWKSRotationAndUnknownKid(t *testing.T) {
	t.Parallel()
	s := newJWKSServer(t)
	s.setKeys(t, map[string]*rsa.PublicKey{"ins_1": &testKey().PublicKey})
	clk := &clock{t: testNow}
	v := s.verifier(t, clk.now)
	ctx := context.Background()
	claims := func() map[string]any { return with(baseClaims(), "exp", clk.now().Add(time.Minute).Unix()) }

	if _, err := v.VerifySessionToken(ctx, mint(t, testKey(), baseHeader(), claims())); err != nil {
		t.Fatal(err)
	}
	// Unknown kid right after a fetch: no request (rate limit).
	unknown := mint(t, otherKey(), with(baseHeader(), "kid", "ins_2"), claims())
	if _, err := v.VerifySessionToken(ctx, unknown); !errors.Is(err, ErrJWKKidMismatch) {
		t.Fatalf("unknown kid: err = %v", err)
	}
	if n := s.requests.Load(); n != 1 {
		t.Fatalf("requests = %d, want 1", n)
	}
	// Later, an unknown kid causes one refetch, then jwk-kid-mismatch.
	clk.add(6 * time.Second)
	unknown = mint(t, otherKey(), with(baseHeader(), "kid", "ins_2"), claims())
	if _, err := v.VerifySessionToken(ctx, unknown); !errors.Is(err, ErrJWKKidMismatch) {
		t.Fatalf("unknown kid: err = %v", err)
	}
	if n := s.requests.Load(); n != 2 {
		t.Fatalf("requests after unknown kid = %d, want 2", n)
	}
	// Within the interval, unknown kids cannot cause more requests.
	for range 10 {
		if _, err := v.VerifySessionToken(ctx, unknown); !errors.Is(err, ErrJWKKidMismatch) {
			t.Fatalf("err = %v", err)
		}
	}
	if n := s.requests.Load(); n != 2 {
		t.Fatalf("requests = %d, want still 2", n)
	}
	// Rotation: the server now has ins_2; after the interval it is found.
	s.setKeys(t, map[string]*rsa.PublicKey{"ins_1": &testKey().PublicKey, "ins_2": &otherKey().PublicKey})
	clk.add(6 * time.Second)
	rotated := mint(t, otherKey(), with(baseHeader(), "kid", "ins_2"), claims())
	if _, err := v.VerifySessionToken(ctx, rotated); err != nil {
		t.Fatalf("rotated key: %v", err)
	}
	if n := s.requests.Load(); n != 3 {
		t.Fatalf("requests = %d, want 3", n)
	}
	// Keys expire after an hour: the next verification refetches.
	clk.add(time.Hour)
	if _, err := v.VerifySessionToken(ctx, mint(t, testKey(), baseHeader(), claims())); err != nil {
		t.Fatal(err)
	}
	if n := s.requests.Load(); n != 4 {
		t.Fatalf("requests after expiry = %d, want 4", n)
	}
}

func TestJWKSFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		reason Reason
	}{
		{name: "key invalid", status: 401, body: `{"errors":[{"code":"clerk_key_invalid","message":"invalid"}]}`, reason: ReasonSecretKeyInvalid},
		{name: "other 401", status: 401, body: `{"errors":[{"code":"authentication_invalid","message":"no"}]}`, reason: ReasonJWKRemoteFailedToLoad},
		{name: "server error", status: 500, body: `oops`, reason: ReasonJWKRemoteFailedToLoad},
		{name: "empty set", status: 200, body: `{"keys":[]}`, reason: ReasonJWKRemoteFailedToLoad},
		{name: "only small or foreign keys", status: 200, body: `{"keys":[{"kty":"oct","k":"AAAA","kid":"x"}]}`, reason: ReasonJWKRemoteFailedToLoad},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newJWKSServer(t)
			s.set(tc.status, []byte(tc.body))
			v := s.verifier(t, fixedNow)
			_, err := v.VerifySessionToken(context.Background(), mint(t, testKey(), baseHeader(), baseClaims()))
			var te *TokenError
			if !errors.As(err, &te) || te.Reason != tc.reason {
				t.Fatalf("err = %v, want reason %s", err, tc.reason)
			}
			// A failure is not retried at once.
			_, _ = v.VerifySessionToken(context.Background(), mint(t, testKey(), baseHeader(), baseClaims()))
			if n := s.requests.Load(); n != 1 {
				t.Fatalf("requests = %d, want 1", n)
			}
		})
	}
}

func TestCachedTokenDroppedAfterRotation(t *testing.T) {
	t.Parallel()
	s := newJWKSServer(t)
	s.setKeys(t, map[string]*rsa.PublicKey{"ins_1": &testKey().PublicKey})
	clk := &clock{t: testNow}
	c, err := clerk.NewClient("sk_test_jwks", clerk.WithBaseURL(s.srv.URL), clerk.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	v, err := New(Config{Client: c, Now: clk.now})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	tok := mint(t, testKey(), baseHeader(), with(baseClaims(), "exp", testNow.Add(3*time.Hour).Unix()))
	if _, err := v.VerifySessionToken(ctx, tok); err != nil {
		t.Fatal(err)
	}
	// ins_1 is withdrawn; once the key set is refreshed the cached token
	// must be refused exactly as the uncached path refuses it.
	s.setKeys(t, map[string]*rsa.PublicKey{"ins_2": &otherKey().PublicKey})
	clk.add(time.Hour + time.Second)
	if _, err := v.VerifySessionToken(ctx, tok); !errors.Is(err, ErrJWKKidMismatch) {
		t.Fatalf("err = %v, want jwk-kid-mismatch", err)
	}
}
