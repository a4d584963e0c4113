package bench

import (
	"bytes"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/clerkgo/clerk/webhooks"
	svix "github.com/svix/svix-webhooks/go"
)

const webhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

// delivery returns a realistic 2 KB delivery body and its headers, with two
// signatures as during a secret rotation (the valid one last).
func delivery(b *testing.B) ([]byte, http.Header) {
	var body bytes.Buffer
	body.WriteString(`{"type":"user.updated","object":"event","instance_id":"ins_1","timestamp":1716883200,"data":{"id":"user_1","bio":"`)
	for body.Len() < 2046 {
		body.WriteByte('x')
	}
	body.WriteString(`"}}`)
	now := time.Now()
	sig, err := webhooks.Sign(webhookSecret, "msg_1", now, body.Bytes())
	if err != nil {
		b.Fatal(err)
	}
	h := http.Header{}
	h.Set("svix-id", "msg_1")
	h.Set("svix-timestamp", strconv.FormatInt(now.Unix(), 10))
	h.Set("svix-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= "+sig)
	return body.Bytes(), h
}

// BenchmarkWebhookVerify: webhooks.Verify against the svix library's
// Verify on the same delivery, paired.
func BenchmarkWebhookVerify(b *testing.B) {
	body, h := delivery(b)
	ours, err := webhooks.NewVerifier(webhookSecret)
	if err != nil {
		b.Fatal(err)
	}
	theirs, err := svix.NewWebhook(webhookSecret)
	if err != nil {
		b.Fatal(err)
	}
	paired(b, func(b *testing.B) {
		if err := ours.Verify(body, h); err != nil {
			b.Fatal(err)
		}
	}, func(b *testing.B) {
		if err := theirs.Verify(body, h); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkWebhookVerifyAllocs measures webhooks.Verify alone, for its
// allocation count (zero).
func BenchmarkWebhookVerifyAllocs(b *testing.B) {
	body, h := delivery(b)
	v, err := webhooks.NewVerifier(webhookSecret)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := v.Verify(body, h); err != nil {
			b.Fatal(err)
		}
	}
}
