package auth

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
)

// benchToken mints a realistic v2 session token and returns a verifier for it.
func benchSetup(b *testing.B, cfg Config) (*Verifier, string) {
	b.Helper()
	v := staticVerifier(b, cfg)
	return v, mint(b, testKey(), with(baseHeader(), "cat", sessionCategory), baseClaims())
}

// benchPK is a production publishable key for clerk.example.com.
const benchPK = "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k"

// bareRSA returns the floor: SHA-256 of the signing input and a bare
// rsa.VerifyPKCS1v15, with the signature already decoded.
func bareRSA(b *testing.B, tok string) func() {
	b.Helper()
	i := strings.LastIndexByte(tok, '.')
	in := []byte(tok[:i])
	sig, err := base64.RawURLEncoding.DecodeString(tok[i+1:])
	if err != nil {
		b.Fatal(err)
	}
	pub := &testKey().PublicKey
	return func() {
		sum := sha256.Sum256(in)
		if err := rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineRSAVerify is the floor: SHA-256 of the signing input and
// a bare rsa.VerifyPKCS1v15, with the signature already decoded.
func BenchmarkBaselineRSAVerify(b *testing.B) {
	_, tok := benchSetup(b, Config{})
	i := strings.LastIndexByte(tok, '.')
	in := []byte(tok[:i])
	sig, err := base64.RawURLEncoding.DecodeString(tok[i+1:])
	if err != nil {
		b.Fatal(err)
	}
	pub := &testKey().PublicKey
	b.ReportAllocs()
	for b.Loop() {
		sum := sha256.Sum256(in)
		if err := rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifySessionToken is the full uncached verification.
func BenchmarkVerifySessionToken(b *testing.B) {
	v, tok := benchSetup(b, Config{CacheSize: -1})
	ctx := b.Context()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.VerifySessionToken(ctx, tok); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifySessionTokenCached presents the same token again.
func BenchmarkVerifySessionTokenCached(b *testing.B) {
	v, tok := benchSetup(b, Config{})
	ctx := b.Context()
	if _, err := v.VerifySessionToken(ctx, tok); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.VerifySessionToken(ctx, tok); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifySessionTokenMiss verifies tokens that are never in the
// cache (64 distinct tokens through a one-entry cache): the uncached path
// plus hashing and insertion.
func BenchmarkVerifySessionTokenMiss(b *testing.B) {
	v := staticVerifier(b, Config{CacheSize: 1})
	toks := make([]string, 64)
	for i := range toks {
		toks[i] = mint(b, testKey(), baseHeader(), with(baseClaims(), "jti", fmt.Sprint(i)))
	}
	ctx := b.Context()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := v.VerifySessionToken(ctx, toks[i%len(toks)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkMiddlewareRepeatedToken is the middleware on a repeated bearer
// token alone, with no Observer: the subject of
// BenchmarkMiddlewareVsCachedVerify, whose baseline is
// BenchmarkVerifySessionTokenCached (run apart, for instruction counts), and
// the benchmark whose allocs/op shows an absent Observer costs nothing.
func BenchmarkMiddlewareRepeatedToken(b *testing.B) {
	benchMiddleware(b, Config{})
}
