package auth

import (
	"encoding/json"
	"errors"
)

// The claim types below record whether a claim was present and whether it
// had the expected JSON type, so that a wrong type is reported by the claim
// checks (token-verification-failed), after the signature, rather than as a
// malformed payload.

// errType reports a claim of an unexpected JSON type.
var errType = errors.New("auth: unexpected JSON type")

// claimString is a claim expected to be a JSON string.
type claimString struct {
	val     string
	present bool
	ok      bool
}

// claimNumber is a claim expected to be a finite JSON number (seconds).
type claimNumber struct {
	val     float64
	present bool
	ok      bool
}

// claimAudience is the aud claim: a string or an array of strings.
type claimAudience struct {
	val     []string
	present bool
	ok      bool
}

// contains reports whether s is one of the audiences.
func (c *claimAudience) contains(s string) bool {
	for _, a := range c.val {
		if a == s {
			return true
		}
	}
	return false
}

func (s *scanner) readClaimString(dst *claimString) error {
	*dst = claimString{present: true}
	if s.peek() != '"' {
		_, err := s.skip()
		return err
	}
	v, err := s.stringValue()
	if err != nil {
		return err
	}
	dst.val, dst.ok = v, true
	return nil
}

func (s *scanner) readClaimNumber(dst *claimNumber) error {
	*dst = claimNumber{present: true}
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
	dst.val, dst.ok = f, true
	return nil
}

func (s *scanner) readClaimAudience(dst *claimAudience) error {
	*dst = claimAudience{present: true}
	switch s.peek() {
	case '"':
		v, err := s.stringValue()
		if err != nil {
			return err
		}
		dst.val, dst.ok = []string{v}, true
		return nil
	case '[':
		raw, err := s.skip()
		if err != nil {
			return err
		}
		var ss []string
		if json.Unmarshal([]byte(raw), &ss) == nil {
			dst.val, dst.ok = ss, true
		}
		return nil
	}
	_, err := s.skip()
	return err
}

// readString reads a string into dst; null leaves dst unchanged and any
// other type is errType.
func (s *scanner) readString(dst *string) error {
	if s.isNull() {
		return nil
	}
	if s.peek() != '"' {
		return errType
	}
	v, err := s.stringValue()
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// readInt reads an integral number into dst; null leaves dst unchanged.
func (s *scanner) readInt(dst *int) error {
	if s.isNull() {
		return nil
	}
	if c := s.peek(); c != '-' && (c < '0' || c > '9') {
		return errType
	}
	f, err := s.numberValue()
	if err != nil || f != float64(int(f)) {
		return errType
	}
	*dst = int(f)
	return nil
}

// readJSON validates any value and unmarshals it into dst with
// encoding/json (for the rare, richer claims); null leaves dst unchanged.
func (s *scanner) readJSON(dst any) error {
	raw, err := s.skip()
	if err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(raw), dst); err != nil {
		return errType
	}
	return nil
}
