package clerktest

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"strings"
)

// signJWT returns an RS256 JWT over claims, signed with the emulator's key
// and carrying its kid.
func (e *Emulator) signJWT(claims map[string]any) (string, error) {
	return e.signJWTType(claims, "JWT")
}

func (e *Emulator) signJWTType(claims map[string]any, typ string) (string, error) {
	header, err := json.Marshal(map[string]string{"alg": "RS256", "kid": e.keys.kid, "typ": typ})
	if err != nil {
		return "", fmt.Errorf("clerktest: encode JWT header: %w", err)
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", fmt.Errorf("clerktest: encode JWT claims: %w", err)
	}
	enc := base64.RawURLEncoding
	signing := enc.EncodeToString(header) + "." + enc.EncodeToString(payload)
	sum := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, e.keys.key, crypto.SHA256, sum[:])
	if err != nil {
		return "", fmt.Errorf("clerktest: sign JWT: %w", err)
	}
	return signing + "." + enc.EncodeToString(sig), nil
}

// jwk is the public signing key as GET /jwks publishes it.
type jwk struct {
	Use string `json:"use"`
	Kty string `json:"kty"`
	Kid string `json:"kid"`
	Alg string `json:"alg"`
	N   string `json:"n"`
	E   string `json:"e"`
}

func (e *Emulator) getJWKS(*call) (int, any, error) {
	pub := e.keys.key.PublicKey
	k := jwk{Use: "sig", Kty: "RSA", Kid: e.keys.kid, Alg: "RS256",
		N: base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
		E: base64.RawURLEncoding.EncodeToString(big.NewInt(int64(pub.E)).Bytes())}
	return http.StatusOK, map[string][]jwk{"keys": {k}}, nil
}

// verifyOwnJWT checks that tok is an RS256 JWT signed with the emulator's
// key (expiry is not checked) and returns its claims.
func (e *Emulator) verifyOwnJWT(tok string) (map[string]any, bool) {
	enc := base64.RawURLEncoding
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return nil, false
	}
	sig, err := enc.DecodeString(parts[2])
	if err != nil {
		return nil, false
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if rsa.VerifyPKCS1v15(&e.keys.key.PublicKey, crypto.SHA256, sum[:], sig) != nil {
		return nil, false
	}
	payload, err := enc.DecodeString(parts[1])
	if err != nil {
		return nil, false
	}
	var claims map[string]any
	if json.Unmarshal(payload, &claims) != nil {
		return nil, false
	}
	return claims, true
}
