package webhooks

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// recorder is a hash.Hash that keeps what is written, to look at the signed
// content itself.
type recorder struct{ bytes.Buffer }

func (r *recorder) Sum(b []byte) []byte { return append(b, r.Bytes()...) }
func (r *recorder) Size() int           { return sha256.Size }
func (r *recorder) BlockSize() int      { return sha256.BlockSize }

var _ hash.Hash = (*recorder)(nil)

func signedText(prefix string, body []byte) []byte {
	var r recorder
	writeSigned(&r, []byte(prefix), body)
	return r.Bytes()
}

func TestSignedContent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, id string
		ts       int64
		body     string
		want     string // hex of everything after the prefix
		prefix   string
	}{
		{"ASCII", "msg_1", 1700000000, "{}", hex.EncodeToString([]byte("{}")), "msg_1.1700000000."},
		// The expected bytes are what Node 20 gives for
		// Buffer.from(body).toString() re-encoded in UTF-8: one U+FFFD per
		// maximal invalid subsequence, the byte-order mark kept.
		{"invalid UTF-8", "m", 1, "\xef\xbb\xbfA\xe2\x82A\xf0\x9f\x98A\xed\xa0\x80\xc0\x80\xff",
			"efbbbf41efbfbd41efbfbd41efbfbdefbfbdefbfbdefbfbdefbfbdefbfbd", "m.1."},
		{"Latin-1 id", "msg_\xe9", -5, "", "", "msg_\xc3\xa9.-5."},
		{"literal U+FFFD kept", "m", 0, "\xef\xbf\xbd", "efbfbd", "m.0."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			prefix := appendSignedPrefix(nil, tt.id, tt.ts)
			if string(prefix) != tt.prefix {
				t.Fatalf("prefix = %q, want %q", prefix, tt.prefix)
			}
			got := signedText(string(prefix), []byte(tt.body))
			if h := hex.EncodeToString(got[len(prefix):]); h != tt.want {
				t.Fatalf("signed body = %s, want %s", h, tt.want)
			}
		})
	}
}

