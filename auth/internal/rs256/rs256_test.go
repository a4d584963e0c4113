package rs256

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"errors"
	"math/big"
	mrand "math/rand/v2"
	"os"
	"runtime"
	"sync"
	"testing"
)

// testKeys returns a few 2048-bit keys, generated once per test binary.
var testKeys = sync.OnceValue(func() []*rsa.PrivateKey {
	keys := make([]*rsa.PrivateKey, 3)
	for i := range keys {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		keys[i] = k
	}
	return keys
})

func toBig(x *nat) *big.Int {
	var b [size]byte
	toBytes(&b, x)
	return new(big.Int).SetBytes(b[:])
}

// randBelow returns a random number below n, biased toward edge words.
func randBelow(r *mrand.Rand, n *big.Int) *nat {
	var z nat
	for i := range z {
		switch r.IntN(8) {
		case 0:
			z[i] = 0
		case 1:
			z[i] = ^uint64(0)
		default:
			z[i] = r.Uint64()
		}
	}
	x := toBig(&z)
	x.Mod(x, n)
	fromBig(&z, x)
	return &z
}

func TestFastPathOnThisMachine(t *testing.T) {
	k := NewKey(&testKeys()[0].PublicKey)
	if runtime.GOARCH == "amd64" && os.Getenv("CI") == "true" && !k.Fast() {
		t.Fatal("the RS256 fast path is off on this amd64 CI machine (no BMI2/ADX, purego or FIPS mode): its tests would only exercise crypto/rsa")
	}
	t.Logf("fast path: %v", k.Fast())
}

func TestAddMulMatchesGenericAndBig(t *testing.T) {
	r := mrand.New(mrand.NewPCG(1, 2))
	two64 := new(big.Int).Lsh(big.NewInt(1), 64)
	for i := range 2000 {
		var z, x nat
		for j := range limbs {
			z[j], x[j] = r.Uint64(), r.Uint64()
			if i%3 == 0 {
				z[j], x[j] = ^uint64(0), ^uint64(0)
			}
		}
		y := r.Uint64()
		if i%3 == 0 {
			y = ^uint64(0)
		}
		want := new(big.Int).Mul(toBig(&x), new(big.Int).SetUint64(y))
		want.Add(want, toBig(&z))

		z1, z2 := z, z
		c1 := addMulVVW32(&z1, &x, y)
		c2 := addMulVVW32Generic(&z2, &x, y)
		if z1 != z2 || c1 != c2 {
			t.Fatalf("case %d: assembly and portable versions differ", i)
		}
		got := new(big.Int).Mul(new(big.Int).SetUint64(c1), new(big.Int).Lsh(two64, 64*limbs-64))
		got.Add(got, toBig(&z1))
		if got.Cmp(want) != 0 {
			t.Fatalf("case %d: z + x·y is wrong", i)
		}
	}
}

func TestMontMulMatchesBig(t *testing.T) {
	r := mrand.New(mrand.NewPCG(3, 4))
	for _, k := range testKeys() {
		m := newModulus(k.N)
		rInv := new(big.Int).Lsh(big.NewInt(1), size*8)
		rInv.ModInverse(rInv, k.N)
		nMinus1 := new(big.Int).Sub(k.N, big.NewInt(1))
		var edge nat
		fromBig(&edge, nMinus1)
		for i := range 500 {
			x, y := randBelow(r, k.N), randBelow(r, k.N)
			switch i {
			case 0:
				*x, *y = edge, edge
			case 1:
				*x = nat{}
			case 2:
				*x, *y = nat{1}, edge
			}
			want := new(big.Int).Mul(toBig(x), toBig(y))
			want.Mul(want, rInv).Mod(want, k.N)
			var z nat
			m.montMul(&z, x, y)
			if toBig(&z).Cmp(want) != 0 {
				t.Fatalf("case %d: montMul is wrong", i)
			}
			m.montMul(x, x, y) // aliased output
			if toBig(x).Cmp(want) != 0 {
				t.Fatalf("case %d: montMul with z == x is wrong", i)
			}
		}
	}
}

func TestExp65537MatchesBig(t *testing.T) {
	r := mrand.New(mrand.NewPCG(5, 6))
	e := big.NewInt(65537)
	for _, k := range testKeys() {
		m := newModulus(k.N)
		for range 50 {
			s := randBelow(r, k.N)
			var z nat
			m.exp65537(&z, s)
			if want := new(big.Int).Exp(toBig(s), e, k.N); toBig(&z).Cmp(want) != 0 {
				t.Fatal("exp65537 is wrong")
			}
		}
	}
}

// rawSign applies the private key to an arbitrary encoded message, so that
// tests can sign encodings crypto/rsa would never produce.
func rawSign(k *rsa.PrivateKey, em []byte) []byte {
	s := new(big.Int).Exp(new(big.Int).SetBytes(em), k.D, k.N)
	return s.FillBytes(make([]byte, size))
}

// encoding returns the valid PKCS #1 v1.5 SHA-256 encoding of digest.
func encoding(digest [32]byte) []byte {
	em := make([]byte, size)
	em[1] = 0x01
	for i := 2; i < padEnd; i++ {
		em[i] = 0xFF
	}
	copy(em[padEnd+1:], digestInfoSHA256)
	copy(em[size-32:], digest[:])
	return em
}

// agree checks that Key.Verify and crypto/rsa decide sig alike.
func agree(t *testing.T, name string, key *Key, digest [32]byte, sig []byte) bool {
	t.Helper()
	want := rsa.VerifyPKCS1v15(key.Public(), crypto.SHA256, digest[:], sig)
	got := key.Verify(&digest, sig)
	if (got == nil) != (want == nil) {
		t.Errorf("%s: Verify = %v, crypto/rsa = %v", name, got, want)
		return false
	}
	if got != nil && !errors.Is(got, rsa.ErrVerification) {
		t.Errorf("%s: Verify = %v, want rsa.ErrVerification", name, got)
	}
	return got == nil
}

func TestVerifyAgreesWithCryptoRSA(t *testing.T) {
	r := mrand.New(mrand.NewPCG(7, 8))
	for ki, priv := range testKeys() {
		key := NewKey(&priv.PublicKey)
		digest := sha256.Sum256([]byte{byte(ki), 'x'})
		sig, err := rsa.SignPKCS1v15(nil, priv, crypto.SHA256, digest[:])
		if err != nil {
			t.Fatal(err)
		}
		if !agree(t, "valid", key, digest, sig) {
			t.Fatal("a valid signature is refused")
		}
		for bit := range size * 8 {
			if bit%7 != 0 {
				continue
			}
			bad := append([]byte(nil), sig...)
			bad[bit/8] ^= 1 << (bit % 8)
			if agree(t, "flipped signature bit", key, digest, bad) {
				t.Fatalf("key %d: a signature with bit %d flipped is accepted", ki, bit)
			}
		}
		for bit := range 256 {
			d := digest
			d[bit/8] ^= 1 << (bit % 8)
			if agree(t, "flipped digest bit", key, d, sig) {
				t.Fatalf("key %d: digest bit %d flipped is accepted", ki, bit)
			}
		}

		nBytes := priv.N.FillBytes(make([]byte, size))
		nPlus := new(big.Int).Add(priv.N, big.NewInt(1)).FillBytes(make([]byte, size))
		nMinus := new(big.Int).Sub(priv.N, big.NewInt(1)).FillBytes(make([]byte, size))
		// s + n has the same value mod n: a verifier that reduces instead
		// of refusing s ≥ n would accept it.
		sPlusN := new(big.Int).Add(new(big.Int).SetBytes(sig), priv.N)
		shapes := map[string][]byte{
			"n":              nBytes,
			"n+1":            nPlus,
			"n-1":            nMinus,
			"zero":           make([]byte, size),
			"one":            big.NewInt(1).FillBytes(make([]byte, size)),
			"all ones":       bytes.Repeat([]byte{0xFF}, size),
			"empty":          nil,
			"one byte short": sig[1:],
			"one byte long":  append([]byte{0}, sig...),
			"trailing byte":  append(append([]byte(nil), sig...), 0),
			"random":         randomBytes(r, size),
		}
		if sPlusN.BitLen() <= size*8 {
			shapes["s+n"] = sPlusN.FillBytes(make([]byte, size))
		}
		for name, s := range shapes {
			if agree(t, name, key, digest, s) {
				t.Fatalf("key %d: signature %q is accepted", ki, name)
			}
		}

		// Encodings one step from valid, signed with the private key, so
		// that only the encoding check can refuse them.
		good := encoding(digest)
		mutate := map[string]func(em []byte){
			"first byte 1":      func(em []byte) { em[0] = 1 },
			"block type 2":      func(em []byte) { em[1] = 2 },
			"padding byte 0xFE": func(em []byte) { em[2+r.IntN(padEnd-2)] = 0xFE },
			"no separator":      func(em []byte) { em[padEnd] = 0xFF },
			"short padding":     func(em []byte) { em[padEnd-1] = 0x00 },
			"SHA-1 prefix":      func(em []byte) { em[padEnd+15] = 0x1A },
			"prefix byte":       func(em []byte) { em[padEnd+1+r.IntN(len(digestInfoSHA256))] ^= 0x40 },
			"digest byte":       func(em []byte) { em[size-1-r.IntN(32)] ^= 0x01 },
		}
		if !agree(t, "raw-signed valid encoding", key, digest, rawSign(priv, good)) {
			t.Fatal("the raw-signed valid encoding is refused")
		}
		for name, f := range mutate {
			em := append([]byte(nil), good...)
			f(em)
			if agree(t, name, key, digest, rawSign(priv, em)) {
				t.Fatalf("key %d: encoding %q is accepted", ki, name)
			}
		}
	}
}

