package clerk

import (
	"context"
	"time"
)

// LimiterStore keeps the rate limiter's schedule (see WithRateLimit), so
// that several clients, or several replicas of one service, can share one
// request budget.
//
// NewMemoryLimiterStore is the default, private to one process. The module
// github.com/clerkgo/clerk/redisstore shares the schedule through Redis.
// Keys are chosen by the SDK and never contain a secret. The webhook
// de-duplication has a store of its own, webhooks.DedupStore.
type LimiterStore interface {
	// Reserve books the next request slot of the schedule named key, whose
	// slots are interval apart and of which up to burst may be taken at
	// once. It returns how long the caller must wait before sending. The
	// slot is booked even if the caller then gives up.
	Reserve(ctx context.Context, key string, interval time.Duration, burst int) (time.Duration, error)
	// Pause makes every slot of the schedule named key start no earlier
	// than d from now, e.g. after the server answered 429 with Retry-After.
	Pause(ctx context.Context, key string, d time.Duration) error
}
