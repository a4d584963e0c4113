package clerktest

import (
	"crypto/x509"
	"encoding/pem"
	"slices"
	"strings"

	jose "github.com/go-jose/go-jose/v4"
)

// customSigningAlgorithms are the algorithms a JWT template's custom
// signing key may use: HMAC with a shared secret, RSA, RSA-PSS, ECDSA and
// EdDSA with a PEM private key.
var customSigningAlgorithms = []string{"HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
	"PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}

// customSigner is a JWT template's own signing key.
type customSigner struct {
	alg string
	key any // []byte for HMAC, a crypto.Signer otherwise
}

// parseCustomSigner checks signing_algorithm and signing_key: an HMAC
// secret for HS*, a PEM private key (PKCS #8, PKCS #1 or SEC 1) otherwise.
func parseCustomSigner(alg, key string) (*customSigner, error) {
	if !slices.Contains(customSigningAlgorithms, alg) {
		return nil, invalidParam("signing_algorithm", "signing_algorithm must be one of "+strings.Join(customSigningAlgorithms, ", ")+".")
	}
	if key == "" {
		return nil, missingParam("signing_key")
	}
	if strings.HasPrefix(alg, "HS") {
		return &customSigner{alg: alg, key: []byte(key)}, nil
	}
	block, _ := pem.Decode([]byte(key))
	if block == nil {
		return nil, invalidParam("signing_key", "signing_key must be a PEM-encoded private key for "+alg+".")
	}
	if k, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
		return &customSigner{alg: alg, key: k}, nil
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return &customSigner{alg: alg, key: k}, nil
	}
	if k, err := x509.ParseECPrivateKey(block.Bytes); err == nil {
		return &customSigner{alg: alg, key: k}, nil
	}
	return nil, invalidParam("signing_key", "signing_key must be a PEM-encoded private key for "+alg+".")
}

// sign signs the claims with the custom key; a key that does not fit the
// algorithm is reported as an invalid signing_key.
func (s *customSigner) sign(claims []byte) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.SignatureAlgorithm(s.alg), Key: s.key},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return "", invalidParam("signing_key", "signing_key does not fit signing_algorithm "+s.alg+".")
	}
	obj, err := signer.Sign(claims)
	if err != nil {
		return "", invalidParam("signing_key", "signing_key does not fit signing_algorithm "+s.alg+".")
	}
	return obj.CompactSerialize()
}
