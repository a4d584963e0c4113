package batch

import (
	"context"
	"errors"
	"time"

	"github.com/clerkgo/clerk"
)

// DefaultRetryFor is Options.RetryFor's default.
const DefaultRetryFor = 5 * time.Minute

// transient reports an error of a lookup (a read, safe to repeat) that a
// later attempt may not meet: a 429, a 408 or 5xx, or a failure of the
// connection. Refusals (other 4xx) and invalid parameters are not.
func transient(err error) bool {
	var ae *clerk.APIError
	if errors.As(err, &ae) {
		return ae.StatusCode == 429 || ae.StatusCode == 408 || ae.StatusCode >= 500
	}
	return !errors.Is(err, clerk.ErrInvalidParams) && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
}

// retryWait is how long to wait before attempt n (from 1) after err: the
// server's Retry-After when it gave one, else 250 ms doubling up to 8 s.
// The client's rate limiter paces the attempt itself.
func retryWait(err error, n int) time.Duration {
	var ae *clerk.APIError
	if errors.As(err, &ae) && ae.RetryAfter > 0 {
		return ae.RetryAfter
	}
	return min(250*time.Millisecond<<min(n-1, 5), 8*time.Second)
}

// persist calls fn until it succeeds, fails for good (retry says no), ctx
// ends, or the budget would be exceeded by the next wait; it returns fn's
// last error.
func persist(ctx context.Context, budget time.Duration, retry func(error) bool, fn func() error) error {
	var deadline time.Time
	for n := 1; ; n++ {
		err := fn()
		if err == nil || !retry(err) || ctx.Err() != nil {
			return err
		}
		if n == 1 {
			deadline = time.Now().Add(budget) // counted from the first failure
		}
		wait := retryWait(err, n)
		if time.Now().Add(wait).After(deadline) {
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return err
		}
	}
}
