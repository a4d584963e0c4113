// Package session decides what a browser request without an Authorization
// token is, from its cookies and query, as Clerk's authenticateRequest
// decides it: which session cookie counts (__session or its suffixed form,
// gated by __client_uat), when a document request must take the handshake
// redirect through the Frontend API and where it goes, how the way back is
// resolved (the __clerk_handshake token or the nonce's payload from the
// Backend API, and which cookie directives are kept), when an expired
// session is refreshed with the __refresh cookie, when a satellite must
// sync with its primary, the development browser's rules, the redirect
// loop limit, organization activation by URL, and the public URL derived
// from Host and X-Forwarded-*.
//
// It checks no token itself: the caller (package auth) implements Tokens,
// which verifies session and handshake tokens and says what a token claims
// before verification. A decision is a Decision value (signed in with the
// verified session, signed out with Clerk's reason, or a handshake with the
// response headers), which auth turns into its public Auth. Reasons are the
// constants of package reason; errors this package makes are
// *reason.Error values.
package session
