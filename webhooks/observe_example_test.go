package webhooks_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/webhooks"
)

// verdictPrinter prints each verdict; NopObserver supplies the rest.
type verdictPrinter struct{ clerk.NopObserver }

func (verdictPrinter) WebhookVerdict(_ context.Context, v clerk.WebhookVerdict) {
	fmt.Printf("verified=%v reason=%q\n", v.Verified, v.Reason)
}

// WithObserver reports every delivery checked, verified or refused.
func ExampleWithObserver() {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	v, err := webhooks.NewVerifier(secret, webhooks.WithObserver(verdictPrinter{}))
	if err != nil {
		panic(err)
	}
	body := []byte(`{"type":"user.created","object":"event","data":{}}`)
	now := time.Now()
	sig, err := webhooks.Sign(secret, "msg_1", now, body)
	if err != nil {
		panic(err)
	}
	h := http.Header{}
	h.Set("svix-id", "msg_1")
	h.Set("svix-timestamp", fmt.Sprint(now.Unix()))
	h.Set("svix-signature", sig)
	_ = v.Verify(body, h)
	_ = v.Verify([]byte(`{"forged":true}`), h)
	// Output:
	// verified=true reason=""
	// verified=false reason="invalid_signature"
}
