package auth

import (
	"strings"

	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// tokenFacts is what Clerk's SDK reads from a token before verifying it:
// its class (machine JWT, non-session category) and the iat and iss claims
// the cookie logic compares.
type tokenFacts struct {
	decoded       bool
	oauthJWT      bool
	m2mJWT        bool
	nonSessionCat bool
	iat           jwt.NumberClaim
	exp           jwt.NumberClaim
	iss           jwt.StringClaim
	issTruthy     bool
}

func (f tokenFacts) iatOr0() float64 {
	if f.iat.OK {
		return f.iat.Val
	}
	return 0
}

func (f tokenFacts) expiredAt(nowSec int64) bool {
	return f.decoded && f.exp.OK && f.exp.Val <= float64(nowSec)
}

// isJWTFormat is Clerk's test for a machine JWT's shape: three non-empty
// dot-separated parts of base64url characters, without padding.
func isJWTFormat(token string) bool {
	parts, run := 1, 0
	for i := 0; i < len(token); i++ {
		c := token[i]
		switch {
		case c == '.':
			if run == 0 {
				return false
			}
			parts, run = parts+1, 0
		case c == '-' || c == '_' || (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'z'):
			run++
		default:
			return false
		}
	}
	return parts == 3 && run > 0
}

// isNonSessionCategory reports a cat header of another class than session
// tokens (absent, session and "ignore" categories are session-compatible).
func isNonSessionCategory(h *jwt.Header) bool {
	return h.HasCat && h.Cat != sessionCategory && h.Cat != ignoreCategory
}

// peeked is a token looked up in the cache and, on a miss, decoded
// without verification.
type peeked struct {
	seen   bool
	token  string
	facts  tokenFacts
	key    cacheKey
	hashed bool
	entry  *cacheEntry
}

// peek decodes a token without verifying it; a token verified before is
// answered from the cache without decoding, and the lookup is kept so that
// verifying it next does not hash it again.
func (v *Verifier) peekInto(token string, p *peeked) {
	*p = peeked{seen: true, token: token}
	if token == "" {
		return
	}
	if v.cache != nil {
		p.key, p.hashed = hashToken(token), true
		if p.entry = v.cache.get(&p.key); p.entry != nil {
			p.facts = p.entry.facts
			return
		}
	}
	var t jwt.Token
	if t.Parse(token) == nil {
		p.facts = factsOf(token, &t)
	}
}

// peekFacts is the facts of a token, outside a request.
func (v *Verifier) peekFacts(token string) tokenFacts {
	var p peeked
	v.peekInto(token, &p)
	return p.facts
}

func factsOf(token string, t *jwt.Token) tokenFacts {
	f := tokenFacts{
		decoded:       true,
		nonSessionCat: isNonSessionCategory(&t.Header),
		iat:           t.Claims.Iat,
		exp:           t.Claims.Exp,
		iss:           t.Claims.Iss,
		issTruthy:     t.Claims.Iss.Truthy,
	}
	if isJWTFormat(token) {
		f.oauthJWT = isAccessTokenType(&t.Header)
		f.m2mJWT = t.Claims.Sub.OK && strings.HasPrefix(t.Claims.Sub.Val, prefixMch)
	}
	return f
}
