package auth

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzVerifySessionToken feeds arbitrary tokens to the verifier: it must
// never panic and must fail with a *TokenError.
func FuzzVerifySessionToken(f *testing.F) {
	f.Add(mint(f, testKey(), baseHeader(), baseClaims()))
	f.Add("a.b.c")
	f.Add("bnVsbA.e30.")
	f.Add("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
	f.Add("e30=.e30==.AAAA")
	f.Add(`eyJhbGciOiJSUzI1NiJ9.eyJvIjp7ImZwbSI6IjEsMiJ9LCJmZWEiOiJvOmEifQ.`)
	v := staticVerifier(f, Config{})
	f.Fuzz(func(t *testing.T, token string) {
		c, err := v.VerifySessionToken(context.Background(), token)
		if err == nil {
			if c == nil || c.Subject == "" {
				t.Fatalf("accepted without a subject: %q", token)
			}
			return
		}
		var te *TokenError
		if !errors.As(err, &te) || te.Reason.Sentinel() == nil {
			t.Fatalf("error %v is not a *TokenError with a known reason", err)
		}
	})
}

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
		var c rawClaims
		err := decodeClaims(in, &c)
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
		if s, ok := ref.Sub.(string); ok && c.Sub.ok && s != c.Sub.val {
			t.Fatalf("sub = %q, encoding/json says %q", c.Sub.val, s)
		}
		if n, ok := ref.Exp.(float64); ok && c.Exp.ok && n != c.Exp.val {
			t.Fatalf("exp = %v, encoding/json says %v", c.Exp.val, n)
		}
	})
}

// FuzzDecodeSegment checks the tolerant base64url decoding.
func FuzzDecodeSegment(f *testing.F) {
	for _, s := range []string{"e30", "e30=", "e30===", "e3+0", "e3/0", "e3\n0", "", "="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := decodeSegmentString([]byte(in))
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

// FuzzAuthenticateRequest feeds arbitrary Authorization, Cookie and
// X-Forwarded-Host headers: never a panic, never a nil Auth, and never
// signed in for a token the test key did not sign.
func FuzzAuthenticateRequest(f *testing.F) {
	f.Add("Bearer abc", "__session=abc", "example.com")
	f.Add("bearer", "__session=", "\x00")
	f.Add("Basic Zm9v", "__session=a.b.c; other=1", "a:b:c")
	f.Add("ak_123", `__session="quoted"`, "[::1]")
	f.Add("Bearer mt_1 extra", "=;;;", "")
	v := staticVerifier(f, Config{AcceptsToken: []TokenType{AnyToken}})
	f.Fuzz(func(t *testing.T, authz, cookie, host string) {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header["Authorization"] = []string{authz}
		r.Header["Cookie"] = []string{cookie}
		r.Header["X-Forwarded-Host"] = []string{host}
		a, _ := v.AuthenticateRequest(r)
		if a == nil {
			t.Fatal("nil Auth")
		}
		if a.IsAuthenticated {
			t.Fatalf("fuzzed headers signed in: %q %q", authz, cookie)
		}
	})
}
