package auth

import (
	"crypto/rsa"
	"crypto/sha256"
	"sync"

	"github.com/clerkgo/clerk/auth/internal/jwt"
	"github.com/clerkgo/clerk/auth/internal/session"
)

// cacheKey is the SHA-256 of a token; the cache belongs to one Verifier, so
// the verifier's configuration is part of the key implicitly.
type cacheKey [sha256.Size]byte

// cacheEntry is a token that passed every check once. Its time claims are
// checked again at every use, and it is only used while the key that
// verified it is still the current key for its kid.
type cacheEntry struct {
	claims        *SessionClaims
	key           *rsa.PublicKey
	kid           string
	exp, nbf, iat jwt.NumberClaim
	facts         session.Facts // what the request logic reads before verifying
}

// tokenCache is a bounded map of verified session tokens. When full, an
// insertion evicts an arbitrary entry (Go's randomised map order).
type tokenCache struct {
	mu  sync.RWMutex
	max int
	m   map[cacheKey]*cacheEntry
}

func newTokenCache(max int) *tokenCache {
	return &tokenCache{max: max, m: make(map[cacheKey]*cacheEntry)}
}

func (c *tokenCache) get(k *cacheKey) *cacheEntry {
	c.mu.RLock()
	e := c.m[*k]
	c.mu.RUnlock()
	return e
}

func (c *tokenCache) put(k *cacheKey, e *cacheEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[*k]; !ok && len(c.m) >= c.max {
		for old := range c.m {
			delete(c.m, old)
			break
		}
	}
	c.m[*k] = e
}

func (c *tokenCache) remove(k *cacheKey) {
	c.mu.Lock()
	delete(c.m, *k)
	c.mu.Unlock()
}

func (c *tokenCache) len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}
