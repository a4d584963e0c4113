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
// default, but New refuses a Config with neither JWTKey nor Client: it could
// verify nothing.
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

	// SignInURL is the URL of the primary application's sign-in page; a
	// satellite on a development instance redirects there to sync. For a
	// Satellite it must be an absolute http(s) URL on another host than
	// Domain (Clerk throws on the requests that would use any other); for
	// any other application it is not used.
	SignInURL string

	// Domain is the satellite's domain (e.g. "satellite.dev"), a host name
	// without scheme; its Frontend API is clerk.<Domain> in production.
	Domain string

	// ProxyURL is where the app serves Clerk's Frontend API itself (see
	// package auth/proxy): an absolute http(s) URL, or a path such as
	// "/__clerk" taken relative to the request's own origin.
	ProxyURL string

	// Satellite marks an application that shares the session of a primary
	// application on another domain; it needs Domain or ProxyURL.
	Satellite bool

	// SatelliteAutoSync makes a satellite sync with the primary domain on
	// a document request that carries no Clerk cookie at all. By default,
	// as in Clerk, such a request is signed out without a redirect, and a
	// satellite only syncs when asked to (__clerk_synced=false) or when it
	// has cookies to refresh.
	SatelliteAutoSync bool

	// OrganizationSync activates an organization, or the personal account,
	// from the request path, as Clerk's organizationSyncOptions do: when a
	// signed-in document request's path names another organization than
	// the session's active one, the request gets a handshake that
	// activates it. Nil turns it off.
	OrganizationSync *OrganizationSync

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
	// single entry AnyToken accepts every type. Nil means session tokens
	// only. One entry behaves like Clerk's acceptsToken given one type,
	// several like Clerk's acceptsToken given an array, and a non-nil empty
	// list like Clerk's empty array: it accepts nothing.
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

	// Observer, when set, is told of every request decision (its
	// outcome, reason and token type) that AuthenticateRequest and
	// Middleware make; see clerk.Observer. Nil reports nothing. The calls
	// the Client makes (the JWKS, machine-token verification) are reported
	// to the Client's own observer (clerk.WithObserver).
	Observer clerk.Observer

	// Logger receives the JWKS refresh failures (once per minute at most)
	// and configuration warnings, each once per Verifier: cookie
	// authentication without AuthorizedParties, and CLERK_API_KEY set in
	// the environment without CLERK_SECRET_KEY. Nil means slog.Default().
	Logger *slog.Logger
}

// OrganizationSync lists the path patterns that name an organization or
// the personal account, in the syntax of Clerk's organizationSyncOptions
// (path-to-regexp 6): literal segments, named parameters such as :slug,
// and parameters or groups with a custom pattern such as (.*). Matching
// ignores case and one trailing slash. An organization pattern names the
// organization by an :id or a :slug parameter (:id wins when both match).
type OrganizationSync struct {
	// OrganizationPatterns are tried first, in order.
	OrganizationPatterns []string
	// PersonalAccountPatterns select the personal account (no active
	// organization).
	PersonalAccountPatterns []string
}
