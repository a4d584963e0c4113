package clerk

import (
	"context"
	"time"
)

// Store keeps the state that several clients, or several replicas of one
// service, must share: the rate limiter's schedule (see WithRateLimit) and
// the webhook de-duplication's claims (see webhooks.WithStore).
//
// NewMemoryStore is the default, private to one process. The module
// github.com/clerkgo/clerk/redisstore shares the state through Redis. Keys
// are chosen by the SDK and never contain a secret.
type Store interface {
	// Reserve books the next request slot of the schedule named key, whose
	// slots are interval apart and of which up to burst may be taken at
	// once. It returns how long the caller must wait before sending. The
	// slot is booked even if the caller then gives up.
	Reserve(ctx context.Context, key string, interval time.Duration, burst int) (time.Duration, error)
	// Pause makes every slot of the schedule named key start no earlier
	// than d from now, e.g. after the server answered 429 with Retry-After.
	Pause(ctx context.Context, key string, d time.Duration) error
	// Claim marks the work named key as in flight unless it is already in
	// flight or done. A new claim comes with a token for Release and lasts at
	// most lease, after which a crashed owner's work may be claimed again.
	Claim(ctx context.Context, key string, lease time.Duration) (ClaimState, string, error)
	// Release ends the claim with the given token: when done, the key is
	// remembered as done for keep; otherwise it is forgotten so the work
	// may run again.
	Release(ctx context.Context, key, token string, done bool, keep time.Duration) error
}

// ClaimState is what Store.Claim found.
type ClaimState int

// Outcomes of Store.Claim.
const (
	// ClaimNew means the caller now owns the work.
	ClaimNew ClaimState = iota + 1
	// ClaimInFlight means someone else is doing the work right now.
	ClaimInFlight
	// ClaimDone means the work was done recently.
	ClaimDone
)

// String names the state.
func (s ClaimState) String() string {
	switch s {
	case ClaimNew:
		return "new"
	case ClaimInFlight:
		return "in flight"
	case ClaimDone:
		return "done"
	}
	return "unknown"
}
