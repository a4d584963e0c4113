package clerktest

import (
	"testing"
	"time"
)

// TestTOTPValidRFC6238 checks the code computation against the SHA-1 test
// vectors of RFC 6238 appendix B (last six digits), and the one-step skew.
func TestTOTPValidRFC6238(t *testing.T) {
	const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" // "12345678901234567890"
	for _, c := range []struct {
		unix int64
		code string
	}{{59, "287082"}, {1111111109, "081804"}, {1111111111, "050471"}, {1234567890, "005924"}, {2000000000, "279037"}} {
		at := time.Unix(c.unix, 0)
		if !totpValid(secret, c.code, at) {
			t.Errorf("at %d: %s refused", c.unix, c.code)
		}
		if !totpValid(secret, c.code, at.Add(totpStep)) || totpValid(secret, c.code, at.Add(3*totpStep)) {
			t.Errorf("at %d: skew of one step not applied exactly", c.unix)
		}
	}
	if totpValid("not base32!", "287082", time.Unix(59, 0)) || totpValid(secret, "28708", time.Unix(59, 0)) {
		t.Error("a bad secret or a short code verified")
	}
}
