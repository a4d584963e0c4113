package rs256

import (
	"math/big"
	"math/bits"
)

// modulus holds a 2048-bit odd modulus with its Montgomery constants, for
// R = 2^2048.
type modulus struct {
	n    nat
	nInv uint64 // -n⁻¹ mod 2^64
	rr   nat    // R² mod n: montMul(x, rr) takes x into Montgomery form
}

// newModulus prepares n, which must be odd and exactly 2048 bits long.
func newModulus(n *big.Int) *modulus {
	m := &modulus{}
	fromBig(&m.n, n)
	m.nInv = -inverse64(m.n[0])
	rr := new(big.Int).Lsh(big.NewInt(1), 2*size*8)
	fromBig(&m.rr, rr.Mod(rr, n))
	return m
}

// fromBig copies x, which must be below 2^2048, into z.
func fromBig(z *nat, x *big.Int) {
	var b [size]byte
	x.FillBytes(b[:])
	fromBytes(z, b[:])
}

// inverse64 returns a⁻¹ mod 2^64 for odd a, by Newton's iteration: each
// step doubles the number of correct low bits, from 1 (a·a ≡ 1 mod 8 gives
// 3) to 64 after five steps.
func inverse64(a uint64) uint64 {
	x := a // correct to 3 bits
	for range 5 {
		x *= 2 - a*x
	}
	return x
}

// montMul sets z = x·y·R⁻¹ mod n, for x and y below n. z may alias x or y.
//
// This is word-by-word Montgomery multiplication: each step adds one word
// of x times y, then the multiple of n that clears the lowest word, and
// moves a window one word up instead of shifting. After 32 steps the
// window holds x·y·R⁻¹ plus at most one n.
func (m *modulus) montMul(z, x, y *nat) {
	var t [2 * limbs]uint64
	var carry uint64
	for i := range limbs {
		w := (*nat)(t[i : i+limbs])
		c1 := addMulVVW32(w, y, x[i])
		q := t[i] * m.nInv
		c2 := addMulVVW32(w, &m.n, q)
		t[limbs+i], carry = bits.Add64(c1, c2, carry)
	}
	// The value is carry·R + t[limbs:], below 2n: subtract n once if it is
	// at least n.
	hi := (*nat)(t[limbs:])
	var d nat
	var borrow uint64
	for i := range limbs {
		d[i], borrow = bits.Sub64(hi[i], m.n[i], borrow)
	}
	if carry == 1 || borrow == 0 {
		*z = d
	} else {
		*z = *hi
	}
}

// exp65537 sets z = s^65537 mod n, for s below n.
func (m *modulus) exp65537(z, s *nat) {
	var a nat
	m.montMul(&a, s, &m.rr) // s·R
	for range 16 {
		m.montMul(&a, &a, &a) // ends at s^65536·R
	}
	m.montMul(z, &a, s) // s^65536·R · s · R⁻¹
}

// addMulVVW32Generic is the portable addMulVVW32: z += x·y, returning the
// word that carries out of z.
func addMulVVW32Generic(z, x *nat, y uint64) uint64 {
	var carry uint64
	for i := range limbs {
		hi, lo := bits.Mul64(x[i], y)
		var c uint64
		lo, c = bits.Add64(lo, z[i], 0)
		hi += c
		lo, c = bits.Add64(lo, carry, 0)
		hi += c
		z[i] = lo
		carry = hi
	}
	return carry
}
