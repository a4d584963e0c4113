// Package reason carries Clerk's reason codes out of auth's internal
// packages: an *Error names why a token or key was refused in Clerk's words
// (token-invalid, jwk-kid-mismatch, ...), and package auth turns it into
// its public *auth.TokenError at the boundary. The request reasons below
// (satellite-needs-syncing, dev-browser-missing, ...) are the ones package
// session decides; auth's public Reason constants spell them the same.
package reason

// Clerk's reasons that the internal packages decide.
const (
	TokenInvalid            = "token-invalid"
	TokenExpired            = "token-expired"
	TokenVerificationFailed = "token-verification-failed"
	KidMismatch             = "jwk-kid-mismatch"
	RemoteFailedToLoad      = "jwk-remote-failed-to-load"
	SecretKeyInvalid        = "secret-key-invalid"
	UnexpectedError         = "unexpected-error"
	TokenNotActiveYet       = "token-not-active-yet"
	TokenIatInTheFuture     = "token-iat-in-the-future"
	SessionTokenMissing     = "session-token-missing"
	TokenTypeMismatch       = "token-type-mismatch"
)

// Clerk's reasons for the state of a request rather than of one token.
const (
	ActiveOrganizationMismatch     = "active-organization-mismatch"
	ClientUATWithoutSessionToken   = "client-uat-but-no-session-token"
	DevBrowserMissing              = "dev-browser-missing"
	DevBrowserSync                 = "dev-browser-sync"
	PrimaryDomainCrossOriginSync   = "primary-domain-cross-origin-sync"
	SatelliteNeedsSyncing          = "satellite-needs-syncing"
	SessionTokenAndUATMissing      = "session-token-and-uat-missing"
	SessionTokenIATBeforeClientUAT = "session-token-iat-before-client-uat"
	SessionTokenNBF                = "session-token-nbf"
	SessionTokenIatInTheFuture     = "session-token-iat-in-the-future"
	SessionTokenWithoutClientUAT   = "session-token-but-no-client-uat"
	// SessionTokenExpiredRefresh is followed by why no refresh happened:
	// session-token-expired-refresh-non-eligible-non-get, ...
	SessionTokenExpiredRefresh = "session-token-expired-refresh-"
	// HandshakeURLInvalid and HandshakeUnavailable are auth's own (see
	// auth.ReasonHandshakeURLInvalid and auth.ReasonHandshakeUnavailable).
	HandshakeURLInvalid  = "handshake-url-invalid"
	HandshakeUnavailable = "handshake-unavailable"
)

// Error is a refusal with Clerk's reason.
type Error struct {
	Reason  string
	Message string
	Err     error // the underlying failure, when any
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Reason + ": " + e.Message + ": " + e.Err.Error()
	}
	return e.Reason + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.Err }
