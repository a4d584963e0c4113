package auth

import (
	"log/slog"
	"time"

	"github.com/clerkgo/clerk"
)

// Defaults applied by New.
const (
	DefaultClockSkew       = 5 * time.Second
	DefaultCacheSize       = 10_000
	DefaultJWKSGracePeriod = time.Hour
)

// Config configures a Verifier. The zero value of every field is a safe
// default; at least one of JWTKey and Client is needed to verify tokens.
type Config struct {
	// JWTKey is the instance's PEM public key (from the dashboard), with or
	// without its BEGIN/END lines. When set, session tokens are verified
	// without any network call and the JWKS is never fetched.
	JWTKey string

	// Client fetches the JWKS (GET /jwks) when JWTKey is empty, verifies
	// opaque machine tokens and fetches handshake payloads.
	Client *clerk.Client

	// MachineSecretKey, when set, authorizes POST /m2m_tokens/verify instead
	// of the Client's secret key.
	MachineSecretKey string

	// PublishableKey (pk_live_... or pk_test_...) names the instance whose
	// cookies AuthenticateRequest reads: it derives the suffixed cookie
	// names and the Frontend API of the handshake. Without it, cookie
	// sessions are still verified but never refreshed by a handshake.
	PublishableKey string

	// SignInURL is the absolute URL of the primary application's sign-in
	// page; a satellite on a development instance redirects there to sync.
	SignInURL string

	// Domain is the satellite's domain (e.g. "satellite.dev"); its
	// Frontend API is clerk.<Domain> in production.
	Domain string

	// ProxyURL is where the app serves Clerk's Frontend API itself (see
	// Proxy): an absolute http(s) URL, or a path such as "/__clerk" taken
	// relative to the request's own origin.
	ProxyURL string

	// Satellite marks an application that shares the session of a primary
	// application on another domain; it needs Domain or ProxyURL.
	Satellite bool

	// AuthorizedParties, when non-empty, lists the origins allowed in a
	// session token's azp claim; the claim must then be present. The
	// handshake redirect is also only built for a request whose public
	// origin is listed.
	AuthorizedParties []string

	// Audience, when set, must appear in the token's aud claim (when the
	// token has one).
	Audience string

	// Issuer, when set, must equal the token's iss claim.
	Issuer string

	// ClockSkew is the leeway for exp, nbf and iat. Nil means
	// DefaultClockSkew; point it at 0 to compare times exactly.
	ClockSkew *time.Duration

	// AcceptsToken lists the token types AuthenticateRequest accepts; the
	// single entry AnyToken accepts every type. Empty means session tokens
	// only. One entry behaves like Clerk's acceptsToken given one type,
	// several like Clerk's acceptsToken given an array.
	AcceptsToken []TokenType

	// AcceptPendingSessions lets sessions with status "pending" count as
	// signed in. By default they are signed out.
	AcceptPendingSessions bool

	// Now returns the current time; nil means time.Now.
	Now func() time.Time

	// CacheSize bounds the verified-token cache: zero means
	// DefaultCacheSize, a negative value turns the cache off.
	CacheSize int

	// JWKSGracePeriod is how long the last keys fetched keep verifying
	// after they expired (one hour after their fetch) while every refresh
	// fails, so that a Clerk outage does not sign everyone out. Zero means
	// DefaultJWKSGracePeriod; a negative value disables the grace.
	JWKSGracePeriod time.Duration

	// Logger receives the JWKS refresh failures (once per minute at most).
	// Nil means slog.Default().
	Logger *slog.Logger
}
