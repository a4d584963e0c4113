package auth

import (
	"bytes"
	"crypto/sha256"
)

// header is the protected header of a compact JWS.
type header struct {
	Alg    string `json:"alg"`
	Kid    string `json:"kid"`
	Typ    string `json:"typ"`
	HasTyp bool   `json:"-"`
	Cat    string `json:"cat"`
	HasCat bool   `json:"-"`
}

// jws is a compact JWS split and decoded, not yet verified.
type jws struct {
	header  header
	claims  rawClaims
	payload string            // the decoded payload JSON
	digest  [sha256.Size]byte // SHA-256 of "<header>.<payload>" as sent
	sig     [512]byte         // the decoded signature (keys up to 4096 bits)...
	sigLen  int               // ...of this length; a slice here would move the jws to the heap
}

// signature returns the decoded signature.
func (t *jws) signature() []byte { return t.sig[:t.sigLen] }

// parse splits and decodes a compact JWS. Every failure is token-invalid.
func (t *jws) parse(token string) error {
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
		return tokenErr(ReasonTokenInvalid, "not a JWT: expected three dot-separated parts")
	}
	rest := raw[d1+1:]
	d2 := bytes.IndexByte(rest, '.')
	if d2 < 0 || bytes.IndexByte(rest[d2+1:], '.') >= 0 {
		return tokenErr(ReasonTokenInvalid, "not a JWT: expected three dot-separated parts")
	}
	d2 += d1 + 1
	hs, err := decodeSegmentString(raw[:d1])
	if err != nil {
		return tokenErr(ReasonTokenInvalid, "malformed JWT header")
	}
	if err := decodeHeader(hs, &t.header); err != nil {
		return &TokenError{Reason: ReasonTokenInvalid, Message: "malformed JWT header", Err: err}
	}
	ps, err := decodeSegmentString(raw[d1+1 : d2])
	if err != nil {
		return tokenErr(ReasonTokenInvalid, "malformed JWT payload")
	}
	if err := decodeClaims(ps, &t.claims); err != nil {
		return &TokenError{Reason: ReasonTokenInvalid, Message: "malformed JWT payload", Err: err}
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
		return tokenErr(ReasonTokenInvalid, "malformed JWT signature")
	}
	t.payload = ps
	t.digest = sha256.Sum256(raw[:d2])
	t.sigLen = len(sig)
	return nil
}
