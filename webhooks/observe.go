package webhooks

import (
	"context"

	"github.com/clerkgo/clerk"
)

// observe tells the Verifier's observer the verdict err stands for: nil
// is verified, anything else refused, with the Dispatcher's error code as
// the reason.
func (v *Verifier) observe(ctx context.Context, err error) {
	verdict := clerk.WebhookVerdict{Verified: err == nil}
	if err != nil {
		verdict.Reason = errorCode(err)
	}
	v.observer.WebhookVerdict(ctx, verdict)
}
