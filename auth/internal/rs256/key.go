// Package rs256 verifies RS256 signatures (RSASSA-PKCS1-v1_5 with SHA-256)
// with a key prepared once and reused for every token it checks.
//
// crypto/rsa rebuilds its Montgomery constants from the modulus on every
// call, which is about a third of the cost of verifying with a 2048-bit key.
// A Key computes them once. The fast path covers the keys Clerk issues
// (an odd 2048-bit modulus, exponent 65537) on amd64 CPUs with BMI2 and ADX
// instructions, outside FIPS 140 mode; every other key, CPU or mode is
// verified by crypto/rsa, so the answer never depends on the path taken.
//
// Verification handles only public data (the key, the signature and the
// digest), so the fast path is not constant time and does not need to be.
package rs256

import (
	"crypto"
	"crypto/fips140"
	"crypto/rsa"
	"encoding/binary"
)

// limbs is the size of a 2048-bit number in 64-bit words.
const limbs = 32

// size is the byte length of a 2048-bit modulus and of its signatures.
const size = limbs * 8

// digestInfoSHA256 is the DER prefix PKCS #1 v1.5 puts before a SHA-256
// digest (RFC 8017, section 9.2, note 1).
const digestInfoSHA256 = "\x30\x31\x30\x0d\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x01\x05\x00\x04\x20"

// padEnd is where the 0xFF padding of a 2048-bit encoded message ends: after
// it come one zero byte, the DigestInfo prefix and the 32-byte digest.
const padEnd = size - 32 - len(digestInfoSHA256) - 1

// nat is a 2048-bit number in little-endian 64-bit words.
type nat = [limbs]uint64

// Key is an RSA public key prepared for RS256 verification. It is immutable
// and safe for concurrent use.
type Key struct {
	pub *rsa.PublicKey
	m   *modulus // nil: verify with crypto/rsa
}

// NewKey prepares pub. It never fails: a key the fast path does not cover
// is verified by crypto/rsa.
func NewKey(pub *rsa.PublicKey) *Key {
	k := &Key{pub: pub}
	if fastPathAvailable && !fips140.Enabled() && pub.E == 65537 && pub.N.BitLen() == size*8 && pub.N.Bit(0) == 1 {
		k.m = newModulus(pub.N)
	}
	return k
}

// Public returns the key NewKey was given.
func (k *Key) Public() *rsa.PublicKey { return k.pub }

// Fast reports whether k verifies without crypto/rsa.
func (k *Key) Fast() bool { return k.m != nil }

// Verify checks that sig is an RS256 signature of the SHA-256 digest. A
// mismatch, or a signature that is not exactly one modulus long or not
// below the modulus, is rsa.ErrVerification, as from crypto/rsa.
func (k *Key) Verify(digest *[32]byte, sig []byte) error {
	if k.m == nil {
		return rsa.VerifyPKCS1v15(k.pub, crypto.SHA256, digest[:], sig)
	}
	if len(sig) != size {
		return rsa.ErrVerification
	}
	var s nat
	fromBytes(&s, sig)
	if !less(&s, &k.m.n) {
		return rsa.ErrVerification
	}
	var em nat
	k.m.exp65537(&em, &s)
	if !isEncoding(&em, digest) {
		return rsa.ErrVerification
	}
	return nil
}

// fromBytes reads a big-endian number of exactly size bytes.
func fromBytes(z *nat, b []byte) {
	_ = b[size-1]
	for i := range z {
		z[i] = binary.BigEndian.Uint64(b[size-8*(i+1):])
	}
}

// toBytes writes z big-endian into exactly size bytes.
func toBytes(b *[size]byte, z *nat) {
	for i, w := range z {
		binary.BigEndian.PutUint64(b[size-8*(i+1):], w)
	}
}

// less reports x < y.
func less(x, y *nat) bool {
	for i := limbs - 1; i >= 0; i-- {
		if x[i] != y[i] {
			return x[i] < y[i]
		}
	}
	return false
}

// isEncoding reports whether em is the PKCS #1 v1.5 encoding of the SHA-256
// digest: 0x00 0x01, 0xFF bytes, 0x00, the DigestInfo prefix, the digest.
func isEncoding(em *nat, digest *[32]byte) bool {
	var b [size]byte
	toBytes(&b, em)
	if b[0] != 0x00 || b[1] != 0x01 || b[padEnd] != 0x00 {
		return false
	}
	for _, c := range b[2:padEnd] {
		if c != 0xFF {
			return false
		}
	}
	return string(b[padEnd+1:size-32]) == digestInfoSHA256 && [32]byte(b[size-32:]) == *digest
}
