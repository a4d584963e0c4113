package clerktest

import (
	"net/http"
	"sync"
	"time"
)

// WithServerRateLimit makes the emulator enforce a rate limit on its side,
// as Clerk's servers do per instance (clerk.WithRateLimit is the other side:
// a client pacing itself to stay under such a limit): a bucket of n requests
// that refills continuously at n per per (Clerk documents 100 per 10 s for
// development instances and 1000 per 10 s for production). A request over
// the limit is answered 429 with Clerk's too_many_requests error and a
// Retry-After header, and is not recorded in the request log. The limit
// follows the real clock, not WithNow. Off by default; n <= 0 or per <= 0
// leaves it off.
func WithServerRateLimit(n int, per time.Duration) Option {
	return func(c *config) { c.rateLimit = rateLimitParams{n: n, per: per} }
}

// SetServerRateLimit changes the emulated rate limit (see
// WithServerRateLimit) from now on, with a full bucket; n <= 0 or per <= 0 turns it off. Tests use it to
// seed data quickly before turning the limit on.
func (e *Emulator) SetServerRateLimit(n int, per time.Duration) {
	e.limiter.set(rateLimitParams{n: n, per: per})
}

type rateLimitParams struct {
	n   int
	per time.Duration
}

// rateLimiter is the emulated per-instance token bucket.
type rateLimiter struct {
	mu       sync.Mutex
	capacity float64 // 0: no limit
	per      time.Duration
	tokens   float64
	last     time.Time
	rejected int
}

func newRateLimiter(p rateLimitParams) *rateLimiter {
	l := &rateLimiter{}
	l.set(p)
	return l
}

func (l *rateLimiter) set(p rateLimitParams) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.capacity, l.per, l.last = 0, 0, time.Time{}
	if p.n > 0 && p.per > 0 {
		l.capacity, l.per, l.tokens = float64(p.n), p.per, float64(p.n)
	}
}

// take spends a token, or reports how long until one is available.
func (l *rateLimiter) take(now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.capacity == 0 {
		return true, 0
	}
	if !l.last.IsZero() {
		l.tokens = min(l.capacity, l.tokens+now.Sub(l.last).Seconds()*l.capacity/l.per.Seconds())
	}
	l.last = now
	if l.tokens >= 1 {
		l.tokens--
		return true, 0
	}
	l.rejected++
	missing := (1 - l.tokens) * l.per.Seconds() / l.capacity
	return false, time.Duration(missing * float64(time.Second))
}

// wrap puts the limit in front of next.
func (l *rateLimiter) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := l.take(time.Now())
		if !ok {
			reply(w, errorResponse(fail(http.StatusTooManyRequests, "too_many_requests", "Too many requests",
				"Too many requests, the rate limit of this instance was exceeded. Retry later."), max(wait, time.Second)))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RateLimited reports how many requests the emulated rate limit (see
// WithServerRateLimit) has refused so far.
func (e *Emulator) RateLimited() int {
	e.limiter.mu.Lock()
	defer e.limiter.mu.Unlock()
	return e.limiter.rejected
}
