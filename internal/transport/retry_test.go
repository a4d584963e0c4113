package transport

import (
	"net/http"
	"testing"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		header string
		want   time.Duration
		ok     bool
	}{
		{"", 0, false},
		{"3", 3 * time.Second, true},
		{" 0 ", 0, true},
		{"-5", 0, false},
		{"soon", 0, false},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"99999999999999999", 24 * time.Hour, true},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.header != "" {
			h.Set("Retry-After", tt.header)
		}
		got, ok := RetryAfter(h, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("RetryAfter(%q) = %v, %v; want %v, %v", tt.header, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBackoffDoublesWithJitterAndHonoursRetryAfter(t *testing.T) {
	t.Parallel()
	min, max := 100*time.Millisecond, 800*time.Millisecond
	for attempt, ceiling := range []time.Duration{100, 200, 400, 800, 800} {
		ceiling *= time.Millisecond
		for i := 0; i < 50; i++ {
			w := Backoff(min, max, attempt, nil)
			if w < ceiling/2 || w > ceiling {
				t.Fatalf("attempt %d: wait %v outside [%v, %v]", attempt, w, ceiling/2, ceiling)
			}
		}
	}
	resp := &http.Response{Header: http.Header{"Retry-After": {"2"}}}
	if w := Backoff(min, max, 0, resp); w != 2*time.Second {
		t.Fatalf("Retry-After ignored: %v", w)
	}
}

// closeCounter answers every attempt with a fixed status and counts the
// calls to CloseIdleConnections.
type closeCounter struct {
	status   int
	attempts int
	closes   int
}

func (c *closeCounter) RoundTrip(*http.Request) (*http.Response, error) {
	c.attempts++
	return &http.Response{StatusCode: c.status, Header: http.Header{}, Body: http.NoBody}, nil
}

func (c *closeCounter) CloseIdleConnections() { c.closes++ }

// TestPolicyRetriesUpToTheCountAndKeepsTheConnectionPool checks the number
// of attempts for each method and count, and that using the retries up
// hands the last answer back without closing the shared client's idle
// connections (go-retryablehttp does that on its "giving up" path).
func TestPolicyRetriesUpToTheCountAndKeepsTheConnectionPool(t *testing.T) {
	t.Parallel()
	zero, five := 0, 5
	tests := []struct {
		method       string
		status       int
		perCall      *int
		wantAttempts int
	}{
		{http.MethodGet, http.StatusServiceUnavailable, nil, 3},
		{http.MethodGet, http.StatusServiceUnavailable, &zero, 1},
		{http.MethodGet, http.StatusServiceUnavailable, &five, 6},
		{http.MethodPost, http.StatusServiceUnavailable, nil, 1},
		{http.MethodPost, http.StatusTooManyRequests, nil, 3},
		{http.MethodGet, http.StatusNotFound, nil, 1},
	}
	for _, tt := range tests {
		inner := &closeCounter{status: tt.status}
		p := Policy{MaxRetries: 2, MaxRetryAfter: time.Second}
		req, err := retryablehttp.NewRequest(tt.method, "http://127.0.0.1/x", nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := p.Client(&http.Client{Transport: inner}, Call{Method: tt.method, MaxRetries: tt.perCall}).Do(req)
		if err != nil {
			t.Fatalf("%s %d: %v", tt.method, tt.status, err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status || inner.attempts != tt.wantAttempts || inner.closes != 0 {
			t.Errorf("%s %d (per call %v): status %d after %d attempts, %d pool closes; want %d attempts, 0 closes",
				tt.method, tt.status, tt.perCall, resp.StatusCode, inner.attempts, inner.closes, tt.wantAttempts)
		}
	}
}
