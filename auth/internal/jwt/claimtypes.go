package jwt

import (
	"encoding/json"
	"math"
	"strings"
	"time"
)

// The claim types below record whether a claim was present and whether it
// had the expected JSON type, so that a wrong type is decided by the claim
// checks (after the signature) the way Clerk decides it, rather than as a
// malformed payload.

// StringClaim is a claim expected to be a JSON string. Truthy is
// JavaScript truthiness of the value, whatever its type.
type StringClaim struct {
	Val     string
	Present bool
	OK      bool
	Truthy  bool
}

// NumberClaim is a claim expected to be a finite JSON number (seconds).
type NumberClaim struct {
	Val     float64
	Present bool
	OK      bool
}

// AudienceClaim is the aud claim: a string or an array of strings.
type AudienceClaim struct {
	Val     []string
	Present bool
	OK      bool
	// nonEmpty counts the truthy values, as Clerk filters them before
	// deciding whether to check the audience at all.
	NonEmpty int
}

// ListClaim is a claim expected to be an array; strs keeps its string
// elements.
type ListClaim struct {
	Strs     []string
	Present  bool
	IsArray  bool
	IsString bool // the claim is a single JSON string, kept in strs[0]
}

// FvaClaim is the fva claim: valid when it is an array of exactly two
// finite numbers, each -1 or non-negative, as Clerk requires.
type FvaClaim struct {
	Ages    [2]float64
	Present bool
	Valid   bool
}

// Contains reports whether s is one of the audiences.
func (c *AudienceClaim) Contains(s string) bool {
	for _, a := range c.Val {
		if a == s {
			return true
		}
	}
	return false
}

// truthyLiteral reports JavaScript truthiness of a skipped raw JSON value
// that is not a string.
func truthyLiteral(raw string) bool {
	switch raw {
	case "null", "false":
		return false
	case "", `""`:
		return false
	}
	if c := raw[0]; c == '-' || (c >= '0' && c <= '9') {
		var f float64
		if json.Unmarshal([]byte(raw), &f) == nil {
			return f != 0
		}
		return true // out of range: ±Infinity in JavaScript
	}
	return true
}

func (s *scanner) readClaimString(dst *StringClaim) error {
	*dst = StringClaim{Present: true}
	if s.peek() != '"' {
		raw, err := s.skip()
		if err != nil {
			return err
		}
		dst.Truthy = truthyLiteral(raw)
		return nil
	}
	v, err := s.stringValue()
	if err != nil {
		return err
	}
	dst.Val, dst.OK, dst.Truthy = v, true, v != ""
	return nil
}

func (s *scanner) readClaimNumber(dst *NumberClaim) error {
	*dst = NumberClaim{Present: true}
	if c := s.peek(); c != '-' && (c < '0' || c > '9') {
		_, err := s.skip()
		return err
	}
	f, err := s.numberValue()
	if err == errRange {
		return nil
	}
	if err != nil {
		return err
	}
	dst.Val, dst.OK = f, true
	return nil
}

func (s *scanner) readClaimAudience(dst *AudienceClaim) error {
	*dst = AudienceClaim{Present: true}
	switch s.peek() {
	case '"':
		v, err := s.stringValue()
		if err != nil {
			return err
		}
		dst.Val, dst.OK = []string{v}, true
		if v != "" {
			dst.NonEmpty = 1
		}
		return nil
	case '[':
		raw, err := s.skip()
		if err != nil {
			return err
		}
		var xs []any
		if json.Unmarshal([]byte(raw), &xs) != nil {
			return nil
		}
		ss := make([]string, 0, len(xs))
		for _, x := range xs {
			if str, ok := x.(string); ok {
				ss = append(ss, str)
				if str != "" {
					dst.NonEmpty++
				}
			} else if x != nil && x != false && x != 0.0 {
				dst.NonEmpty++
			}
		}
		dst.Val, dst.OK = ss, len(ss) == len(xs) && len(xs) > 0
		return nil
	}
	raw, err := s.skip()
	if err == nil && truthyLiteral(raw) {
		dst.NonEmpty = 1
	}
	return err
}

func (s *scanner) readClaimList(dst *ListClaim) error {
	*dst = ListClaim{Present: true}
	if s.peek() == '"' {
		v, err := s.stringValue()
		dst.Strs, dst.IsString = []string{v}, err == nil
		return err
	}
	raw, err := s.skip()
	if err != nil || len(raw) == 0 || raw[0] != '[' {
		return err
	}
	var xs []any
	if json.Unmarshal([]byte(raw), &xs) != nil {
		return nil
	}
	dst.IsArray = true
	for _, x := range xs {
		if str, ok := x.(string); ok {
			dst.Strs = append(dst.Strs, str)
		}
	}
	return nil
}

func (s *scanner) readClaimFva(dst *FvaClaim) error {
	*dst = FvaClaim{Present: true}
	if s.peek() != '[' {
		_, err := s.skip()
		return err
	}
	// Walk the array with the scanner: valid means exactly two finite
	// numbers, each -1 or non-negative.
	start := s.pos
	s.pos++
	n, valid := 0, true
	if s.peek() == ']' {
		s.pos++
		return nil
	}
	for {
		if c := s.peek(); c == '-' || (c >= '0' && c <= '9') {
			f, err := s.numberValue()
			switch {
			case err == errRange:
				valid = false
			case err != nil:
				return err
			case n < 2:
				dst.Ages[n] = f
				valid = valid && (f == -1 || f >= 0)
			}
		} else {
			s.pos = start
			_, err := s.skip()
			*dst = FvaClaim{Present: true}
			return err
		}
		n++
		switch s.peek() {
		case ',':
			s.pos++
		case ']':
			s.pos++
			dst.Valid = valid && n == 2
			return nil
		default:
			return errSyntax
		}
	}
}

// readIsTwo reports whether the next value is the JSON number 2.
func (s *scanner) readIsTwo(dst *bool) error {
	*dst = false
	if c := s.peek(); c == '-' || (c >= '0' && c <= '9') {
		f, err := s.numberValue()
		if err != nil && err != errRange {
			return err
		}
		*dst = err == nil && f == 2
		return nil
	}
	_, err := s.skip()
	return err
}

// readString reads a string header field into dst; any other type leaves
// dst empty and reports present through the return value.
func (s *scanner) readString(dst *string) error {
	*dst = ""
	if s.peek() != '"' {
		_, err := s.skip()
		return err
	}
	v, err := s.stringValue()
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// Time converts a NumericDate to a time, zero when absent; values beyond
// the year 9999 are clamped.
func (n NumberClaim) Time() time.Time {
	if !n.OK {
		return time.Time{}
	}
	const maxSec = 253402300799 // 9999-12-31T23:59:59Z
	f := math.Max(math.Min(n.Val, maxSec), -maxSec)
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC()
}

// TrimJS trims the white space that JavaScript's String.prototype.trim
// removes (the ASCII subset and the Unicode spaces Clerk's claims could
// carry).
func TrimJS(s string) string {
	if s == "" || (s[0] > ' ' && s[0] < 0x80 && s[len(s)-1] > ' ' && s[len(s)-1] < 0x80) {
		return s // the common case: nothing to trim
	}
	return strings.TrimFunc(s, func(r rune) bool {
		switch r {
		case ' ', '\t', '\n', '\v', '\f', '\r', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
			return true
		}
		return r >= 0x2000 && r <= 0x200a
	})
}
