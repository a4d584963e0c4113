package auth

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth/internal/instance"
	"github.com/clerkgo/clerk/auth/internal/jwt"
	"github.com/clerkgo/clerk/auth/internal/orgsync"
	"github.com/clerkgo/clerk/auth/internal/session"
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
	sessionsOnly      bool // accepts is exactly [SessionToken]
	acceptPending     bool
	now               func() time.Time
	cache             *tokenCache

	session session.Config // the cookie, handshake and satellite settings

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
	v.sessionsOnly = len(v.accepts) == 1 && v.accepts[0] == SessionToken
	if err := v.configureSession(cfg); err != nil {
		return nil, err
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

// configureSession builds and checks the settings of package session.
func (v *Verifier) configureSession(cfg Config) error {
	v.session = session.Config{
		SignInURL:         cfg.SignInURL,
		Domain:            cfg.Domain,
		ProxyURL:          strings.TrimSpace(cfg.ProxyURL),
		Satellite:         cfg.Satellite,
		AutoSync:          cfg.SatelliteAutoSync,
		AuthorizedParties: v.authorizedParties,
		Client:            cfg.Client,
		Now:               v.now,
		OnCookieSession:   v.warnCookieWithoutParties,
	}
	if cfg.PublishableKey != "" {
		inst, err := instance.Parse(cfg.PublishableKey)
		if err != nil {
			return err
		}
		v.session.Instance = &inst
	}
	if err := v.session.Check(); err != nil {
		return err
	}
	if o := cfg.OrganizationSync; o != nil {
		m, err := orgsync.New(o.OrganizationPatterns, o.PersonalAccountPatterns)
		if err != nil {
			return err
		}
		v.session.OrgSync = m
	}
	return nil
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
