package machine

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/clerkgo/clerk/auth/internal/jwt"
	"github.com/clerkgo/clerk/auth/internal/reason"
)

// FromJWT reads what a verified M2M or OAuth JWT grants. With audience
// set, an OAuth token's aud must be a non-empty string or an array of
// non-empty strings that includes it, as in Clerk; an M2M token whose
// scopes claim is present but not a string is refused (Clerk's SDK fails
// on it).
func FromJWT(kind Kind, c *jwt.Claims, payload, audience string) (*Grant, error) {
	g := &Grant{
		Kind:       kind,
		ID:         c.Jti.Val,
		Subject:    c.Sub.Val,
		ClientID:   c.ClientID.Val,
		Expiration: c.Exp.Time(),
	}
	if kind == OAuth {
		if audience != "" && (!c.Aud.OK || slices.Contains(c.Aud.Val, "") || !c.Aud.Contains(audience)) {
			return nil, &reason.Error{Reason: reason.TokenVerificationFailed, Message: "aud claim does not include the configured audience"}
		}
		g.Scopes = oauthScopes(c)
	} else {
		if c.ScopesNotString {
			return nil, &reason.Error{Reason: reason.TokenVerificationFailed, Message: "the scopes claim of an M2M token must be a space-separated string"}
		}
		g.Scopes = m2mScopes(c)
	}
	var all map[string]any
	if err := json.Unmarshal([]byte(payload), &all); err == nil {
		if kind == M2M {
			all = m2mCustomClaims(all)
		}
		g.Claims = all
	}
	return g, nil
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
