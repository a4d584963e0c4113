package jwt

import (
	"bytes"
	"crypto/sha256"

	"github.com/clerkgo/clerk/auth/internal/reason"
)

// Header is the protected header of a compact JWS.
type Header struct {
	Alg    string `json:"alg"`
	Kid    string `json:"kid"`
	Typ    string `json:"typ"`
	HasTyp bool   `json:"-"`
	Cat    string `json:"cat"`
	HasCat bool   `json:"-"`
}

// Token is a compact JWS split and decoded, not yet verified.
type Token struct {
	Header  Header
	Claims  Claims
	Payload string            // the decoded payload JSON
	Digest  [sha256.Size]byte // SHA-256 of "<header>.<payload>" as sent
	sig     [512]byte         // the decoded signature (keys up to 4096 bits)...
	sigLen  int               // ...of this length; a slice here would move the Token to the heap
}

// Signature returns the decoded signature.
func (t *Token) Signature() []byte { return t.sig[:t.sigLen] }

// Parse splits and decodes a compact JWS. Every failure is a
// *reason.Error with Clerk's token-invalid.
func (t *Token) Parse(token string) error {
	// Copy the token through a stack buffer when it fits: the bytes are
	// only needed inside parse.
	var buf [4096]byte
	var raw []byte
	if len(token) <= len(buf) {
		raw = buf[:copy(buf[:], token)]
	} else {
		raw = []byte(token)
	}
	d1 := bytes.IndexByte(raw, '.')
	if d1 < 0 {
		return &reason.Error{Reason: reason.TokenInvalid, Message: "not a JWT: expected three dot-separated parts"}
	}
	rest := raw[d1+1:]
	d2 := bytes.IndexByte(rest, '.')
	if d2 < 0 || bytes.IndexByte(rest[d2+1:], '.') >= 0 {
		return &reason.Error{Reason: reason.TokenInvalid, Message: "not a JWT: expected three dot-separated parts"}
	}
	d2 += d1 + 1
	hs, err := DecodeSegmentString(raw[:d1])
	if err != nil {
		return &reason.Error{Reason: reason.TokenInvalid, Message: "malformed JWT Header"}
	}
	if err := DecodeHeader(hs, &t.Header); err != nil {
		return &reason.Error{Reason: reason.TokenInvalid, Message: "malformed JWT Header", Err: err}
	}
	ps, err := DecodeSegmentString(raw[d1+1 : d2])
	if err != nil {
		return &reason.Error{Reason: reason.TokenInvalid, Message: "malformed JWT payload"}
	}
	if err := DecodeClaims(ps, &t.Claims); err != nil {
		return &reason.Error{Reason: reason.TokenInvalid, Message: "malformed JWT payload", Err: err}
	}
	seg := raw[d2+1:]
	var sig []byte
	if strictB64.DecodedLen(len(seg)) <= len(t.sig) {
		sig, err = decodeSegment(t.sig[:], seg)
	} else {
		// Longer than any key this package accepts: valid base64 still
		// fails as a bad signature, as in Clerk.
		_, err = decodeSegment(nil, seg)
		sig = nil
	}
	if err != nil {
		return &reason.Error{Reason: reason.TokenInvalid, Message: "malformed JWT signature"}
	}
	t.Payload = ps
	t.Digest = sha256.Sum256(raw[:d2])
	t.sigLen = len(sig)
	return nil
}
