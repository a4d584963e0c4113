package clerk

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/clerkgo/clerk/internal/transport"
)

// Clerk's documented Backend API limits, per instance.
const (
	// DevelopmentRateLimit is the number of requests per RateLimitWindow an
	// instance with an sk_test_ key may send.
	DevelopmentRateLimit = 100
	// ProductionRateLimit is the number of requests per RateLimitWindow an
	// instance with an sk_live_ key may send.
	ProductionRateLimit = 1000
	// RateLimitWindow is the period both limits are counted over.
	RateLimitWindow = 10 * time.Second
)

// RateLimit configures the client-side limiter enabled by WithRateLimit.
// The zero value uses Clerk's limit for the key's type, in memory.
type RateLimit struct {
	// Requests is how many requests may be sent per Per. Zero picks
	// DevelopmentRateLimit for sk_test_ keys and ProductionRateLimit for
	// sk_live_ keys, with Per set to RateLimitWindow.
	Requests int
	// Per is the period Requests is counted over; it must be set with
	// Requests and is ignored without it.
	Per time.Duration
	// Burst is how many requests may go out at once before pacing starts.
	// Zero or one paces every request evenly, which no server-side window
	// can fault.
	Burst int
	// Store holds the schedule. Nil keeps it in this client; a shared store
	// (e.g. github.com/clerkgo/clerk/redisstore) makes every client of the
	// same secret key, in any process, share one budget.
	Store LimiterStore
}

// WithRateLimit paces every call of the client and of every service built on
// it, retries included, to stay within a request budget: by default Clerk's
// per-instance limit, 100 requests per 10 s for development (sk_test_) keys
// and 1000 per 10 s for production (sk_live_) keys. Requests are spaced
// evenly (10 per second and 100 per second respectively); a call waits for
// its slot, and its context bounds the wait.
//
// A 429 answer with a Retry-After header pauses the whole client (and every
// client sharing the Store) until then. Waits and pauses are logged with the
// client's logger (WithLogger): waits at debug level, pauses at info level.
// GET /jwks, which Clerk does not limit, is never delayed.
//
// Without this option nothing is paced, and 429 answers are only retried.
func WithRateLimit(l RateLimit) Option {
	return clientOption(func(c *config) {
		if l.Requests < 0 || l.Burst < 0 || (l.Requests > 0 && l.Per <= 0) {
			c.fail("WithRateLimit needs a positive Requests with a positive Per, or both zero")
			return
		}
		c.rateLimit = &l
	})
}

// installLimiter wraps the inner client's transport with the limiter when
// WithRateLimit was given.
func (c *config) installLimiter(inner *http.Client, secretKey string) {
	l := c.rateLimit
	if l == nil {
		return
	}
	requests, per := l.Requests, l.Per
	if requests == 0 {
		requests, per = ProductionRateLimit, RateLimitWindow
		if strings.HasPrefix(secretKey, "sk_test_") {
			requests = DevelopmentRateLimit
		}
	}
	store := l.Store
	if store == nil {
		store = NewMemoryLimiterStore()
	}
	interval := per / time.Duration(requests)
	lim := transport.NewLimiter(store, limiterKey(secretKey), interval, l.Burst, c.logger)
	inner.Transport = transport.Limit(inner.Transport, lim)
}

// limiterKey names the schedule of a secret key without revealing it.
func limiterKey(secretKey string) string {
	sum := sha256.Sum256([]byte("clerkgo-ratelimit:" + secretKey))
	return "clerk:ratelimit:" + hex.EncodeToString(sum[:12])
}
