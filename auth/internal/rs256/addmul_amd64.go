//go:build !purego

package rs256

// addMulVVW32 sets z += x·y and returns the word that carries out of z. It
// needs BMI2 and ADX; fastPathAvailable says whether the CPU has them.
//
//go:noescape
func addMulVVW32(z, x *nat, y uint64) (carry uint64)

// cpuid runs the CPUID instruction.
func cpuid(leaf, subleaf uint32) (eax, ebx, ecx, edx uint32)

// fastPathAvailable reports a CPU with BMI2 (MULX) and ADX (ADCX, ADOX).
var fastPathAvailable = hasBMI2AndADX()

func hasBMI2AndADX() bool {
	if maxLeaf, _, _, _ := cpuid(0, 0); maxLeaf < 7 {
		return false
	}
	_, ebx, _, _ := cpuid(7, 0)
	const bmi2, adx = 1 << 8, 1 << 19
	return ebx&bmi2 != 0 && ebx&adx != 0
}
