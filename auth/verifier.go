package auth

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"time"

	"github.com/clerkgo/clerk"
)

// Verifier verifies Clerk tokens. It is immutable after New and safe for
// concurrent use; it owns its JWKS and verified-token caches, so the keys of
// one instance never verify another's tokens.
type Verifier struct {
	staticKey         *rsa.PublicKey
	client            *clerk.Client
	keys              *keySet
	machineSecretKey  string
	authorizedParties []string
	audience          string
	issuer            string
	skew              time.Duration
	accepts           []TokenType
	acceptAny         bool
	acceptPending     bool
	now               func() time.Time
	cache             *tokenCache
}

// New checks cfg and returns a Verifier. A malformed JWTKey, a negative
// ClockSkew or CacheSize, or an unknown AcceptsToken entry is an error.
func New(cfg Config) (*Verifier, error) {
	v := &Verifier{
		client:            cfg.Client,
		machineSecretKey:  cfg.MachineSecretKey,
		authorizedParties: append([]string(nil), cfg.AuthorizedParties...),
		audience:          cfg.Audience,
		issuer:            cfg.Issuer,
		skew:              cfg.ClockSkew,
		accepts:           append([]TokenType(nil), cfg.AcceptsToken...),
		acceptAny:         cfg.AcceptAny,
		acceptPending:     cfg.AcceptPendingSessions,
		now:               cfg.Now,
	}
	if cfg.ClockSkew < 0 {
		return nil, errors.New("auth: ClockSkew must not be negative")
	}
	if cfg.CacheSize < 0 {
		return nil, errors.New("auth: CacheSize must not be negative")
	}
	switch {
	case cfg.NoClockSkew:
		v.skew = 0
	case v.skew == 0:
		v.skew = DefaultClockSkew
	}
	if v.now == nil {
		v.now = time.Now
	}
	if len(v.accepts) == 0 {
		v.accepts = []TokenType{SessionToken}
	}
	for _, t := range v.accepts {
		switch t {
		case SessionToken, APIKey, M2MToken, OAuthToken:
		default:
			return nil, fmt.Errorf("auth: unknown token type %q in AcceptsToken", t)
		}
	}
	if cfg.JWTKey != "" {
		k, err := parsePublicKey(cfg.JWTKey)
		if err != nil {
			return nil, err
		}
		v.staticKey = k
	} else if cfg.Client != nil {
		v.keys = newKeySet(cfg.Client, v.now)
	}
	if !cfg.DisableCache {
		size := cfg.CacheSize
		if size == 0 {
			size = DefaultCacheSize
		}
		v.cache = newTokenCache(size)
	}
	return v, nil
}

// String describes the verifier without any key or secret.
func (v *Verifier) String() string {
	src := "none"
	switch {
	case v.staticKey != nil:
		src = "jwt-key"
	case v.keys != nil:
		src = "jwks"
	}
	return fmt.Sprintf("auth.Verifier{keys: %s, accepts: %v, skew: %s}", src, v.accepts, v.skew)
}

// GoString is String, so %#v never prints a secret either.
func (v *Verifier) GoString() string { return v.String() }
