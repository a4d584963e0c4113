package auth

import (
	"context"
	"encoding/json"
	"strings"
)

// VerifyMachineToken verifies an API key (ak_), an M2M token (mt_, or a JWT
// whose subject is a machine) or an OAuth access token (oat_, or a JWT
// typed at+jwt). Opaque tokens are checked by the Backend API through the
// Client; JWTs are verified locally like session tokens, without the
// authorized-parties check. Anything else is token-invalid.
func (v *Verifier) VerifyMachineToken(ctx context.Context, token string) (*MachineAuth, error) {
	switch detectType(token) {
	case APIKey:
		return v.verifyOpaque(ctx, APIKey, token)
	case M2MToken:
		if strings.HasPrefix(token, prefixM2M) {
			return v.verifyOpaque(ctx, M2MToken, token)
		}
		return v.verifyMachineJWT(ctx, token, kindM2M)
	case OAuthToken:
		if strings.HasPrefix(token, prefixOAuth) {
			return v.verifyOpaque(ctx, OAuthToken, token)
		}
		return v.verifyMachineJWT(ctx, token, kindOAuth)
	}
	return nil, tokenErr(ReasonTokenInvalid, "not a machine token")
}

// verifyMachineJWT verifies a JWT-form M2M or OAuth token locally.
func (v *Verifier) verifyMachineJWT(ctx context.Context, token string, kind jwtKind) (*MachineAuth, error) {
	var t jws
	if _, err := v.verifyJWT(ctx, token, kind, &t); err != nil {
		return nil, err
	}
	m := &MachineAuth{
		TokenType:  M2MToken,
		ID:         t.claims.Jti,
		Subject:    t.claims.Sub.val,
		ClientID:   t.claims.ClientID,
		Expiration: secondsToTime(t.claims.Exp),
		Scopes:     scopesOf(&t.claims),
	}
	if kind == kindOAuth {
		m.TokenType = OAuthToken
	}
	var all map[string]any
	if err := json.Unmarshal([]byte(t.payload), &all); err == nil {
		m.Claims = all
	}
	m.setSubjectIDs()
	return m, nil
}

// scopesOf reads scope (space-separated, RFC 9068) or scopes (a list or a
// space-separated string).
func scopesOf(c *rawClaims) []string {
	if c.Scope != "" {
		return strings.Fields(c.Scope)
	}
	switch s := c.Scopes.(type) {
	case string:
		return strings.Fields(s)
	case []any:
		out := make([]string, 0, len(s))
		for _, x := range s {
			if str, ok := x.(string); ok {
				out = append(out, str)
			}
		}
		return out
	}
	return nil
}
