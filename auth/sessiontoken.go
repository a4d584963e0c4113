package auth

import (
	"context"
	"crypto/sha256"

	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// VerifySessionToken verifies a Clerk session token and returns its claims.
// A failure is a *TokenError; see the package documentation for the order
// of the checks. A token verified before is served from the cache after its
// time claims and its key have been checked again.
func (v *Verifier) VerifySessionToken(ctx context.Context, token string) (*SessionClaims, error) {
	c, shared, err := v.verifySession(ctx, token, nil)
	if err != nil || !shared {
		return c, err
	}
	cp := *c
	return &cp, nil
}

// verifySession is VerifySessionToken reusing a cache lookup done by peek.
// shared reports claims owned by the cache, which the caller must copy
// before handing them out.
func (v *Verifier) verifySession(ctx context.Context, token string, p *peeked) (c *SessionClaims, shared bool, err error) {
	var k cacheKey
	if v.cache != nil {
		var e *cacheEntry
		if p != nil && p.hashed {
			k, e = p.key, p.entry
		} else {
			k = hashToken(token)
			e = v.cache.get(&k)
		}
		if e != nil {
			if v.keyStillCurrent(e) {
				if err := v.checkTimes(e.exp, e.nbf, e.iat); err != nil {
					return nil, false, err
				}
				return e.claims, true, nil
			}
			v.cache.remove(&k)
		}
	}
	var t jwt.Token
	key, err := v.verifyJWT(ctx, token, kindSession, &t)
	if err != nil {
		return nil, false, err
	}
	claims, err := newSessionClaims(&t.Claims, t.Payload)
	if err != nil {
		return nil, false, err
	}
	if v.cache != nil {
		v.cache.put(&k, &cacheEntry{
			claims: claims, key: key, kid: t.Header.Kid,
			exp: t.Claims.Exp, nbf: t.Claims.Nbf, iat: t.Claims.Iat,
			facts: factsOf(token, &t),
		})
		return claims, true, nil
	}
	return claims, false, nil
}

// keyStillCurrent reports whether the key that verified a cached token is
// still the one the uncached path would use, without fetching.
func (v *Verifier) keyStillCurrent(e *cacheEntry) bool {
	if v.staticKey != nil {
		return e.key == v.staticKey
	}
	return v.keys != nil && v.keys.Peek(e.kid) == e.key
}

// hashToken is the SHA-256 of a token, copied through a stack buffer when it
// fits so that a cache hit does not allocate a copy of the token.
func hashToken(token string) cacheKey {
	var buf [2048]byte
	if len(token) <= len(buf) {
		n := copy(buf[:], token)
		return sha256.Sum256(buf[:n])
	}
	return sha256.Sum256([]byte(token))
}
