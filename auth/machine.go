package auth

import (
	"context"
	"strings"

	"github.com/clerkgo/clerk/auth/internal/jwt"
	"github.com/clerkgo/clerk/auth/internal/machine"
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
		case !f.Decoded:
			return nil, tokenErr(ReasonTokenInvalid, "malformed machine JWT")
		case f.M2MJWT:
			return v.verifyMachineJWT(ctx, token, kindM2M)
		case f.OAuthJWT:
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
	mk := machine.M2M
	if kind == kindOAuth {
		mk = machine.OAuth
	}
	g, err := machine.FromJWT(mk, &t.Claims, t.Payload, v.audience)
	if err != nil {
		return nil, fromReason(err)
	}
	return fromGrant(g), nil
}

// verifyOpaque asks the Backend API about an opaque machine token.
func (v *Verifier) verifyOpaque(ctx context.Context, typ TokenType, token string) (*MachineAuth, error) {
	if v.client == nil {
		return nil, tokenErr(ReasonUnexpectedError, "verifying a %s needs Config.Client", typ)
	}
	g, err := machine.VerifyOpaque(ctx, v.client, machine.Kind(typ), token, v.machineSecretKey)
	if err != nil {
		return nil, fromReason(err)
	}
	return fromGrant(g), nil
}

// fromGrant is the MachineAuth of what a machine token grants.
func fromGrant(g *machine.Grant) *MachineAuth {
	m := &MachineAuth{
		TokenType:  TokenType(g.Kind),
		ID:         g.ID,
		Subject:    g.Subject,
		Name:       g.Name,
		ClientID:   g.ClientID,
		Scopes:     g.Scopes,
		Claims:     g.Claims,
		Expiration: g.Expiration,
	}
	m.setSubjectIDs()
	return m
}
