package auth

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// VerifyMachineToken verifies an API key (ak_), an M2M token (mt_, or a JWT
// whose subject is a machine) or an OAuth access token (oat_, or a JWT
// typed at+jwt). Opaque tokens are checked by the Backend API through the
// Client; JWTs are verified locally like session tokens, without the
// authorized-parties check. Anything else is token-invalid.
func (v *Verifier) VerifyMachineToken(ctx context.Context, token string) (*MachineAuth, error) {
	if isJWTFormat(token) {
		f := v.peekFacts(token)
		switch {
		case !f.decoded:
			return nil, tokenErr(ReasonTokenInvalid, "malformed machine JWT")
		case f.m2mJWT:
			return v.verifyMachineJWT(ctx, token, kindM2M)
		case f.oauthJWT:
			return v.verifyMachineJWT(ctx, token, kindOAuth)
		}
		return nil, tokenErr(ReasonTokenVerificationFailed, "a machine JWT needs typ at+jwt (OAuth) or a sub starting with mch_ (M2M)")
	}
	switch {
	case strings.HasPrefix(token, prefixM2M):
		return v.verifyOpaque(ctx, M2MToken, token)
	case strings.HasPrefix(token, prefixOAuth):
		return v.verifyOpaque(ctx, OAuthToken, token)
	case strings.HasPrefix(token, prefixAPI):
		return v.verifyOpaque(ctx, APIKey, token)
	}
	return nil, tokenErr(ReasonTokenInvalid, "not a machine token")
}

// verifyMachineJWT verifies a JWT-form M2M or OAuth token locally. As in
// Clerk's SDK, a token of another category is token-invalid and every other
// failure is token-verification-failed, wrapping the precise cause.
func (v *Verifier) verifyMachineJWT(ctx context.Context, token string, kind jwtKind) (*MachineAuth, error) {
	var t jwt.Token
	if err := parseToken(&t, token); err != nil {
		return nil, err
	}
	if err := checkCategory(&t.Header, kind); err != nil {
		return nil, err
	}
	if _, err := v.verifyJWT(ctx, token, kind, &t); err != nil {
		return nil, &TokenError{Reason: ReasonTokenVerificationFailed, Message: "machine token", Err: err}
	}
	c := &t.Claims
	m := &MachineAuth{
		TokenType:  M2MToken,
		ID:         c.Jti.Val,
		Subject:    c.Sub.Val,
		ClientID:   c.ClientID.Val,
		Expiration: secondsToTime(c.Exp),
	}
	if kind == kindOAuth {
		m.TokenType = OAuthToken
		if err := v.checkOAuthAudience(c); err != nil {
			return nil, err
		}
		m.Scopes = oauthScopes(c)
	} else {
		if c.ScopesNotString {
			// Clerk's SDK fails on this token (it splits scopes as a string).
			return nil, tokenErr(ReasonTokenVerificationFailed, "the scopes claim of an M2M token must be a space-separated string")
		}
		m.Scopes = m2mScopes(c)
	}
	var all map[string]any
	if err := json.Unmarshal([]byte(t.Payload), &all); err == nil {
		if kind == kindM2M {
			all = m2mCustomClaims(all)
		}
		m.Claims = all
	}
	m.setSubjectIDs()
	return m, nil
}

// m2mCustomClaims drops the registered claims Clerk's SDK strips from an
// M2M token's claims (iss, sub, exp, nbf, iat, jti); nil when none is left.
func m2mCustomClaims(all map[string]any) map[string]any {
	for _, k := range []string{"iss", "sub", "exp", "nbf", "iat", "jti"} {
		delete(all, k)
	}
	if len(all) == 0 {
		return nil
	}
	return all
}

// checkOAuthAudience applies Clerk's OAuth audience rule: with an Audience
// configured, aud must be a non-empty string or array of non-empty strings
// that includes it.
func (v *Verifier) checkOAuthAudience(c *jwt.Claims) error {
	if v.audience == "" {
		return nil
	}
	if !c.Aud.OK || slices.Contains(c.Aud.Val, "") || !c.Aud.Contains(v.audience) {
		return tokenErr(ReasonTokenVerificationFailed, "aud claim does not include the configured audience")
	}
	return nil
}

// m2mScopes reads an M2M JWT's scopes as Clerk does: the space-separated
// scopes claim, else aud.
func m2mScopes(c *jwt.Claims) []string {
	if c.Scopes.OK {
		return strings.Split(c.Scopes.Val, " ")
	}
	if c.Aud.Present && c.Aud.OK {
		return c.Aud.Val
	}
	return []string{}
}

// oauthScopes reads an OAuth JWT's scopes as Clerk does: scp (RFC 9068),
// else the space-separated scope claim. Clerk issues scp as an array; a
// scp that is one string is kept whole, as one scope, as Clerk keeps it.
func oauthScopes(c *jwt.Claims) []string {
	if c.Scp.IsArray || c.Scp.IsString {
		return c.Scp.Strs
	}
	if c.Scope.OK {
		return strings.Split(c.Scope.Val, " ")
	}
	return []string{}
}
