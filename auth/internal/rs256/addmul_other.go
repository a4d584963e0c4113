//go:build !amd64 || purego

package rs256

// fastPathAvailable is false where there is no assembly: the portable
// Montgomery code is slower than crypto/rsa, so every key uses crypto/rsa.
const fastPathAvailable = false

// addMulVVW32 is the portable version here, so that the Montgomery code
// still builds and its tests run on every platform.
func addMulVVW32(z, x *nat, y uint64) uint64 { return addMulVVW32Generic(z, x, y) }
