package webhooks

import (
	"bytes"
	"net/http"
	"strconv"
	"testing"
	"time"

	svix "github.com/svix/svix-webhooks/go"
)

// body2KB is a realistic 2 KB delivery body for the benchmarks.
func body2KB() []byte {
	var b bytes.Buffer
	b.WriteString(`{"type":"user.updated","object":"event","instance_id":"ins_1","timestamp":1716883200,"data":{"id":"user_1","bio":"`)
	for b.Len() < 2046 {
		b.WriteByte('x')
	}
	b.WriteString(`"}}`)
	return b.Bytes()[:2048]
}

func TestInteropWithSvix(t *testing.T) {
	t.Parallel()
	wh, err := svix.NewWebhook(testSecret)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := NewVerifier(testSecret)
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range [][]byte{[]byte(`{"type":"user.created"}`), body2KB(), []byte(`{"name":"Zoë 🚀"}`)} {
		now := time.Now()
		theirSig, err := wh.Sign(testID, now, body)
		if err != nil {
			t.Fatal(err)
		}
		if err := ours.Verify(body, headers(testID, now, theirSig)); err != nil {
			t.Errorf("svix-signed delivery rejected: %v", err)
		}
		ourSig := mustSign(t, testSecret, testID, now, body)
		if ourSig != theirSig {
			t.Errorf("Sign() = %s, svix signs %s", ourSig, theirSig)
		}
		if err := wh.Verify(body, headers(testID, now, ourSig)); err != nil {
			t.Errorf("svix rejects a delivery signed by Sign: %v", err)
		}
	}
}

func benchHeaders(b *testing.B, body []byte, now time.Time) http.Header {
	sig := mustSign(b, testSecret, testID, now, body)
	h := http.Header{}
	h.Set("svix-id", testID)
	h.Set("svix-timestamp", strconv.FormatInt(now.Unix(), 10))
	// Two signatures, as during a secret rotation; the valid one last.
	h.Set("svix-signature", "v1,"+"g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= "+sig)
	return h
}

func BenchmarkVerify(b *testing.B) {
	body := body2KB()
	now := time.Now()
	h := benchHeaders(b, body, now)
	v, err := NewVerifier(testSecret)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if err := v.Verify(body, h); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifySvix(b *testing.B) {
	body := body2KB()
	now := time.Now()
	h := benchHeaders(b, body, now)
	wh, err := svix.NewWebhook(testSecret)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if err := wh.Verify(body, h); err != nil {
			b.Fatal(err)
		}
	}
}
