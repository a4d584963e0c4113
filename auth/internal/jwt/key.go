package jwt

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
)

// MinRSABits is the smallest RSA modulus accepted for token signatures.
const MinRSABits = 2048

// ErrKeyTooSmall reports an RSA key below MinRSABits.
var ErrKeyTooSmall = errors.New("auth: RSA key smaller than 2048 bits")

// ParsePublicKey reads a PEM public key, with or without its armour lines,
// as an SPKI RSA key of at least 2048 bits.
func ParsePublicKey(s string) (*rsa.PublicKey, error) {
	s = strings.TrimSpace(s)
	var der []byte
	if strings.HasPrefix(s, "-----BEGIN") {
		block, _ := pem.Decode([]byte(s))
		if block == nil {
			return nil, errors.New("auth: JWTKey: malformed PEM block")
		}
		der = block.Bytes
	} else {
		b64 := strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == ' ' || r == '\t' {
				return -1
			}
			return r
		}, s)
		var err error
		der, err = base64.StdEncoding.DecodeString(b64)
		if err != nil {
			return nil, fmt.Errorf("auth: JWTKey: not base64: %w", err)
		}
	}
	pub, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return nil, fmt.Errorf("auth: JWTKey: %w", err)
	}
	rk, ok := pub.(*rsa.PublicKey)
	if !ok {
		return nil, fmt.Errorf("auth: JWTKey: %T is not an RSA key", pub)
	}
	if rk.N.BitLen() < MinRSABits {
		return nil, fmt.Errorf("auth: JWTKey: %w", ErrKeyTooSmall)
	}
	return rk, nil
}
