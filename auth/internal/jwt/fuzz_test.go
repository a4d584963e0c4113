package jwt

import (
	"encoding/base64"
	"encoding/json"
	"testing"
)

// FuzzDecodeClaims checks the hand-written JSON reader against
// encoding/json: it must never accept invalid JSON, and for valid objects
// it must read sub and exp as encoding/json does.
func FuzzDecodeClaims(f *testing.F) {
	for _, s := range []string{
		`{"sub":"user_1","exp":1700000000}`, `{"sub":"a\"b\u00e9","exp":1e3}`, `{}`, `null`, `[]`,
		`{"sub":1}`, `{"o":{"id":"x","fpm":"1"},"aud":["a"]}`, `{"exp":-0.5e-3}`, `{"a":[{"b":[true,false,null]}]}`,
		`{"sub":"x",}`, `{"sub":"\ud800"}`, "{\"sub\":\"\xff\"}", `{"exp":01}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var c Claims
		err := DecodeClaims(in, &c)
		if err != nil {
			return
		}
		if !json.Valid([]byte(in)) {
			t.Fatalf("accepted invalid JSON %q", in)
		}
		var ref struct {
			Sub any `json:"sub"`
			Exp any `json:"exp"`
		}
		if json.Unmarshal([]byte(in), &ref) != nil {
			return // case-insensitive key collisions differ; not a concern here
		}
		if s, ok := ref.Sub.(string); ok && c.Sub.OK && s != c.Sub.Val {
			t.Fatalf("sub = %q, encoding/json says %q", c.Sub.Val, s)
		}
		if n, ok := ref.Exp.(float64); ok && c.Exp.OK && n != c.Exp.Val {
			t.Fatalf("exp = %v, encoding/json says %v", c.Exp.Val, n)
		}
	})
}

// FuzzDecodeSegment checks the tolerant base64url decoding.
func FuzzDecodeSegment(f *testing.F) {
	for _, s := range []string{"e30", "e30=", "e30===", "e3+0", "e3/0", "e3\n0", "", "="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := DecodeSegmentString([]byte(in))
		if err != nil {
			return
		}
		want, err := base64.RawURLEncoding.DecodeString(trimPad(in))
		if err != nil || string(want) != got {
			t.Fatalf("decode(%q) = %q, reference %q (%v)", in, got, want, err)
		}
	})
}

func trimPad(s string) string {
	for len(s) > 0 && s[len(s)-1] == '=' {
		s = s[:len(s)-1]
	}
	return s
}
