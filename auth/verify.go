package auth

import (
	"context"
	"crypto"
	"crypto/rsa"
	"errors"
	"slices"

	"github.com/clerkgo/clerk/auth/internal/jwt"
	"github.com/clerkgo/clerk/auth/internal/reason"
)

// jwtKind selects the rules a JWT is verified under.
type jwtKind int

const (
	kindSession jwtKind = iota
	kindM2M
	kindOAuth
)

// verifyJWT runs the checks shared by session tokens and JWT machine tokens,
// in Clerk's order: shape, category, key, type, algorithm, signature, claims.
// t is filled in; the caller owns it so that it can live on the stack.
func (v *Verifier) verifyJWT(ctx context.Context, token string, kind jwtKind, t *jwt.Token) (*rsa.PublicKey, error) {
	if err := parseToken(t, token); err != nil {
		return nil, err
	}
	if err := checkCategory(&t.Header, kind); err != nil {
		return nil, err
	}
	key, err := v.resolveKey(ctx, t.Header.Kid)
	if err != nil {
		return nil, err
	}
	if err := checkType(&t.Header, kind); err != nil {
		return nil, err
	}
	if err := checkAlg(t.Header.Alg); err != nil {
		return nil, err
	}
	if err := verifySignature(key, t); err != nil {
		return nil, err
	}
	if err := v.checkClaims(&t.Claims, kind); err != nil {
		return nil, err
	}
	return key, nil
}

// checkAlg accepts RS256 only. Clerk's SDK accepts the names RS384 and
// RS512, then fails the signature check because Clerk's keys are RS256
// keys: those are token-verification-failed, any other name
// token-invalid-algorithm.
func checkAlg(alg string) error {
	switch alg {
	case "RS256":
		return nil
	case "RS384", "RS512":
		return tokenErr(ReasonTokenVerificationFailed, "algorithm %q does not match the RS256 key", alg)
	}
	return tokenErr(ReasonTokenInvalidAlgorithm, "algorithm %q is not allowed; only RS256 is", alg)
}

// verifySignature checks the RS256 signature of a parsed token with
// crypto/rsa. The key is the *rsa.PublicKey parsed once (from JWTKey or the
// JWKS) and reused for every token; crypto/rsa offers no further
// preparation of a public key.
func verifySignature(key *rsa.PublicKey, t *jwt.Token) error {
	if err := rsa.VerifyPKCS1v15(key, crypto.SHA256, t.Digest[:], t.Signature()); err != nil {
		return &TokenError{Reason: ReasonTokenInvalidSignature, Message: "signature does not match", Err: err}
	}
	return nil
}

// checkCategory refuses a token of another category: M2M tokens carry the
// M2M category, session tokens must not.
func checkCategory(h *jwt.Header, kind jwtKind) error {
	switch kind {
	case kindSession:
		if h.Cat == m2mCategory {
			return tokenErr(ReasonTokenInvalid, "an M2M token is not a session token")
		}
	case kindM2M:
		if h.HasCat && h.Cat != m2mCategory {
			return tokenErr(ReasonTokenInvalid, "token category %q is not M2M", h.Cat)
		}
	}
	return nil
}

// checkType applies the typ header rule of each kind.
func checkType(h *jwt.Header, kind jwtKind) error {
	if kind == kindOAuth {
		if !isAccessTokenType(h) {
			return tokenErr(ReasonTokenInvalid, "an OAuth access token must have typ at+jwt")
		}
		return nil
	}
	if h.HasTyp && h.Typ != "JWT" {
		return tokenErr(ReasonTokenInvalid, "typ %q is not JWT", h.Typ)
	}
	return nil
}

// isAccessTokenType reports an RFC 9068 access token type.
func isAccessTokenType(h *jwt.Header) bool {
	return h.HasTyp && (h.Typ == "at+jwt" || h.Typ == "application/at+jwt")
}

// resolveKey picks the verification key: JWTKey, else the JWKS.
func (v *Verifier) resolveKey(ctx context.Context, kid string) (*rsa.PublicKey, error) {
	switch {
	case v.staticKey != nil:
		return v.staticKey, nil
	case v.keys != nil:
		k, err := v.keys.Get(ctx, kid)
		if err != nil {
			return nil, fromReason(err)
		}
		return k, nil
	}
	return nil, tokenErr(ReasonJWKFailedToResolve, "neither JWTKey nor Client is configured")
}

// checkClaims validates sub, aud, azp (session tokens only), iss and the
// time claims, in that order.
func (v *Verifier) checkClaims(c *jwt.Claims, kind jwtKind) error {
	if !c.Sub.OK {
		return tokenErr(ReasonTokenVerificationFailed, "sub claim missing or not a string")
	}
	// Like Clerk, an aud without any non-empty value is not checked; unlike
	// Clerk, an aud that is neither a string nor an array of strings is
	// refused rather than passed (see the package documentation).
	if v.audience != "" && kind != kindOAuth && c.Aud.NonEmpty > 0 && (!c.Aud.OK || !c.Aud.Contains(v.audience)) {
		return tokenErr(ReasonTokenVerificationFailed, "aud claim does not include the configured audience")
	}
	if kind == kindSession && len(v.authorizedParties) > 0 {
		if !c.Azp.OK || !slices.Contains(v.authorizedParties, c.Azp.Val) {
			return tokenErr(ReasonTokenInvalidAuthorizedParties, "azp claim is not an authorized party")
		}
	}
	if v.issuer != "" && (!c.Iss.OK || c.Iss.Val != v.issuer) {
		return tokenErr(ReasonTokenInvalidIssuer, "iss claim does not match the configured issuer")
	}
	return v.checkTimes(c.Exp, c.Nbf, c.Iat)
}

// parseToken splits and decodes a compact JWS; a malformed token is
// token-invalid, as in Clerk.
func parseToken(t *jwt.Token, token string) error {
	return fromReason(t.Parse(token))
}

// fromReason turns the *reason.Error of an internal package into the
// *TokenError with the same reason.
func fromReason(err error) error {
	if err == nil {
		return nil // before errors.As, whose target would escape
	}
	var e *reason.Error
	if errors.As(err, &e) {
		return &TokenError{Reason: Reason(e.Reason), Message: e.Message, Err: e.Err}
	}
	return err
}

// verifyHandshakeToken checks the __clerk_handshake JWT: Clerk's header and
// category rules and the instance signature, and, unlike Clerk, its exp and
// nbf when present, so that a captured handshake cannot be replayed later.
func (v *Verifier) verifyHandshakeToken(ctx context.Context, token string) ([]string, error) {
	var t jwt.Token
	if err := parseToken(&t, token); err != nil {
		return nil, err
	}
	if err := checkType(&t.Header, kindSession); err != nil {
		return nil, err
	}
	if err := checkAlg(t.Header.Alg); err != nil {
		return nil, err
	}
	if isNonSessionCategory(&t.Header) {
		return nil, tokenErr(ReasonTokenInvalid, "invalid handshake token category")
	}
	key, err := v.resolveKey(ctx, t.Header.Kid)
	if err != nil {
		return nil, err
	}
	if err := verifySignature(key, &t); err != nil {
		return nil, err
	}
	if t.Claims.Exp.Present {
		if err := v.checkTimes(t.Claims.Exp, t.Claims.Nbf, jwt.NumberClaim{}); err != nil {
			return nil, err
		}
	}
	var payload struct {
		Handshake []string `json:"handshake"`
	}
	if err := (&SessionClaims{Raw: t.Payload}).Decode(&payload); err != nil {
		return nil, nil // not an array of strings: no directives, as in Clerk
	}
	return payload.Handshake, nil
}
