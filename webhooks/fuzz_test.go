package webhooks

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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
			// An accepted delivery carries, as the second field of a v1
			// entry, the signature Sign makes for its normalised timestamp.
			n, _ := parseTimestamp(ts)
			want, serr := Sign(testSecret, id, time.Unix(n, 0), body)
			if serr != nil {
				t.Fatal(serr)
			}
			for _, entry := range strings.Split(sig, " ") {
				if f := strings.Split(entry, ","); len(f) >= 2 && f[0] == "v1" && "v1,"+f[1] == want {
					return
				}
			}
			t.Fatalf("Verify accepted %q without the signature %s", sig, want)
		}
		for _, k := range known {
			if errors.Is(err, k) {
				return
			}
		}
		t.Fatalf("Verify() returned an untyped error: %v", err)
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

// FuzzSignVerify: whatever the id and body, a delivery made with Sign
// verifies, and changing one body byte makes it fail unless the change is
// invisible in the body's text (one invalid UTF-8 byte for another).
func FuzzSignVerify(f *testing.F) {
	f.Add([]byte(`{"a":1}`), testID, 0)
	f.Add([]byte("\xff\xfe"), "msg_\xe9", 1)
	f.Add([]byte{}, " ", 0)
	v, err := NewVerifier(testSecret, WithNow(func() time.Time { return testNow }))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte, id string, pos int) {
		if id == "" {
			return
		}
		sig, err := Sign(testSecret, id, testNow, body)
		if err != nil {
			t.Fatal(err)
		}
		h := http.Header{"Svix-Id": {id}, "Svix-Timestamp": {"1700000000"}, "Svix-Signature": {sig}}
		if err := v.Verify(body, h); err != nil {
			t.Fatalf("Verify(Sign(%q, %q)) = %v", id, body, err)
		}
		if len(body) == 0 || !utf8.Valid(body) {
			return
		}
		tampered := append([]byte(nil), body...)
		i := uint(pos) % uint(len(body))
		tampered[i] ^= 1
		if err := v.Verify(tampered, h); err == nil {
			t.Fatalf("a body changed at byte %d still verifies", i)
		}
	})
}

// FuzzSignatureHeader: an entry of svix-signature matches exactly when, split
// on commas as svix splits it, its first field is "v1" and its second the
// expected text.
func FuzzSignatureHeader(f *testing.F) {
	const expected = "x5lVgj0b/JJJaUYaa1+6I5J/EECcryrPlFN4VrkmI94="
	for _, s := range []string{"v1," + expected, "v1," + expected + ",x", "v1,,", "v1", "", ",", "v2," + expected, "v1," + expected[:43]} {
		f.Add(s)
	}
	var st macState
	copy(st.expected[:], expected)
	f.Fuzz(func(t *testing.T, entry string) {
		fields := strings.Split(entry, ",")
		want := len(fields) >= 2 && fields[0] == "v1" && fields[1] == expected
		if got := st.matchesV1(entry); got != want {
			t.Fatalf("matchesV1(%q) = %v, want %v", entry, got, want)
		}
	})
}
