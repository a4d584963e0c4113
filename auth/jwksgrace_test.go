package auth

import (
	"bytes"
	"crypto/rsa"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// manualClock is a clock the test moves by hand.
type manualClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *manualClock) set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}

func (c *manualClock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// countingTransport counts the requests that reach the network.
type countingTransport struct{ n atomic.Int32 }

func (t *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

// syncBuffer is a log sink safe for the fetch goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) lines() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Count(s.b.String(), "JWKS refresh failed")
}

func TestJWKSOutageGrace(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		grace time.Duration
		want  time.Duration // how long past the key lifetime tokens still verify
	}{
		{"default grace", 0, DefaultJWKSGracePeriod},
		{"custom grace", 10 * time.Minute, 10 * time.Minute},
		{"grace disabled", -1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newJWKSServer(t)
			srv.setKeys(t, map[string]*rsa.PublicKey{"ins_1": &testKey().PublicKey})
			clock := &manualClock{now: testNow}
			tr := &countingTransport{}
			c, err := clerk.NewClient("sk_test_jwks", clerk.WithBaseURL(srv.srv.URL),
				clerk.WithHTTPClient(&http.Client{Transport: tr}), clerk.WithMaxRetries(0))
			if err != nil {
				t.Fatal(err)
			}
			logs := &syncBuffer{}
			v, err := New(Config{Client: c, Now: clock.Now, CacheSize: -1, JWKSGracePeriod: tc.grace,
				Logger: slog.New(slog.NewTextHandler(logs, nil))})
			if err != nil {
				t.Fatal(err)
			}
			// Each token is minted for the moment it is presented.
			verify := func(kid string) error {
				claims := with(baseClaims(), "exp", clock.Now().Add(time.Minute).Unix(), "nbf", nil, "iat", nil)
				_, err := v.VerifySessionToken(t.Context(), mint(t, testKey(), with(baseHeader(), "kid", kid), claims))
				return err
			}
			if err := verify("ins_1"); err != nil {
				t.Fatal(err)
			}
			srv.srv.Close() // Clerk is down from here on

			clock.advance(jwt.KeysTTL + time.Second) // the keys expire
			err = verify("ins_1")
			if tc.want == 0 {
				if !errors.Is(err, ErrJWKRemoteFailedToLoad) {
					t.Fatalf("without grace: err = %v, want jwk-remote-failed-to-load", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("in grace: %v", err)
			}
			attempts := tr.n.Load()
			if attempts != 2 {
				t.Fatalf("%d fetches, want the initial one and one refresh", attempts)
			}
			// Within the refetch interval: no new request, still verifying.
			clock.advance(time.Second)
			if err := verify("ins_1"); err != nil || tr.n.Load() != attempts {
				t.Fatalf("rate-limited grace: err %v, fetches %d", err, tr.n.Load())
			}
			// A new kid still triggers a (rate-limited) fetch, which fails.
			clock.advance(jwt.MinRefetch)
			if err := verify("ins_2"); !errors.Is(err, ErrJWKRemoteFailedToLoad) {
				t.Fatalf("new kid during the outage: %v", err)
			}
			if tr.n.Load() != attempts+1 {
				t.Fatalf("new kid: %d fetches, want %d", tr.n.Load(), attempts+1)
			}
			// More refreshes fail within the minute: logged once.
			for range 5 {
				clock.advance(jwt.MinRefetch)
				if err := verify("ins_1"); err != nil {
					t.Fatal(err)
				}
			}
			if n := logs.lines(); n != 1 {
				t.Fatalf("%d failure logs within a minute, want 1", n)
			}
			clock.advance(jwt.LogInterval)
			if err := verify("ins_1"); err != nil {
				t.Fatal(err)
			}
			if n := logs.lines(); n != 2 {
				t.Fatalf("%d failure logs after a minute, want 2", n)
			}
			// Past the grace period the outage shows.
			clock.set(testNow.Add(jwt.KeysTTL + tc.want + time.Second))
			if err := verify("ins_1"); !errors.Is(err, ErrJWKRemoteFailedToLoad) {
				t.Fatalf("past the grace: err = %v, want jwk-remote-failed-to-load", err)
			}
		})
	}
}
