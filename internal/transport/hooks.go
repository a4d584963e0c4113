package transport

import (
	"context"
	"net/http"
	"time"

	"github.com/hashicorp/go-retryablehttp"
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

// ObservedClient is Client for a call whose retries h is told of. The
// policy is Client's, unchanged; the hooks wrap it, so a call without
// hooks (Client) carries nothing for them.
func (p Policy) ObservedClient(inner *http.Client, call Call, h Hooks) *retryablehttp.Client {
	c := p.Client(inner, call)
	o := &observedAttempts{check: c.CheckRetry, wait: c.Backoff, hooks: h}
	c.CheckRetry, c.Backoff, c.PrepareRetry = o.checkRetry, o.backoff, o.prepareRetry
	return c
}

// observedAttempts follows the retries of one call for its hooks.
type observedAttempts struct {
	check   retryablehttp.CheckRetry // the policy's
	wait    retryablehttp.Backoff    // the policy's
	hooks   Hooks
	retries int
	lastErr error // the failed attempt's error, for Hooks.Retry
}

// checkRetry is the policy's CheckRetry, noting each retry it allows.
func (o *observedAttempts) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	retry, checkErr := o.check(ctx, resp, err)
	if retry {
		o.retries++
		o.lastErr = err
	}
	return retry, checkErr
}

// backoff is the policy's Backoff, reported as a retry.
func (o *observedAttempts) backoff(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
	wait := o.wait(min, max, attempt, resp)
	o.hooks.Retry(o.retries, wait, resp, o.lastErr)
	return wait
}

// prepareRetry counts the attempt about to be sent.
func (o *observedAttempts) prepareRetry(*http.Request) error {
	o.hooks.Resend()
	return nil
}
