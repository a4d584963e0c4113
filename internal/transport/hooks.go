package transport

import (
	"context"
	"net/http"
	"time"
)

// Hooks receive what only the transport sees of one call, for the
// client's Observer. A call made without an Observer has none, and then
// nothing here is called or allocated.
type Hooks interface {
	// Retry reports that the attempt that ended with resp or err failed
	// and that retry number retry will be sent after wait.
	Retry(retry int, wait time.Duration, resp *http.Response, err error)
	// Resend reports that a retry is being sent, after its wait.
	Resend()
	// LimiterWait reports that the rate limiter holds an attempt back for
	// wait.
	LimiterWait(wait time.Duration)
}

type hooksKey struct{}

// WithHooks returns a context carrying the call's hooks, for the rate
// limiter, which sees the call only through its requests.
func WithHooks(ctx context.Context, h Hooks) context.Context {
	return context.WithValue(ctx, hooksKey{}, h)
}

// hooksFrom returns the hooks WithHooks put in ctx, or nil.
func hooksFrom(ctx context.Context) Hooks {
	h, _ := ctx.Value(hooksKey{}).(Hooks)
	return h
}

// backoff is go-retryablehttp's Backoff for a call with hooks: Backoff,
// reported as a retry.
func (a *attempts) backoff(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
	wait := Backoff(min, max, attempt, resp)
	a.call.Hooks.Retry(a.retries, wait, resp, a.lastErr)
	return wait
}

// prepareRetry is go-retryablehttp's PrepareRetry for a call with hooks: it
// counts the attempt about to be sent.
func (a *attempts) prepareRetry(*http.Request) error {
	a.call.Hooks.Resend()
	return nil
}
