//go:build !purego

#include "textflag.h"

// One word of z += x·y. MULX leaves y·x[i] in LO:HI without touching the
// flags; ADCX adds the previous word's high half on the carry flag's chain
// and ADOX adds z[i] on the overflow flag's chain, so the two carries never
// wait for each other. Successive words swap the two high registers.
#define STEP(off, prevHi, hi) \
	MULXQ off(CX), R8, hi; \
	ADCXQ prevHi, R8; \
	ADOXQ off(AX), R8; \
	MOVQ  R8, off(AX)

// func addMulVVW32(z, x *nat, y uint64) (carry uint64)
TEXT ·addMulVVW32(SB), NOSPLIT, $0-32
	MOVQ z+0(FP), AX
	MOVQ x+8(FP), CX
	MOVQ y+16(FP), DX // MULX multiplies by DX
	XORQ BX, BX       // also clears CF and OF
	XORQ SI, SI       // zero, for the final carries
	STEP(0, BX, DI)
	STEP(8, DI, BX)
	STEP(16, BX, DI)
	STEP(24, DI, BX)
	STEP(32, BX, DI)
	STEP(40, DI, BX)
	STEP(48, BX, DI)
	STEP(56, DI, BX)
	STEP(64, BX, DI)
	STEP(72, DI, BX)
	STEP(80, BX, DI)
	STEP(88, DI, BX)
	STEP(96, BX, DI)
	STEP(104, DI, BX)
	STEP(112, BX, DI)
	STEP(120, DI, BX)
	STEP(128, BX, DI)
	STEP(136, DI, BX)
	STEP(144, BX, DI)
	STEP(152, DI, BX)
	STEP(160, BX, DI)
	STEP(168, DI, BX)
	STEP(176, BX, DI)
	STEP(184, DI, BX)
	STEP(192, BX, DI)
	STEP(200, DI, BX)
	STEP(208, BX, DI)
	STEP(216, DI, BX)
	STEP(224, BX, DI)
	STEP(232, DI, BX)
	STEP(240, BX, DI)
	STEP(248, DI, BX)

	// The last high word plus both pending carries is the carry out.
	ADCXQ SI, BX
	ADOXQ SI, BX
	MOVQ  BX, carry+24(FP)
	RET

// func cpuid(leaf, subleaf uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL leaf+0(FP), AX
	MOVL subleaf+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET
