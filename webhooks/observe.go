package webhooks

import (
	"context"
	"errors"

	"github.com/clerkgo/clerk"
)

// observe tells the Verifier's observer the verdict err stands for: nil
// is verified, anything else refused, with the Dispatcher's error code as
// the reason.
func (v *Verifier) observe(ctx context.Context, err error) {
	verdict := clerk.WebhookVerdict{Verified: err == nil}
	switch {
	case err == nil:
	case errors.Is(err, ErrBodyTooLarge):
		verdict.Reason = "body_too_large"
	default:
		verdict.Reason = errorCode(err)
	}
	v.observer.WebhookVerdict(ctx, verdict)
}

// refusedBody reports a delivery refused before its signature was checked
// because its body is over the limit; other read failures are the
// connection's, not verdicts, and are not reported.
func (v *Verifier) refusedBody(ctx context.Context, err error) {
	if v.observer != nil && errors.Is(err, ErrBodyTooLarge) {
		v.observe(ctx, err)
	}
}
