package auth

import "time"

// checkTimes applies exp (required), nbf and iat against the clock with the
// configured skew. It runs on every use of a cached token too.
func (v *Verifier) checkTimes(exp, nbf, iat claimNumber) error {
	if !exp.ok {
		return tokenErr(ReasonTokenVerificationFailed, "exp claim missing or not a number")
	}
	if (nbf.present && !nbf.ok) || (iat.present && !iat.ok) {
		return tokenErr(ReasonTokenVerificationFailed, "nbf or iat claim is not a number")
	}
	now := v.now()
	nowSec := float64(now.UnixNano()) / 1e9
	skew := v.skew.Seconds()
	if exp.val <= nowSec-skew {
		return tokenErr(ReasonTokenExpired, "token expired at %s (now %s, skew %s)", fmtTime(exp), now.UTC().Format(time.RFC3339), v.skew)
	}
	if nbf.ok && nbf.val > nowSec+skew {
		return tokenErr(ReasonTokenNotActiveYet, "token not valid before %s (now %s, skew %s)", fmtTime(nbf), now.UTC().Format(time.RFC3339), v.skew)
	}
	if iat.ok && iat.val > nowSec+skew {
		return tokenErr(ReasonTokenIatInTheFuture, "token issued in the future at %s (now %s, skew %s)", fmtTime(iat), now.UTC().Format(time.RFC3339), v.skew)
	}
	return nil
}

func fmtTime(n claimNumber) string {
	return secondsToTime(n).Format(time.RFC3339)
}
