package auth

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth/internal/instance"
	"github.com/clerkgo/clerk/auth/internal/jwt"
	"github.com/clerkgo/clerk/auth/internal/orgsync"
)

// Verifier verifies Clerk tokens and authenticates requests. It is
// immutable after New and safe for concurrent use; it owns its JWKS and
// verified-token caches, so the keys of one instance never verify another's
// tokens.
type Verifier struct {
	staticKey         *rsa.PublicKey
	client            *clerk.Client
	keys              *jwt.KeySet
	machineSecretKey  string
	authorizedParties []string
	audience          string
	issuer            string
	skew              time.Duration
	accepts           []TokenType
	acceptPending     bool
	now               func() time.Time
	cache             *tokenCache

	inst      *instance.Instance // nil without a PublishableKey
	signInURL string
	domain    string
	proxyURL  string
	satellite bool
	autoSync  bool
	orgSync   *orgsync.Matcher // nil without Config.OrganizationSync

	logger        *slog.Logger
	warnNoParties *sync.Once // cookie authentication without AuthorizedParties

	observer clerk.Observer // Config.Observer; nil when none
}

// New checks cfg and returns a Verifier. It is an error when cfg has
// neither JWTKey nor Client; when JWTKey, PublishableKey, Domain, ProxyURL
// or an OrganizationSync pattern is malformed; when a Satellite lacks
// PublishableKey, Domain or ProxyURL, or (on a development instance)
// SignInURL, or has a SignInURL that is relative or on its own Domain;
// when ClockSkew is negative; or when AcceptsToken holds an unknown entry.
// Where Clerk's SDK would throw on every request such a configuration
// serves, New refuses it once instead.
//
// When CLERK_API_KEY is set in the environment but CLERK_SECRET_KEY is
// not, New warns through the Logger: Clerk renamed the variable.
func New(cfg Config) (*Verifier, error) {
	if cfg.JWTKey == "" && cfg.Client == nil {
		return nil, errors.New("auth: Config needs JWTKey or Client to verify tokens")
	}
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
		autoSync:          cfg.SatelliteAutoSync,
		logger:            cfg.Logger,
		warnNoParties:     new(sync.Once),
		observer:          cfg.Observer,
	}
	if v.logger == nil {
		v.logger = slog.Default()
	}
	if cfg.AcceptsToken != nil && len(cfg.AcceptsToken) == 0 {
		v.accepts = []TokenType{} // Clerk's empty array: nothing is accepted
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
	if v.accepts == nil {
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
	if o := cfg.OrganizationSync; o != nil {
		m, err := orgsync.New(o.OrganizationPatterns, o.PersonalAccountPatterns)
		if err != nil {
			return nil, err
		}
		v.orgSync = m
	}
	if cfg.JWTKey != "" {
		k, err := jwt.ParsePublicKey(cfg.JWTKey)
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
		v.keys = jwt.NewKeySet(cfg.Client, v.now, grace, v.logger)
	}
	switch size := cfg.CacheSize; {
	case size == 0:
		v.cache = newTokenCache(DefaultCacheSize)
	case size > 0:
		v.cache = newTokenCache(size)
	}
	if os.Getenv("CLERK_API_KEY") != "" && os.Getenv("CLERK_SECRET_KEY") == "" {
		v.logger.Warn("clerk auth: CLERK_API_KEY is set but CLERK_SECRET_KEY is not; Clerk's SDKs read CLERK_SECRET_KEY (CLERK_API_KEY is its old name)")
	}
	return v, nil
}

// warnCookieWithoutParties logs, once per Verifier, that a cookie session
// is being authenticated without AuthorizedParties: any site can then make
// a browser send the session cookie along (cross-site request forgery).
func (v *Verifier) warnCookieWithoutParties() {
	if len(v.authorizedParties) > 0 {
		return
	}
	v.warnNoParties.Do(func() {
		v.logger.Warn("clerk auth: cookie sessions are authenticated without AuthorizedParties; set Config.AuthorizedParties to your app's origins so that tokens minted for another origin are refused")
	})
}

// configureInstance validates the handshake settings.
func (v *Verifier) configureInstance(cfg Config) error {
	if cfg.PublishableKey != "" {
		inst, err := instance.Parse(cfg.PublishableKey)
		if err != nil {
			return err
		}
		v.inst = &inst
	}
	if cfg.Domain != "" {
		if _, ok := instance.CleanHost(cfg.Domain, "https"); !ok {
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
		if !v.inst.Production && cfg.SignInURL == "" {
			return errors.New("auth: a Satellite of a development instance needs SignInURL")
		}
		if cfg.SignInURL != "" {
			u, err := url.Parse(cfg.SignInURL)
			if err != nil || !isAbsoluteHTTPURL(cfg.SignInURL) {
				return errors.New("auth: a Satellite's SignInURL must be an absolute http(s) URL")
			}
			if cfg.Domain != "" && strings.EqualFold(u.Hostname(), cfg.Domain) {
				return errors.New("auth: a Satellite's SignInURL must be on another host than its Domain (the primary application's)")
			}
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
