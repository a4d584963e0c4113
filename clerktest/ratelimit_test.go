package clerktest

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

func TestRateLimiterBucket(t *testing.T) {
	t.Parallel()
	var c config
	WithServerRateLimit(2, time.Second)(&c)
	l := newRateLimiter(c.rateLimit)
	t0 := time.Unix(100, 0)
	steps := []struct {
		at   time.Duration
		ok   bool
		wait time.Duration
	}{
		{0, true, 0},
		{0, true, 0},                       // the bucket holds 2
		{0, false, 500 * time.Millisecond}, // empty: one token every 500 ms
		{250 * time.Millisecond, false, 250 * time.Millisecond},
		{500 * time.Millisecond, true, 0},
		{time.Hour, true, 0}, // refilled, but never past the capacity
		{time.Hour, true, 0},
		{time.Hour, false, 500 * time.Millisecond},
	}
	for i, s := range steps {
		ok, wait := l.take(t0.Add(s.at))
		if ok != s.ok || (wait-s.wait).Abs() > time.Millisecond {
			t.Fatalf("step %d: take = %v, %v; want %v, %v", i, ok, wait, s.ok, s.wait)
		}
	}
	if l.rejected != 3 {
		t.Fatalf("rejected = %d, want 3", l.rejected)
	}
	l.set(rateLimitParams{n: 0, per: time.Second})
	if ok, _ := l.take(t0.Add(time.Hour)); !ok {
		t.Fatal("a limit of 0 must be off")
	}
}

func TestRateLimitAnswers429(t *testing.T) {
	t.Parallel()
	e := New(WithServerRateLimit(2, time.Hour))
	t.Cleanup(e.Close)
	get := func() int {
		req, _ := http.NewRequestWithContext(t.Context(), "GET", e.URL()+"/users", nil)
		req.Header.Set("Authorization", "Bearer "+e.SecretKey())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	var statuses []int
	var last *http.Response
	for range 3 {
		req, _ := http.NewRequestWithContext(t.Context(), "GET", e.URL()+"/users", nil)
		req.Header.Set("Authorization", "Bearer "+e.SecretKey())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		statuses = append(statuses, resp.StatusCode)
		last = resp
		if resp.StatusCode != http.StatusTooManyRequests {
			resp.Body.Close()
		}
	}
	defer last.Body.Close()
	if statuses[0] != 200 || statuses[1] != 200 || statuses[2] != 429 {
		t.Fatalf("statuses %v, want 200 200 429", statuses)
	}
	if ra := last.Header.Get("Retry-After"); ra != "1800" {
		t.Fatalf("Retry-After %q, want 1800", ra)
	}
	var body errorBody
	if err := json.NewDecoder(last.Body).Decode(&body); err != nil || len(body.Errors) != 1 || body.Errors[0].Code != "too_many_requests" || body.TraceID == "" {
		t.Fatalf("body %+v, %v", body, err)
	}
	if n := e.RateLimited(); n != 1 {
		t.Fatalf("RateLimited() = %d, want 1", n)
	}
	if n := len(e.Requests()); n != 2 {
		t.Fatalf("request log holds %d requests, want the 2 admitted", n)
	}
	e.SetServerRateLimit(0, 0)
	for range 5 {
		if code := get(); code != 200 {
			t.Fatalf("with the limit off: status %d", code)
		}
	}
}
