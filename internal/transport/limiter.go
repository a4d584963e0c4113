package transport

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"
)

// Slots is what the limiter needs of a clerk.LimiterStore: a shared schedule of
// request slots that a 429 can pause.
type Slots interface {
	Reserve(ctx context.Context, key string, interval time.Duration, burst int) (time.Duration, error)
	Pause(ctx context.Context, key string, d time.Duration) error
}

// Limiter paces the requests of one client: every attempt (retries
// included) books a slot in a schedule shared through Slots, and a 429 with
// Retry-After pauses the schedule, so every goroutine of the client (and
// every client sharing the store) waits, not just the one that saw it.
type Limiter struct {
	slots    Slots
	key      string
	interval time.Duration
	burst    int
	logger   *slog.Logger

	pausedUntil atomic.Int64 // Unix nanoseconds; this process's view of the pause
}

// NewLimiter returns a Limiter whose schedule is named key in slots, with
// slots interval apart and burst of them allowed at once.
func NewLimiter(slots Slots, key string, interval time.Duration, burst int, logger *slog.Logger) *Limiter {
	return &Limiter{slots: slots, key: key, interval: interval, burst: max(burst, 1), logger: logger}
}

// Wait blocks until the next slot is due or ctx ends. A pause that starts
// while it waits (another goroutine saw a 429) holds it back too.
func (l *Limiter) Wait(ctx context.Context, route string) error {
	wait, err := l.slots.Reserve(ctx, l.key, l.interval, l.burst)
	if err != nil {
		return fmt.Errorf("clerk: rate limiter: %w", err)
	}
	for {
		if paused := time.Until(time.Unix(0, l.pausedUntil.Load())); paused > wait {
			wait = paused
		}
		if wait <= 0 {
			return nil
		}
		if l.logger != nil {
			l.logger.LogAttrs(ctx, slog.LevelDebug, "clerk: rate limiter wait",
				slog.String("route", route), slog.Duration("wait", wait))
		}
		if h := hooksFrom(ctx); h != nil {
			h.LimiterWait(wait)
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
		wait = 0
	}
}

// Observe pauses the schedule when resp is a 429 that says how long to wait.
func (l *Limiter) Observe(ctx context.Context, route string, resp *http.Response) {
	if resp == nil || resp.StatusCode != http.StatusTooManyRequests {
		return
	}
	d, ok := RetryAfter(resp.Header, time.Now())
	if !ok || d <= 0 {
		return
	}
	until := time.Now().Add(d).UnixNano()
	for {
		cur := l.pausedUntil.Load()
		if cur >= until || l.pausedUntil.CompareAndSwap(cur, until) {
			break
		}
	}
	err := l.slots.Pause(ctx, l.key, d)
	if l.logger != nil {
		attrs := []slog.Attr{slog.String("route", route), slog.Duration("retry_after", d)}
		if err != nil {
			attrs = append(attrs, slog.String("store_error", err.Error()))
		}
		l.logger.LogAttrs(ctx, slog.LevelInfo, "clerk: rate limited by the server; pausing the client", attrs...)
	}
}

// route is the method and path template of a call, for the limiter's
// exemption and its log lines.
type route struct{ method, path string }

type routeKey struct{}

// WithRoute returns a context that tells the limiter which route a call
// is on.
func WithRoute(ctx context.Context, method, path string) context.Context {
	return context.WithValue(ctx, routeKey{}, route{method, path})
}

// exempt reports whether a call escapes the limiter: the JWKS, which Clerk
// does not rate limit.
func exempt(r route) bool {
	return r.method == http.MethodGet && r.path == "/jwks"
}

// Limit returns a RoundTripper that waits on l before each attempt and
// lets 429 answers pause it. A nil next means http.DefaultTransport.
func Limit(next http.RoundTripper, l *Limiter) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return &limited{next: next, l: l}
}

type limited struct {
	next http.RoundTripper
	l    *Limiter
}

func (t *limited) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	r, _ := ctx.Value(routeKey{}).(route)
	if exempt(r) {
		return t.next.RoundTrip(req)
	}
	if err := t.l.Wait(ctx, r.path); err != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, err
	}
	resp, err := t.next.RoundTrip(req)
	if err == nil {
		t.l.Observe(ctx, r.path, resp)
	}
	return resp, err
}
