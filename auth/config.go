package auth

import (
	"time"

	"github.com/clerkgo/clerk"
)

// Defaults applied by New.
const (
	DefaultClockSkew = 5 * time.Second
	DefaultCacheSize = 10_000
)

// Config configures a Verifier. The zero value of every field is a safe
// default; at least one of JWTKey and Client is needed to verify tokens.
type Config struct {
	// JWTKey is the instance's PEM public key (from the dashboard), with or
	// without its BEGIN/END lines. When set, session tokens are verified
	// without any network call and the JWKS is never fetched.
	JWTKey string

	// Client fetches the JWKS (GET /jwks) when JWTKey is empty, and verifies
	// opaque machine tokens.
	Client *clerk.Client

	// MachineSecretKey, when set, authorizes POST /m2m_tokens/verify instead
	// of the Client's secret key.
	MachineSecretKey string

	// AuthorizedParties, when non-empty, lists the origins allowed in a
	// session token's azp claim; the claim must then be present.
	AuthorizedParties []string

	// Audience, when set, must appear in the token's aud claim (when the
	// token has one).
	Audience string

	// Issuer, when set, must equal the token's iss claim.
	Issuer string

	// ClockSkew is the leeway for exp, nbf and iat. Zero means the 5 s
	// default; set NoClockSkew to compare times exactly.
	ClockSkew time.Duration

	// NoClockSkew makes the leeway exactly zero, whatever ClockSkew says.
	NoClockSkew bool

	// AcceptsToken lists the token types AuthenticateRequest accepts.
	// Empty means session tokens only.
	AcceptsToken []TokenType

	// AcceptAny makes AuthenticateRequest accept every token type.
	AcceptAny bool

	// AcceptPendingSessions lets sessions with status "pending" count as
	// signed in. By default they are signed out.
	AcceptPendingSessions bool

	// Now returns the current time; nil means time.Now.
	Now func() time.Time

	// CacheSize bounds the verified-token cache; zero means 10,000 entries.
	CacheSize int

	// DisableCache turns the verified-token cache off.
	DisableCache bool
}
