package auth

// Reasons of a signed-out or handshake request state, spelled as Clerk's
// SDK spells them. They describe the request, not one token, so they have
// no errors.Is sentinel.
const (
	ReasonActiveOrganizationMismatch     Reason = "active-organization-mismatch"
	ReasonClientUATWithoutSessionToken   Reason = "client-uat-but-no-session-token"
	ReasonDevBrowserMissing              Reason = "dev-browser-missing"
	ReasonDevBrowserSync                 Reason = "dev-browser-sync"
	ReasonPrimaryDomainCrossOriginSync   Reason = "primary-domain-cross-origin-sync"
	ReasonSatelliteNeedsSyncing          Reason = "satellite-needs-syncing"
	ReasonSessionTokenAndUATMissing      Reason = "session-token-and-uat-missing"
	ReasonSessionTokenIATBeforeClientUAT Reason = "session-token-iat-before-client-uat"
	ReasonSessionTokenNBF                Reason = "session-token-nbf"
	ReasonSessionTokenIatInTheFuture     Reason = "session-token-iat-in-the-future"
	ReasonSessionTokenWithoutClientUAT   Reason = "session-token-but-no-client-uat"
	// ReasonNoTokenInHeader is Clerk's wording when a machine token type is
	// required and the Authorization header carries none.
	ReasonNoTokenInHeader Reason = "No token in header"
	// ReasonHandshakeURLInvalid is this package's own: a handshake was
	// needed but the request's public URL (Host, X-Forwarded-*) is
	// malformed, not http(s), or not an AuthorizedParties origin.
	ReasonHandshakeURLInvalid Reason = "handshake-url-invalid"
	// ReasonHandshakeUnavailable is this package's own: a handshake was
	// needed but Config.PublishableKey is not set.
	ReasonHandshakeUnavailable Reason = "handshake-unavailable"
)
