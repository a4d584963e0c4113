package clerk_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/jarcoal/httpmock"
)

// recordingStore is a LimiterStore that records what the limiter asks of it
// and answers Reserve with a fixed wait.
type recordingStore struct {
	wait time.Duration

	mu        sync.Mutex
	keys      []string
	intervals []time.Duration
	pauses    []time.Duration
}

func (s *recordingStore) Reserve(_ context.Context, key string, interval time.Duration, _ int) (time.Duration, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.keys = append(s.keys, key)
	s.intervals = append(s.intervals, interval)
	return s.wait, nil
}

func (s *recordingStore) Pause(_ context.Context, _ string, d time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pauses = append(s.pauses, d)
	return nil
}

func (s *recordingStore) reserved() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.intervals)
}

func TestRateLimitDefaultsFromTheKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key  string
		rl   clerk.RateLimit
		want time.Duration
	}{
		{"sk_test_abc", clerk.RateLimit{}, 100 * time.Millisecond},
		{"sk_live_abc", clerk.RateLimit{}, 10 * time.Millisecond},
		{"sk_test_abc", clerk.RateLimit{Requests: 50, Per: time.Second}, 20 * time.Millisecond},
	}
	for _, tt := range tests {
		st := &recordingStore{}
		tt.rl.Store = st
		mt := httpmock.NewMockTransport()
		mt.RegisterResponder("GET", testBase+"/users/u1", httpmock.NewStringResponder(200, `{}`))
		c, err := clerk.NewClient(tt.key, clerk.WithBaseURL(testBase), clerk.WithHTTPClient(&http.Client{Transport: mt}), clerk.WithRateLimit(tt.rl))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Do(t.Context(), &clerk.Request{Method: "GET", Path: "/users/{id}", PathParams: []string{"u1"}}, nil); err != nil {
			t.Fatal(err)
		}
		if st.reserved() != 1 || st.intervals[0] != tt.want {
			t.Fatalf("%s %+v: intervals %v, want [%v]", tt.key[:8], tt.rl, st.intervals, tt.want)
		}
		if strings.Contains(st.keys[0], tt.key) || strings.Contains(st.keys[0], "abc") {
			t.Fatalf("schedule key %q reveals the secret", st.keys[0])
		}
	}
}

func TestRateLimitRejectsBadConfig(t *testing.T) {
	t.Parallel()
	for _, rl := range []clerk.RateLimit{{Requests: -1}, {Requests: 5}, {Requests: 5, Per: -time.Second}, {Burst: -1}} {
		if _, err := clerk.NewClient(testKey, clerk.WithRateLimit(rl)); !errors.Is(err, clerk.ErrInvalidOption) {
			t.Errorf("%+v: err = %v, want ErrInvalidOption", rl, err)
		}
	}
}

func TestRateLimitPacesRetriesAndSkipsJWKS(t *testing.T) {
	t.Parallel()
	st := &recordingStore{}
	c, mt := newMocked(t, clerk.WithRateLimit(clerk.RateLimit{Store: st}))
	mt.RegisterResponder("GET", testBase+"/jwks", httpmock.NewStringResponder(200, `{"keys":[]}`))
	mt.RegisterResponder("GET", testBase+"/users", httpmock.ResponderFromMultipleResponses([]*http.Response{
		httpmock.NewStringResponse(429, `{"errors":[]}`),
		httpmock.NewStringResponse(200, `[]`),
	}))
	if err := c.Do(t.Context(), &clerk.Request{Method: "GET", Path: "/jwks"}, nil); err != nil {
		t.Fatal(err)
	}
	if n := st.reserved(); n != 0 {
		t.Fatalf("GET /jwks booked %d slots, want 0", n)
	}
	if err := c.Do(t.Context(), &clerk.Request{Method: "GET", Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
	if n := st.reserved(); n != 2 {
		t.Fatalf("a call retried once booked %d slots, want 2", n)
	}
	if len(st.pauses) != 0 {
		t.Fatalf("a 429 without Retry-After paused the client: %v", st.pauses)
	}
}

func TestRateLimit429PausesTheClient(t *testing.T) {
	t.Parallel()
	st := &recordingStore{}
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, mt := newMocked(t, clerk.WithRateLimit(clerk.RateLimit{Store: st}), clerk.WithLogger(logger), clerk.WithMaxRetries(0))
	resp := httpmock.NewStringResponse(429, `{"errors":[{"code":"too_many_requests"}]}`)
	resp.Header.Set("Retry-After", "7")
	mt.RegisterResponder("GET", testBase+"/users", httpmock.ResponderFromResponse(resp))
	err := c.Do(t.Context(), &clerk.Request{Method: "GET", Path: "/users"}, nil)
	if !errors.Is(err, clerk.ErrRateLimited) {
		t.Fatalf("err = %v, want ErrRateLimited", err)
	}
	if len(st.pauses) != 1 || st.pauses[0] != 7*time.Second {
		t.Fatalf("pauses = %v, want [7s]", st.pauses)
	}
	if !strings.Contains(logs.String(), "pausing the client") || !strings.Contains(logs.String(), "retry_after=7s") {
		t.Fatalf("pause not logged: %s", logs.String())
	}
	// The pause holds back the next call of the same client, which then
	// gives up when its context ends.
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	before := mt.GetTotalCallCount()
	err = c.Do(ctx, &clerk.Request{Method: "GET", Path: "/users"}, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("call during the pause: err = %v, want DeadlineExceeded", err)
	}
	if mt.GetTotalCallCount() != before {
		t.Fatal("a request was sent during the pause")
	}
	if !strings.Contains(logs.String(), "rate limiter wait") {
		t.Fatalf("wait not logged: %s", logs.String())
	}
}

func TestRateLimitWaitRespectsContext(t *testing.T) {
	t.Parallel()
	st := &recordingStore{wait: time.Hour}
	c, mt := newMocked(t, clerk.WithRateLimit(clerk.RateLimit{Store: st}))
	mt.RegisterResponder("GET", testBase+"/users", httpmock.NewStringResponder(200, `[]`))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	err := c.Do(ctx, &clerk.Request{Method: "GET", Path: "/users"}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if mt.GetTotalCallCount() != 0 {
		t.Fatal("a request was sent before its slot")
	}
}