func TestOtherKeysUseCryptoRSA(t *testing.T) {
	for _, c := range []struct {
		name string
		bits int
		e    int
	}{{"3072-bit", 3072, 65537}, {"2048-bit, e=3", 2048, 3}} {
		t.Run(c.name, func(t *testing.T) {
			priv := keyWith(t, c.bits, c.e)
			key := NewKey(&priv.PublicKey)
			if key.Fast() {
				t.Fatal("the fast path took a key it does not cover")
			}
			digest := sha256.Sum256([]byte(c.name))
			sig, err := rsa.SignPKCS1v15(nil, priv, crypto.SHA256, digest[:])
			if err != nil {
				t.Fatal(err)
			}
			if err := key.Verify(&digest, sig); err != nil {
				t.Fatalf("valid signature: %v", err)
			}
			sig[10] ^= 1
			if err := key.Verify(&digest, sig); !errors.Is(err, rsa.ErrVerification) {
				t.Fatalf("bad signature: %v", err)
			}
		})
	}
}

// TestEvenModulusUsesCryptoRSA checks that a malformed key (an even
// modulus, where Montgomery arithmetic does not apply) is left to
// crypto/rsa, which refuses to verify with it.
func TestEvenModulusUsesCryptoRSA(t *testing.T) {
	n := new(big.Int).Set(testKeys()[0].N)
	n.SetBit(n, 0, 0)
	key := NewKey(&rsa.PublicKey{N: n, E: 65537})
	if key.Fast() {
		t.Fatal("the fast path took an even modulus")
	}
	digest := sha256.Sum256([]byte("even"))
	if err := key.Verify(&digest, make([]byte, size)); err == nil {
		t.Fatal("a zero signature verified under an even modulus")
	}
}

// keyWith returns an RSA key of the given size and public exponent.
func keyWith(t *testing.T, bits, e int) *rsa.PrivateKey {
	t.Helper()
	if e == 65537 {
		k, err := rsa.GenerateKey(rand.Reader, bits)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	for {
		p, err1 := rand.Prime(rand.Reader, bits/2)
		q, err2 := rand.Prime(rand.Reader, bits/2)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		n := new(big.Int).Mul(p, q)
		phi := new(big.Int).Mul(new(big.Int).Sub(p, big.NewInt(1)), new(big.Int).Sub(q, big.NewInt(1)))
		d := new(big.Int).ModInverse(big.NewInt(int64(e)), phi)
		if d == nil || n.BitLen() != bits || p.Cmp(q) == 0 {
			continue
		}
		k := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: n, E: e}, D: d, Primes: []*big.Int{p, q}}
		k.Precompute()
		if k.Validate() == nil {
			return k
		}
	}
}

func randomBytes(r *mrand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// FuzzVerify compares Key.Verify with crypto/rsa on arbitrary signatures
// and digests for one key, seeded with a valid signature.
func FuzzVerify(f *testing.F) {
	priv := testKeys()[0]
	key := NewKey(&priv.PublicKey)
	digest := sha256.Sum256([]byte("fuzz"))
	sig, err := rsa.SignPKCS1v15(nil, priv, crypto.SHA256, digest[:])
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sig, digest[:])
	f.Add(priv.N.Bytes(), digest[:])
	f.Add([]byte{}, []byte{})
	f.Fuzz(func(t *testing.T, sig, d []byte) {
		var digest [32]byte
		copy(digest[:], d)
		agree(t, "fuzz", key, digest, sig)
	})
}

func BenchmarkVerify(b *testing.B) {
	priv := testKeys()[0]
	digest := sha256.Sum256([]byte("bench"))
	sig, _ := rsa.SignPKCS1v15(nil, priv, crypto.SHA256, digest[:])
	key := NewKey(&priv.PublicKey)
	b.Run("prepared", func(b *testing.B) {
		for b.Loop() {
			if err := key.Verify(&digest, sig); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("crypto-rsa", func(b *testing.B) {
		for b.Loop() {
			if err := rsa.VerifyPKCS1v15(&priv.PublicKey, crypto.SHA256, digest[:], sig); err != nil {
				b.Fatal(err)
			}
		}
	})
}
