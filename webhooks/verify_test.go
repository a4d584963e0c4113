package webhooks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

const (
	testSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	otherKey   = "whsec_dGhpcyBpcyBhIGRpZmZlcmVudCBzZWNyZXQ="
	testID     = "msg_p5jXN8AQM9LWM0D4loKWxJek"
)

var testNow = time.Unix(1700000000, 0)

func newTestVerifier(t testing.TB, opts ...Option) *Verifier {
	t.Helper()
	v, err := NewVerifier(testSecret, append([]Option{WithNow(func() time.Time { return testNow })}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func mustSign(t testing.TB, secret, id string, ts time.Time, body []byte) string {
	t.Helper()
	sig, err := Sign(secret, id, ts, body)
	if err != nil {
		t.Fatal(err)
	}
	return sig
}

func headers(id string, ts time.Time, sig string) http.Header {
	h := http.Header{}
	h.Set("svix-id", id)
	h.Set("svix-timestamp", strconv.FormatInt(ts.Unix(), 10))
	h.Set("svix-signature", sig)
	return h
}

func TestVerify(t *testing.T) {
	t.Parallel()
	body := []byte(`{"type":"user.created","object":"event","data":{"id":"user_1"}}`)
	valid := mustSign(t, testSecret, testID, testNow, body)
	tol := DefaultTolerance
	tests := []struct {
		name   string
		body   []byte
		header http.Header
		want   error
	}{
		{"valid", body, headers(testID, testNow, valid), nil},
		{"tampered body", []byte(strings.Replace(string(body), "user_1", "user_2", 1)), headers(testID, testNow, valid), ErrNoMatchingSignature},
		{"wrong secret", body, headers(testID, testNow, mustSign(t, otherKey, testID, testNow, body)), ErrNoMatchingSignature},
		{"id swapped", body, headers("msg_other", testNow, valid), ErrNoMatchingSignature},
		{"timestamp changed", body, headers(testID, testNow.Add(time.Second), valid), ErrNoMatchingSignature},
		{"past beyond tolerance", body, headers(testID, testNow.Add(-tol-time.Second), mustSign(t, testSecret, testID, testNow.Add(-tol-time.Second), body)), ErrTimestampTooOld},
		{"past at tolerance", body, headers(testID, testNow.Add(-tol), mustSign(t, testSecret, testID, testNow.Add(-tol), body)), nil},
		{"future beyond tolerance", body, headers(testID, testNow.Add(tol+time.Second), mustSign(t, testSecret, testID, testNow.Add(tol+time.Second), body)), ErrTimestampTooNew},
		{"future at tolerance", body, headers(testID, testNow.Add(tol), mustSign(t, testSecret, testID, testNow.Add(tol), body)), nil},
		{"several signatures one valid", body, headers(testID, testNow, "v1,Zm9vYmFyYmF6 "+mustSign(t, otherKey, testID, testNow, body)+" "+valid+" v2,abc"), nil},
		{"valid first of several", body, headers(testID, testNow, valid+" v1,AAAA"), nil},
		{"extra spaces", body, headers(testID, testNow, "  "+valid+"   "), nil},
		{"v1a only", body, headers(testID, testNow, "v1a,"+strings.TrimPrefix(valid, "v1,")), ErrNoMatchingSignature},
		{"unversioned", body, headers(testID, testNow, strings.TrimPrefix(valid, "v1,")), ErrNoMatchingSignature},
		{"empty signature value", body, headers(testID, testNow, "v1,"), ErrNoMatchingSignature},
		{"garbage signature", body, headers(testID, testNow, "v1,!!!not-base64!!!"), ErrNoMatchingSignature},
		{"overlong signature", body, headers(testID, testNow, "v1,"+strings.Repeat("QUFB", 40)), ErrNoMatchingSignature},
		{"only commas", body, headers(testID, testNow, ",,, ,"), ErrNoMatchingSignature},
		{"non-numeric timestamp", body, withHeader(headers(testID, testNow, valid), "svix-timestamp", "x1700000000"), ErrInvalidTimestamp},
		{"exponent: the leading digits are the timestamp", body, withHeader(headers(testID, testNow, valid), "svix-timestamp", "17e8"), ErrTimestampTooOld},
		{"fraction: the whole seconds are signed", body, withHeader(headers(testID, testNow, valid), "svix-timestamp", "1700000000.9"), nil},
		{"leading zeros and sign", body, withHeader(headers(testID, testNow, valid), "svix-timestamp", "+0001700000000"), nil},
		{"trailing garbage", body, withHeader(headers(testID, testNow, valid), "svix-timestamp", "1700000000abc"), nil},
		{"signed over the raw timestamp text", body, withHeader(headers(testID, testNow, mustSignRaw(t, testID, "+1700000000", body)), "svix-timestamp", "+1700000000"), ErrNoMatchingSignature},
		{"extra comma field", body, headers(testID, testNow, valid+",extra"), nil},
		{"unpadded signature", body, headers(testID, testNow, strings.TrimRight(valid, "=")), ErrNoMatchingSignature},
		{"two signature headers, valid second", body, http.Header{"Svix-Id": {testID}, "Svix-Timestamp": {"1700000000"}, "Svix-Signature": {"v1,AAAA", valid}}, nil},
		{"id padded with spaces", body, headers(" "+testID, testNow, valid), ErrNoMatchingSignature},
		{"missing id", body, func() http.Header { h := headers(testID, testNow, valid); h.Del("svix-id"); return h }(), ErrMissingHeaders},
		{"missing timestamp", body, func() http.Header { h := headers(testID, testNow, valid); h.Del("svix-timestamp"); return h }(), ErrMissingHeaders},
		{"missing signature", body, func() http.Header { h := headers(testID, testNow, valid); h.Del("svix-signature"); return h }(), ErrMissingHeaders},
		{"blank signature", body, headers(testID, testNow, "   "), ErrNoMatchingSignature},
		{"no headers", body, http.Header{}, ErrMissingHeaders},
		{"lower-case map keys", body, http.Header{"svix-id": {testID}, "svix-timestamp": {strconv.FormatInt(testNow.Unix(), 10)}, "svix-signature": {valid}}, nil},
		{"a name without values is absent", body, http.Header{"Svix-Id": {}, "Webhook-Id": {testID}, "Svix-Timestamp": {"1700000000"}, "Svix-Signature": {valid}}, nil},
		{"two spellings of one name are joined in a fixed order", body, http.Header{"svix-id": {testID}, "SVIX-ID": {"msg_other"}, "Svix-Timestamp": {"1700000000"}, "Svix-Signature": {mustSign(t, testSecret, "msg_other, "+testID, testNow, body)}}, nil},
		{"webhook-* header names", body, http.Header{"Webhook-Id": {testID}, "Webhook-Timestamp": {strconv.FormatInt(testNow.Unix(), 10)}, "Webhook-Signature": {valid}}, nil},
		{"unicode body", []byte(`{"name":"Zoë 🚀 日本"}`), headers(testID, testNow, mustSign(t, testSecret, testID, testNow, []byte(`{"name":"Zoë 🚀 日本"}`))), nil},
		{"empty body", nil, headers(testID, testNow, mustSign(t, testSecret, testID, testNow, nil)), nil},
		{"empty body signed as other", []byte{}, headers(testID, testNow, valid), ErrNoMatchingSignature},
	}
	v := newTestVerifier(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := v.Verify(tt.body, tt.header)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("Verify() = %v, want %v", err, tt.want)
			}
			if err != nil {
				assertNoSecret(t, err.Error(), valid)
			}
		})
	}
}

