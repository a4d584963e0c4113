package jwt

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
)

// errBadSegment reports a JWS segment outside the base64url alphabet.
var errBadSegment = errors.New("jwt: segment is not base64url")

// strictB64 refuses non-zero trailing bits, as the decoder of Clerk's SDK
// does; it is never modified.
var strictB64 = base64.RawURLEncoding.Strict()

// trimSegment strips "=" padding (missing or extra padding is tolerated,
// as Clerk's loose decoder tolerates it) and refuses line breaks, which the
// standard decoder would skip.
func trimSegment(seg []byte) ([]byte, error) {
	for len(seg) > 0 && seg[len(seg)-1] == '=' {
		seg = seg[:len(seg)-1]
	}
	if bytes.IndexByte(seg, '\n') >= 0 || bytes.IndexByte(seg, '\r') >= 0 {
		return nil, errBadSegment
	}
	return seg, nil
}

// decodeSegment decodes one base64url segment into dst, which must be large
// enough (base64.RawURLEncoding.DecodedLen).
func decodeSegment(dst, seg []byte) ([]byte, error) {
	seg, err := trimSegment(seg)
	if err != nil {
		return nil, err
	}
	if len(dst) < base64.RawURLEncoding.DecodedLen(len(seg)) {
		dst = make([]byte, base64.RawURLEncoding.DecodedLen(len(seg)))
	}
	n, err := strictB64.Decode(dst, seg)
	if err != nil {
		return nil, errBadSegment
	}
	return dst[:n], nil
}

// DecodeSegmentString decodes one base64url segment into a string with a
// single allocation, going through a stack buffer.
func DecodeSegmentString(seg []byte) (string, error) {
	seg, err := trimSegment(seg)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	sb.Grow(base64.RawURLEncoding.DecodedLen(len(seg)))
	var buf [384]byte // decodes 512 input bytes at a time
	for len(seg) > 0 {
		chunk := seg
		if len(chunk) > 512 {
			chunk = chunk[:512]
		}
		n, err := strictB64.Decode(buf[:], chunk)
		if err != nil {
			return "", errBadSegment
		}
		sb.Write(buf[:n])
		seg = seg[len(chunk):]
	}
	return sb.String(), nil
}
