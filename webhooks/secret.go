package webhooks

import (
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeSecret turns the dashboard secret into the HMAC key, accepting and
// refusing exactly the secrets svix's JavaScript library accepts and refuses
// (its base64 decoder, @stablelib/base64, counts in UTF-16 code units):
//
//   - one leading "whsec_" is dropped;
//   - at most two trailing "=" are allowed, and the whole text must be at
//     least four characters long;
//   - the rest must be the standard base64 alphabet, with no white space,
//     except that a last lone character (length 1 modulo 4) is ignored;
//   - unused low bits of the last character need not be zero;
//   - the key must not be empty.
//
// Its errors never quote the secret.
func decodeSecret(secret string) ([]byte, error) {
	s := strings.TrimPrefix(secret, secretPrefix)
	if s == "" {
		return nil, fmt.Errorf("%w: empty", ErrInvalidSecret)
	}
	units := codeUnits(s)
	padding := 0
	for padding < len(units) && units[len(units)-1-padding] == '=' {
		padding++
	}
	if len(units) < 4 || padding > 2 {
		return nil, fmt.Errorf("%w: bad base64 padding", ErrInvalidSecret)
	}
	n := len(units) - padding
	if n%4 == 1 {
		n-- // svix's decoder never reads a lone last character
	}
	text := make([]byte, n)
	for i, u := range units[:n] {
		if !isBase64Char(u) {
			return nil, fmt.Errorf("%w: not base64 (white space and characters outside the standard alphabet are refused)", ErrInvalidSecret)
		}
		text[i] = byte(u)
	}
	key, err := base64.RawStdEncoding.DecodeString(string(text))
	if err != nil {
		return nil, fmt.Errorf("%w: not base64", ErrInvalidSecret)
	}
	if len(key) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrInvalidSecret)
	}
	return key, nil
}

// codeUnits returns s as JavaScript sees the same text: UTF-16 code units,
// each invalid UTF-8 sequence read as one U+FFFD (as Node decodes it).
func codeUnits(s string) []uint16 {
	units := make([]uint16, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			size = maximalSubpart([]byte(s[i:min(len(s), i+4)]))
		}
		units = utf16.AppendRune(units, r)
		i += size
	}
	return units
}

func isBase64Char(u uint16) bool {
	return u >= 'A' && u <= 'Z' || u >= 'a' && u <= 'z' || u >= '0' && u <= '9' || u == '+' || u == '/'
}
