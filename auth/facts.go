package auth

import (
	"regexp"
	"strings"
)

// tokenFacts is what Clerk's SDK reads from a token before verifying it:
// its class (machine JWT, non-session category) and the iat and iss claims
// the cookie logic compares.
type tokenFacts struct {
	decoded       bool
	oauthJWT      bool
	m2mJWT        bool
	nonSessionCat bool
	iat           claimNumber
	exp           claimNumber
	iss           claimString
	issTruthy     bool
}

func (f tokenFacts) iatOr0() float64 {
	if f.iat.ok {
		return f.iat.val
	}
	return 0
}

func (f tokenFacts) expiredAt(nowSec int64) bool {
	return f.decoded && f.exp.ok && f.exp.val <= float64(nowSec)
}

// jwtFormat is the shape Clerk requires of a machine JWT.
var jwtFormat = regexp.MustCompile(`^[a-zA-Z0-9\-_]+\.[a-zA-Z0-9\-_]+\.[a-zA-Z0-9\-_]+$`)

// isNonSessionCategory reports a cat header of another class than session
// tokens (absent, session and "ignore" categories are session-compatible).
func isNonSessionCategory(h *header) bool {
	return h.HasCat && h.Cat != sessionCategory && h.Cat != ignoreCategory
}

// peekFacts decodes a token without verifying it; a token verified before
// is answered from the cache without decoding.
func (v *Verifier) peekFacts(token string) tokenFacts {
	if token == "" {
		return tokenFacts{}
	}
	if v.cache != nil {
		k := hashToken(token)
		if e := v.cache.get(&k); e != nil {
			return e.facts
		}
	}
	var t jws
	if t.parse(token) != nil {
		return tokenFacts{}
	}
	return factsOf(token, &t)
}

func factsOf(token string, t *jws) tokenFacts {
	f := tokenFacts{
		decoded:       true,
		nonSessionCat: isNonSessionCategory(&t.header),
		iat:           t.claims.Iat,
		exp:           t.claims.Exp,
		iss:           t.claims.Iss,
		issTruthy:     t.claims.Iss.truthy,
	}
	if jwtFormat.MatchString(token) {
		f.oauthJWT = isAccessTokenType(&t.header)
		f.m2mJWT = t.claims.Sub.ok && strings.HasPrefix(t.claims.Sub.val, prefixMch)
	}
	return f
}
