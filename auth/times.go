package auth

import (
	"math"
	"time"

	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// maxDateMillis is the largest magnitude of a JavaScript Date, in
// milliseconds since the epoch.
const maxDateMillis = 8.64e15

// claimMillis converts a NumericDate the way Clerk's SDK does (whole
// seconds, fraction dropped toward zero, as Date.setUTCSeconds does) and
// reports false for a value outside the range of a JavaScript Date, which
// Clerk silently stops checking and this package refuses.
func claimMillis(n jwt.NumberClaim) (int64, bool) {
	ms := math.Trunc(n.Val) * 1000
	if math.IsInf(ms, 0) || math.IsNaN(ms) || math.Abs(ms) > maxDateMillis {
		return 0, false
	}
	return int64(ms), true
}

// checkTimes applies exp (required), nbf and iat against the clock with the
// configured skew, at millisecond precision as Clerk does. It runs on every
// use of a cached token too.
func (v *Verifier) checkTimes(exp, nbf, iat jwt.NumberClaim) error {
	if !exp.OK {
		return tokenErr(ReasonTokenVerificationFailed, "exp claim missing or not a number")
	}
	if (nbf.Present && !nbf.OK) || (iat.Present && !iat.OK) {
		return tokenErr(ReasonTokenVerificationFailed, "nbf or iat claim is not a number")
	}
	now := v.now()
	nowMs := now.UnixMilli()
	skew := v.skew.Milliseconds()
	expMs, ok := claimMillis(exp)
	if !ok {
		return tokenErr(ReasonTokenVerificationFailed, "exp claim is out of range")
	}
	if expMs <= nowMs-skew {
		return tokenErr(ReasonTokenExpired, "token expired at %s (now %s, skew %s)", fmtMillis(expMs), now.UTC().Format(time.RFC3339), v.skew)
	}
	if nbf.OK {
		ms, ok := claimMillis(nbf)
		if !ok {
			return tokenErr(ReasonTokenVerificationFailed, "nbf claim is out of range")
		}
		if ms > nowMs+skew {
			return tokenErr(ReasonTokenNotActiveYet, "token not valid before %s (now %s, skew %s)", fmtMillis(ms), now.UTC().Format(time.RFC3339), v.skew)
		}
	}
	if iat.OK {
		ms, ok := claimMillis(iat)
		if !ok {
			return tokenErr(ReasonTokenVerificationFailed, "iat claim is out of range")
		}
		if ms > nowMs+skew {
			return tokenErr(ReasonTokenIatInTheFuture, "token issued in the future at %s (now %s, skew %s)", fmtMillis(ms), now.UTC().Format(time.RFC3339), v.skew)
		}
	}
	return nil
}

func fmtMillis(ms int64) string {
	return time.UnixMilli(ms).UTC().Format(time.RFC3339)
}
