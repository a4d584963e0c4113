package auth

import (
	"strings"

	"github.com/clerkgo/clerk/auth/internal/jwt"
	"github.com/clerkgo/clerk/auth/internal/session"
)

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
	hashed bool
	token  string
	key    cacheKey
	entry  *cacheEntry   // the cache entry, on a hit
	parsed session.Facts // the facts, on a miss
}

// facts is what the token says before verification: the cache entry's
// facts on a hit (not copied), else those decoded by peekInto.
func (p *peeked) facts() *session.Facts {
	if p.entry != nil {
		return &p.entry.facts
	}
	return &p.parsed
}

// peekInto decodes a token without verifying it; a token verified before
// is answered from the cache without decoding, and the lookup is kept so
// that verifying it next does not hash it again. Only the fields a lookup
// sets are written (a repeated token's path does not clear the facts).
func (v *Verifier) peekInto(token string, p *peeked) {
	p.seen, p.token, p.hashed, p.entry = true, token, false, nil
	if token != "" && v.cache != nil {
		p.key, p.hashed = hashToken(token), true
		if p.entry = v.cache.get(&p.key); p.entry != nil {
			return
		}
	}
	p.parsed = session.Facts{}
	if token == "" {
		return
	}
	var t jwt.Token
	if t.Parse(token) == nil {
		p.parsed = factsOf(token, &t)
	}
}

// peekFacts is the facts of a token, outside a request.
func (v *Verifier) peekFacts(token string) session.Facts {
	var p peeked
	v.peekInto(token, &p)
	return *p.facts()
}

func factsOf(token string, t *jwt.Token) session.Facts {
	f := session.Facts{
		Decoded:       true,
		NonSessionCat: isNonSessionCategory(&t.Header),
		Iat:           t.Claims.Iat,
		Exp:           t.Claims.Exp,
		Iss:           t.Claims.Iss,
		IssTruthy:     t.Claims.Iss.Truthy,
	}
	if isJWTFormat(token) {
		f.OAuthJWT = isAccessTokenType(&t.Header)
		f.M2MJWT = t.Claims.Sub.OK && strings.HasPrefix(t.Claims.Sub.Val, prefixMch)
	}
	return f
}

// detectType classifies a token as Clerk's SDK does: mt_ or a JWT whose sub
// starts with mch_ is an M2M token, oat_ or a JWT typed at+jwt an OAuth
// token, ak_ an API key; everything else is a session token.
func (rc *reqContext) detectType(token string) TokenType {
	return typeOf(token, func(t string) session.Facts { return *rc.peek(t).facts() })
}

func typeOf(token string, facts func(string) session.Facts) TokenType {
	if strings.HasPrefix(token, prefixM2M) {
		return M2MToken
	}
	f := facts(token)
	switch {
	case f.M2MJWT:
		return M2MToken
	case strings.HasPrefix(token, prefixOAuth), f.OAuthJWT:
		return OAuthToken
	case strings.HasPrefix(token, prefixAPI):
		return APIKey
	}
	return SessionToken
}