func withHeader(h http.Header, key, value string) http.Header {
	h.Set(key, value)
	return h
}

// mustSignRaw signs "<id>.<ts>.<body>" byte for byte under testSecret.
func mustSignRaw(t testing.TB, id, ts string, body []byte) string {
	t.Helper()
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(testSecret, "whsec_"))
	if err != nil {
		t.Fatal(err)
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

func assertNoSecret(t *testing.T, msg, sig string) {
	t.Helper()
	for _, s := range []string{testSecret, strings.TrimPrefix(testSecret, "whsec_"), strings.TrimPrefix(sig, "v1,")} {
		if strings.Contains(msg, s) {
			t.Fatalf("error %q reveals a secret value", msg)
		}
	}
}

func TestMissingHeadersNamesWhich(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	tests := []struct {
		drop []string
		want string
	}{
		{[]string{"svix-id"}, "svix-id"},
		{[]string{"svix-timestamp"}, "svix-timestamp"},
		{[]string{"svix-signature"}, "svix-signature"},
		{[]string{"svix-id", "svix-signature"}, "svix-id, svix-signature"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			t.Parallel()
			h := headers(testID, testNow, "v1,AAAA")
			for _, k := range tt.drop {
				h.Del(k)
			}
			err := v.Verify(nil, h)
			if !errors.Is(err, ErrMissingHeaders) || !strings.HasSuffix(err.Error(), ": "+tt.want) {
				t.Fatalf("Verify() = %v, want ErrMissingHeaders naming %s", err, tt.want)
			}
		})
	}
}

