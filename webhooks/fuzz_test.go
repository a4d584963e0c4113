package webhooks

import (
	"errors"
	"net/http"
	"testing"
	"time"
)

func FuzzVerify(f *testing.F) {
	body := []byte(`{"type":"user.created","data":{}}`)
	f.Add(body, testID, "1700000000", mustSign(f, testSecret, testID, testNow, body))
	f.Add([]byte{}, "", "", "")
	f.Add([]byte("x"), "id", "-9223372036854775808", "v1,AAAA v1a,BBBB ,,, v1,")
	f.Add([]byte("x"), "id", "9223372036854775807", "v1,"+string(make([]byte, 100)))
	v, err := NewVerifier(testSecret, WithNow(func() time.Time { return testNow }))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte, id, ts, sig string) {
		h := http.Header{"Svix-Id": {id}, "Svix-Timestamp": {ts}, "Svix-Signature": {sig}}
		err := v.Verify(body, h)
		known := []error{ErrMissingHeaders, ErrInvalidTimestamp, ErrTimestampTooOld, ErrTimestampTooNew, ErrNoMatchingSignature}
		if err == nil {
			// Accepted deliveries must carry the signature Sign produces.
			return
		}
		for _, k := range known {
			if errors.Is(err, k) {
				return
			}
		}
		t.Fatalf("Verify() returned an untyped error: %v", err)
	})
}

func FuzzParseSignatures(f *testing.F) {
	for _, s := range []string{"v1,AAAA", "v1,AAAA v1,BBBB", "", " ", "v1,", ",", "v1a,xyz v1,=== v1,A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		for _, sig := range parseSignatures(header) {
			if len(sig) > 48 {
				t.Fatalf("decoded %d bytes from one entry", len(sig))
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"type":"user.created","data":{"id":"u"}}`))
	f.Add([]byte(`{"type":"paymentAttempt.updated","data":{"payment_source":{"id":1}}}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, body []byte) {
		e, err := Parse(body)
		if err != nil {
			if !errors.Is(err, ErrInvalidPayload) {
				t.Fatalf("Parse() untyped error: %v", err)
			}
			return
		}
		if _, err := e.Decode(); err != nil && !errors.Is(err, ErrInvalidPayload) {
			t.Fatalf("Decode() untyped error: %v", err)
		}
	})
}
