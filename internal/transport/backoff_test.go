package transport

import (
	"net/http"
	"testing"
	"time"
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