func TestParseTimestamp(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw  string
		want int64
		ok   bool
	}{
		{"1700000000", 1700000000, true},
		{"+001700000000", 1700000000, true},
		{"-0", 0, true},
		{"-17", -17, true},
		{" \t\n\v\f\r\xa01700000000", 1700000000, true},
		{"1700000000.99", 1700000000, true},
		{"1700000000 1", 1700000000, true},
		{"1e9", 1, true},
		{"0x10", 0, true},
		{"999999999999999999", 999999999999999999, true},
		{"1000000000000000000", hugeTimestamp, true},
		{"-" + strings.Repeat("9", 300), -hugeTimestamp, true},
		{"", 0, false},
		{"+", 0, false},
		{"+-1", 0, false},
		{"\x85 1", 0, false},
		{"\xc2\xa01", 0, false},
		{"abc", 0, false},
		{"١", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseTimestamp(tt.raw)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseTimestamp(%q) = %d, %v; want %d, %v", tt.raw, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDecodeSecret(t *testing.T) {
	t.Parallel()
	tests := []struct {
		secret string
		want   string // hex of the key; "" for an error
	}{
		{"whsec_QUJD", "414243"},
		{"QUJD", "414243"},
		{"whsec_QUJDRA", "41424344"},
		{"whsec_QUJDRA=", "41424344"},
		{"whsec_QUJDRA==", "41424344"},
		{"whsec_QUJDRA===", ""},
		{"whsec_QUJDRB==", "41424344"}, // unused bits set
		{"whsec_QUJDx", "414243"},      // lone last character ignored
		{"whsec_QUJD!", "414243"},
		{"whsec_QUJDé", "414243"},    // one UTF-16 unit: ignored
		{"whsec_QUJD😀", ""},          // two units: the first is read
		{"whsec_QUJD\xff", "414243"}, // one U+FFFD
		{"whsec_QUJD\xe2\x82", "414243"},
		{"whsec_QQ", ""},
		{"whsec_QQ=", ""},
		{"whsec_QQ==", "41"},
		{"whsec_whsec_QUJD", ""},
		{" whsec_QUJD", ""},
		{"whsec_QUJD ", "414243"}, // a lone last character, even a space
		{"whsec_QUJDRA ", ""},
		{"whsec_QU=JD", ""},
		{"whsec_-_-_", ""},
		{"whsec_", ""},
		{"", ""},
	}
	for _, tt := range tests {
		key, err := decodeSecret(tt.secret)
		if tt.want == "" {
			if !errors.Is(err, ErrInvalidSecret) {
				t.Errorf("decodeSecret(%q) = %x, %v; want ErrInvalidSecret", tt.secret, key, err)
			}
			continue
		}
		if err != nil || hex.EncodeToString(key) != tt.want {
			t.Errorf("decodeSecret(%q) = %x, %v; want %s", tt.secret, key, err, tt.want)
		}
	}
}

func FuzzParseTimestamp(f *testing.F) {
	for _, s := range []string{"1700000000", "+01", "-0", " 1.5", "9223372036854775808", "", "\xa0-7x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, ok := parseTimestamp(raw)
		trimmed := raw
		for trimmed != "" && strings.IndexByte(" \t\n\v\f\r\xa0", trimmed[0]) >= 0 {
			trimmed = trimmed[1:]
		}
		digits := strings.TrimLeft(trimmed, "+-")
		if len(trimmed)-len(digits) > 1 {
			digits = "" // two signs: no number
		}
		n := 0
		for n < len(digits) && digits[n] >= '0' && digits[n] <= '9' {
			n++
		}
		if ok != (n > 0) {
			t.Fatalf("parseTimestamp(%q) ok = %v with %d leading digits", raw, ok, n)
		}
		if !ok {
			return
		}
		want, err := strconv.ParseInt(trimmed[:len(trimmed)-len(digits)+n], 10, 64)
		if err == nil && strings.TrimLeft(digits[:n], "0") != "" && len(strings.TrimLeft(digits[:n], "0")) <= 18 && got != want {
			t.Fatalf("parseTimestamp(%q) = %d, want %d", raw, got, want)
		}
		if got > hugeTimestamp || got < -hugeTimestamp {
			t.Fatalf("parseTimestamp(%q) = %d, outside ±hugeTimestamp", raw, got)
		}
	})
}

func FuzzDecodeSecret(f *testing.F) {
	for _, s := range []string{testSecret, "whsec_QUJD==", "whsec_QQ", " x", "whsec_QUJD😀", "whsec_\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, secret string) {
		key, err := decodeSecret(secret)
		if err != nil {
			if !errors.Is(err, ErrInvalidSecret) {
				t.Fatalf("untyped error %v", err)
			}
			if s := strings.TrimPrefix(secret, "whsec_"); len(s) >= 4 && strings.Contains(err.Error(), s) {
				t.Fatalf("error %q quotes the secret", err)
			}
			return
		}
		if len(key) == 0 {
			t.Fatal("accepted an empty key")
		}
	})
}

func FuzzSignedText(f *testing.F) {
	for _, s := range []string{"{}", "\xff", "\xe2\x82A", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\xef\xbb\xbf"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		got := signedText("", body)
		if !utf8.Valid(got) {
			t.Fatalf("signed text of %q is not UTF-8: %q", body, got)
		}
		if utf8.Valid(body) {
			if !bytes.Equal(got, body) {
				t.Fatalf("valid UTF-8 %q signed as %q", body, got)
			}
			return
		}
		// Each maximal subpart is at least one byte of an invalid run and at
		// most one per byte: the count of U+FFFD added lies between.
		added := bytes.Count(got, replacementChar) - bytes.Count(body, replacementChar)
		runs := bytes.Count(bytes.ToValidUTF8(body, []byte("\x00\xff")), []byte("\x00\xff"))
		invalidBytes := 0
		for i := 0; i < len(body); {
			r, size := utf8.DecodeRune(body[i:])
			if r == utf8.RuneError && size == 1 {
				invalidBytes++
			}
			i += size
		}
		if added < runs || added > invalidBytes {
			t.Fatalf("%q: %d U+FFFD added, want between %d runs and %d invalid bytes", body, added, runs, invalidBytes)
		}
	})
}
