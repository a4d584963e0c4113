package tests

import (
	"bytes"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/clerkgo/clerk/webhooks"
	svix "github.com/svix/svix-webhooks/go"
)

// The svix library is the reference implementation of the signing scheme
// Clerk's deliveries use, so the webhooks package is checked against it in
// both directions. It lives here, in the tests module, so that the SDK's own
// module graph never includes svix.

const (
	svixSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	svixMsgID  = "msg_p5jXN8AQM9LWM0D4loKWxJek"
)

// svixBodies are delivery bodies of the shapes that matter to a signature:
// tiny, a realistic 2 KB event, and non-ASCII text.
func svixBodies() [][]byte {
	var b bytes.Buffer
	b.WriteString(`{"type":"user.updated","object":"event","data":{"id":"user_1","bio":"`)
	for b.Len() < 2046 {
		b.WriteByte('x')
	}
	b.WriteString(`"}}`)
	return [][]byte{[]byte(`{"type":"user.created"}`), b.Bytes(), []byte(`{"name":"Zoë 🚀"}`), {}}
}

func svixHeaders(ts time.Time, sig string) http.Header {
	h := http.Header{}
	h.Set("svix-id", svixMsgID)
	h.Set("svix-timestamp", strconv.FormatInt(ts.Unix(), 10))
	h.Set("svix-signature", sig)
	return h
}

func TestWebhooksInteropWithSvix(t *testing.T) {
	t.Parallel()
	wh, err := svix.NewWebhook(svixSecret)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := webhooks.NewVerifier(svixSecret)
	if err != nil {
		t.Fatal(err)
	}
	for i, body := range svixBodies() {
		now := time.Now()
		theirs, err := wh.Sign(svixMsgID, now, body)
		if err != nil {
			t.Fatal(err)
		}
		if err := ours.Verify(body, svixHeaders(now, theirs)); err != nil {
			t.Errorf("body %d: a delivery signed by svix is rejected: %v", i, err)
		}
		mine, err := webhooks.Sign(svixSecret, svixMsgID, now, body)
		if err != nil {
			t.Fatal(err)
		}
		if mine != theirs {
			t.Errorf("body %d: Sign() = %s, svix signs %s", i, mine, theirs)
		}
		if err := wh.Verify(body, svixHeaders(now, mine)); err != nil {
			t.Errorf("body %d: svix rejects a delivery signed by webhooks.Sign: %v", i, err)
		}
		tampered := append([]byte("x"), body...)
		if err := ours.Verify(tampered, svixHeaders(now, theirs)); err == nil {
			t.Errorf("body %d: a tampered body verifies", i)
		}
		if err := wh.Verify(tampered, svixHeaders(now, mine)); err == nil {
			t.Errorf("body %d: svix accepts a tampered body", i)
		}
	}
}