func TestNewVerifierSecrets(t *testing.T) {
	t.Parallel()
	raw := strings.TrimPrefix(testSecret, "whsec_")
	body := []byte(`{}`)
	sig := mustSign(t, testSecret, testID, testNow, body)
	tests := []struct {
		name   string
		secret string
		want   error
	}{
		{"with prefix", testSecret, nil},
		{"without prefix", raw, nil},
		{"surrounding space", "  " + testSecret + "\n", ErrInvalidSecret},
		{"one extra padding character", testSecret + "=", nil},
		{"three padding characters", testSecret + "===", ErrInvalidSecret},
		{"a lone last character is ignored", testSecret + "!", nil},
		{"URL-safe alphabet", "whsec_" + base64.URLEncoding.EncodeToString([]byte{0xfb, 0xff, 0xbf}), ErrInvalidSecret},
		{"shorter than four characters", "whsec_QQ=", ErrInvalidSecret},
		{"unpadded base64", "whsec_" + strings.TrimRight(base64.StdEncoding.EncodeToString([]byte("abcd")), "="), nil},
		{"empty", "", ErrInvalidSecret},
		{"prefix only", "whsec_", ErrInvalidSecret},
		{"not base64", "whsec_***not base64***", ErrInvalidSecret},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, err := NewVerifier(tt.secret, WithNow(func() time.Time { return testNow }))
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("NewVerifier() error = %v, want %v", err, tt.want)
			}
			if err != nil {
				if tt.secret != "" && strings.Contains(err.Error(), strings.TrimPrefix(tt.secret, "whsec_")) && strings.TrimPrefix(tt.secret, "whsec_") != "" {
					t.Fatalf("error %q reveals the secret", err)
				}
				if _, serr := Sign(tt.secret, testID, testNow, body); !errors.Is(serr, ErrInvalidSecret) {
					t.Fatalf("Sign() error = %v, want ErrInvalidSecret", serr)
				}
				return
			}
			if tt.name != "unpadded base64" {
				if err := v.Verify(body, headers(testID, testNow, sig)); err != nil {
					t.Fatalf("Verify() = %v", err)
				}
			}
			if strings.Contains(v.String(), raw) {
				t.Fatal("String() reveals the secret")
			}
		})
	}
}

func TestOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opt  Option
		want error
	}{
		{"negative tolerance", WithTolerance(-time.Second), ErrInvalidOption},
		{"zero body size", WithMaxBodySize(0), ErrInvalidOption},
		{"nil clock", WithNow(nil), ErrInvalidOption},
		{"zero tolerance", WithTolerance(0), nil},
		{"nil option", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := NewVerifier(testSecret, tt.opt)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("NewVerifier() error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestCustomTolerance(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t, WithTolerance(10*time.Second))
	tests := []struct {
		offset time.Duration
		want   error
	}{
		{-10 * time.Second, nil},
		{-11 * time.Second, ErrTimestampTooOld},
		{10 * time.Second, nil},
		{11 * time.Second, ErrTimestampTooNew},
	}
	for _, tt := range tests {
		t.Run(tt.offset.String(), func(t *testing.T) {
			t.Parallel()
			ts := testNow.Add(tt.offset)
			err := v.Verify([]byte("x"), headers(testID, ts, mustSign(t, testSecret, testID, ts, []byte("x"))))
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("Verify() = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestNewVerifierFromEnv(t *testing.T) {
	// Not parallel: it sets an environment variable.
	t.Setenv(EnvSigningSecret, "")
	if _, err := NewVerifierFromEnv(); !errors.Is(err, ErrInvalidSecret) {
		t.Fatalf("unset: error = %v, want ErrInvalidSecret", err)
	}
	t.Setenv(EnvSigningSecret, testSecret)
	v, err := NewVerifierFromEnv(WithNow(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Verify([]byte("{}"), headers(testID, testNow, mustSign(t, testSecret, testID, testNow, []byte("{}")))); err != nil {
		t.Fatalf("Verify() = %v", err)
	}
}

func TestSignFormat(t *testing.T) {
	t.Parallel()
	sig := mustSign(t, testSecret, testID, testNow, []byte("{}"))
	version, enc, ok := strings.Cut(sig, ",")
	raw, err := base64.StdEncoding.DecodeString(enc)
	if !ok || version != "v1" || err != nil || len(raw) != 32 {
		t.Fatalf("Sign() = %q, want v1,<base64 of 32 bytes>", sig)
	}
}

func TestMatchesV1(t *testing.T) {
	t.Parallel()
	var st macState
	copy(st.expected[:], "x5lVgj0b/JJJaUYaa1+6I5J/EECcryrPlFN4VrkmI94=")
	sig := string(st.expected[:])
	tests := []struct {
		entry string
		want  bool
	}{
		{"v1," + sig, true},
		{"v1," + sig + ",", true},
		{"v1," + sig + ",anything,else", true},
		{"v1," + strings.TrimRight(sig, "="), false},
		{"v1," + sig + "=", false},
		{"v1," + sig[:42] + "5=", false}, // same bytes, not the canonical text
		{"v1,," + sig, false},
		{"v2," + sig, false},
		{"V1," + sig, false},
		{sig, false},
		{"v1", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := st.matchesV1(tt.entry); got != tt.want {
			t.Errorf("matchesV1(%q) = %v, want %v", tt.entry, got, tt.want)
		}
	}
}
