package auth

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
)

// Verifier verifies Clerk tokens and authenticates requests. It is
// immutable after New and safe for concurrent use; it owns its JWKS and
// verified-token caches, so the keys of one instance never verify another's
// tokens.
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
	acceptPending     bool
	now               func() time.Time
	cache             *tokenCache

	inst      *instance // nil without a PublishableKey
	signInURL string
	domain    string
	proxyURL  string
	satellite bool
}

// New checks cfg and returns a Verifier. A malformed JWTKey,
// PublishableKey, SignInURL, Domain or ProxyURL, a satellite without Domain
// or ProxyURL, a negative ClockSkew, or an unknown AcceptsToken entry is an
// error.
func New(cfg Config) (*Verifier, error) {
	v := &Verifier{
		client:            cfg.Client,
		machineSecretKey:  cfg.MachineSecretKey,
		authorizedParties: append([]string(nil), cfg.AuthorizedParties...),
		audience:          cfg.Audience,
		issuer:            cfg.Issuer,
		skew:              DefaultClockSkew,
		accepts:           append([]TokenType(nil), cfg.AcceptsToken...),
		acceptPending:     cfg.AcceptPendingSessions,
		now:               cfg.Now,
		signInURL:         cfg.SignInURL,
		domain:            cfg.Domain,
		proxyURL:          strings.TrimSpace(cfg.ProxyURL),
		satellite:         cfg.Satellite,
	}
	if cfg.ClockSkew != nil {
		if *cfg.ClockSkew < 0 {
			return nil, errors.New("auth: ClockSkew must not be negative")
		}
		v.skew = *cfg.ClockSkew
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
		case AnyToken:
			if len(v.accepts) != 1 {
				return nil, errors.New("auth: AnyToken must be the only AcceptsToken entry")
			}
		default:
			return nil, fmt.Errorf("auth: unknown token type %q in AcceptsToken", t)
		}
	}
	if err := v.configureInstance(cfg); err != nil {
		return nil, err
	}
	if cfg.JWTKey != "" {
		k, err := parsePublicKey(cfg.JWTKey)
		if err != nil {
			return nil, err
		}
		v.staticKey = k
	} else if cfg.Client != nil {
		grace := cfg.JWKSGracePeriod
		switch {
		case grace == 0:
			grace = DefaultJWKSGracePeriod
		case grace < 0:
			grace = 0
		}
		logger := cfg.Logger
		if logger == nil {
			logger = slog.Default()
		}
		v.keys = newKeySet(cfg.Client, v.now, grace, logger)
	}
	switch size := cfg.CacheSize; {
	case size == 0:
		v.cache = newTokenCache(DefaultCacheSize)
	case size > 0:
		v.cache = newTokenCache(size)
	}
	return v, nil
}

// configureInstance validates the handshake settings.
func (v *Verifier) configureInstance(cfg Config) error {
	if cfg.PublishableKey != "" {
		inst, err := parsePublishableKey(cfg.PublishableKey)
		if err != nil {
			return err
		}
		v.inst = &inst
	}
	if cfg.SignInURL != "" && !isAbsoluteHTTPURL(cfg.SignInURL) {
		return errors.New("auth: SignInURL must be an absolute http(s) URL")
	}
	if cfg.Domain != "" {
		if _, ok := cleanHost(cfg.Domain, "https"); !ok {
			return errors.New("auth: Domain must be a host name such as \"satellite.dev\", without scheme or path")
		}
	}
	if v.proxyURL != "" && !strings.HasPrefix(v.proxyURL, "/") && !isAbsoluteHTTPURL(v.proxyURL) {
		return errors.New("auth: ProxyURL must be an absolute http(s) URL or a path starting with /")
	}
	if cfg.Satellite {
		if v.inst == nil {
			return errors.New("auth: a Satellite needs PublishableKey")
		}
		if cfg.Domain == "" && v.proxyURL == "" {
			return errors.New("auth: a Satellite needs Domain or ProxyURL")
		}
		if !v.inst.production && cfg.SignInURL == "" {
			return errors.New("auth: a Satellite of a development instance needs SignInURL")
		}
	}
	return nil
}

func isAbsoluteHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil
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
