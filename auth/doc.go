// Package auth decides who is calling a Go service that sits behind a Clerk
// frontend, with the decisions Clerk's own JavaScript backend SDK
// (@clerk/backend) makes.
//
// A [Verifier] checks Clerk session tokens (RS256 JWTs) either with the
// instance's PEM public key (no network at all) or with the instance's JSON
// Web Key Set, fetched through a [clerk.Client] and cached; when a refresh
// fails, the last keys keep verifying for [Config.JWKSGracePeriod], so a
// Clerk outage does not sign everyone out. It also verifies machine tokens:
// API keys (ak_), M2M tokens (mt_ or JWT) and OAuth access tokens (oat_ or
// JWT, scopes from scp).
//
// [Verifier.AuthenticateRequest] turns an [net/http.Request] into an [Auth]
// the way Clerk's authenticateRequest does: the Authorization header
// ("Bearer" exactly, or a bare token), else the __session cookie (its
// suffixed form __session_<suffix> first, the suffix derived from
// [Config.PublishableKey]), which only counts while __client_uat says the
// browser is signed in and is not newer than the token. A document request
// whose cookie session is missing, expired or stale gets the [Handshake]
// state: [Middleware] answers it with Clerk's 307 redirect to the Frontend
// API, and on the way back verifies the __clerk_handshake token or fetches
// the __clerk_handshake_nonce payload from the Backend API, sets the cookies
// it carries and redirects to the clean URL. Package auth/proxy serves the
// Frontend API from the app's own domain.
//
// A handler reads the common claims as fields of its [Auth], and all of
// them, custom claims included ([SessionClaims.Decode]), through
// [Auth.SessionClaims]: a copy of the verified claims that is the
// handler's own, so that nothing it changes reaches the token cache or a
// later request.
//
// [Auth.Has] answers has() questions with Clerk's rules: roles and
// permissions need an active organization and accept the "org:" prefix or
// not, features and plans are read from the fea and pla claims (scopes o,
// u, ou and uo), and [Reverification] checks the fva claim against Clerk's
// presets or a custom level. [Require] answers 401 and 403, with Clerk's
// reverification error body when a reverification is missing.
//
// # Where things live
//
// This package is the public surface and the verification of a token:
// Config and New (config.go, verifier.go); which token a request carries
// and which types are accepted, and the hand-over of the cookie flow to
// internal/session (request.go, facts.go, tokentype.go); Middleware,
// Require and FromContext (middleware.go); the checks of a session token
// in Clerk's order, shape, category, typ, algorithm, signature, sub, aud,
// azp, iss (verify.go), its time claims and clock skew (times.go);
// VerifySessionToken and the verified-token cache (sessiontoken.go,
// tokencache.go);
// what the verified claims mean, SessionClaims and the v1 and v2 claim
// formats (sessionclaims.go), organization features, plans and permission
// bitmaps (orgclaims.go); has() and its checks (authresult.go, check.go,
// reverification.go); machine tokens (machine.go, machineauth.go); the
// public reasons and errors (errors.go, reasons.go). A rule about what a
// claim says goes in sessionclaims.go or orgclaims.go; a rule about
// whether a token is accepted goes in verify.go or times.go.
//
// The rest sits in internal packages, each saying in its documentation
// what it decides: internal/session (the cookie session, the handshake
// redirect and its way back, refresh, satellites, the development browser,
// organization activation by URL, the public URL of a request; a rule about
// a request without an Authorization token goes there), internal/jwt
// (token decoding, the claims read the way Clerk's JavaScript reads them,
// PEM keys, the JWKS cache), internal/machine (what a machine token
// grants), internal/orgsync (which organization a path names),
// internal/instance (publishable keys, clean hosts and origins) and
// internal/reason (Clerk's reason words shared by all of them). The
// Frontend API proxy is the public package auth/proxy.
//
// Failures are [*TokenError] values whose [Reason] uses the same words as
// Clerk's SDK, so logs read alike across languages; each token reason has a
// sentinel for [errors.Is]. Request states carry Clerk's request reasons
// (session-token-and-uat-missing, client-uat-but-no-session-token, ...).
//
// # Agreement with @clerk/backend
//
// A differential test runs @clerk/backend 3.25.0 on a corpus of several
// hundred tokens and requests (claim parsing oddities, header fields,
// base64 strictness, time boundaries, v1 and v2 organization claims with
// permission bitmaps longer than 64 bits, has() questions, reverification,
// machine tokens, Authorization and cookie shapes, forwarded headers and
// the handshake in both directions) and replays it through this package.
// Every decision agrees except the differences below, which are deliberate
// and made for safety:
//
//   - Time claims outside the range of a JavaScript Date (exp, nbf or iat
//     beyond about 8.64e12 seconds, or numbers too large for a float64):
//     Clerk stops checking them, so such a token never expires; this package
//     refuses the token (token-verification-failed).
//   - An aud claim that is neither a string nor an array of strings, when
//     Config.Audience is set: Clerk skips the audience check; this package
//     refuses the token.
//   - Organization claims of another JSON type than string (an o.id of 12):
//     Clerk uses the value, so a numeric organization ID passes role and
//     permission checks; this package leaves such values out, and the
//     checks fail.
//   - Claims Clerk's SDK cannot read (a fea entry without a colon, or a fea,
//     per or fpm claim of another type, in a token with an organization):
//     Clerk verifies the token but its toAuth() throws, which fails the
//     request; this package refuses the token (token-invalid).
//   - A header or payload that is JSON null: Clerk fails with a TypeError
//     (unexpected-error); this package refuses with a token reason.
//   - Malformed or hostile X-Forwarded-Host and X-Forwarded-Proto values (a
//     path, user info, a backslash, a bad port, a scheme other than
//     http(s), a non-ASCII host): Clerk builds its redirect from whatever
//     its URL parser makes of them, which can point at another host; this
//     package answers a clear signed-out state instead (handshake-url-invalid),
//     and with Config.AuthorizedParties set it only redirects to a listed
//     origin.
//   - A handshake token is checked for exp and nbf; Clerk never checks its
//     expiry, so a captured handshake could be replayed.
//   - Handshake cookie directives for cookies that are not Clerk's are
//     dropped; Clerk sets whatever the payload lists.
//   - After a handshake whose parameters were in the URL of a production
//     document request, this package also redirects to the clean URL (Clerk
//     does so in development only), so the handshake token does not stay in
//     the address bar and the browser history.
//   - A Backend API answer to an opaque machine token's verification that
//     says the token is revoked or expired is refused; Clerk signs the
//     machine in on any successful answer.
//   - The handshake redirect loop stops at three or more redirects (Clerk:
//     at exactly three); a development handshake that fails answers a
//     signed-out state where Clerk throws.
//   - An M2M JWT whose scopes claim is not a string (an array, a number):
//     Clerk's authenticateRequest throws a TypeError; this package refuses
//     the token (token-verification-failed), a clear error rather than a
//     failed request.
//
// Configuration is checked once, by [New], where Clerk checks it on every
// request:
//
//   - Neither JWTKey nor Client: refused (Clerk throws on every request
//     without a secret key). A JWTKey without a Client is accepted, and
//     verifies without any network; Clerk's authenticateRequest throws
//     without a secret key even when it has a JWT key.
//   - A satellite SignInURL that is relative or on the satellite's own
//     Domain: refused. Clerk throws on the requests that use it (those
//     with an Origin header, and a development satellite's sync) and
//     serves the others.
//   - A Domain with a scheme ("https://satellite.dev"): refused. Clerk
//     accepts it and derives the Frontend API clerk.https://satellite.dev,
//     which no handshake can reach.
//   - OrganizationSync patterns: the path-to-regexp 6 syntax of literal
//     text, :name parameters, (pattern) groups and the ? modifier is read
//     as Clerk reads it; a pattern Clerk refuses is refused, and so are the
//     repeat modifiers (* and +) and {} groups, which this package does not
//     read.
//   - No PublishableKey: Clerk throws on every request that may carry a
//     session. This package accepts it, because a Verifier also serves
//     VerifySessionToken and APIs that take only bearer tokens: header
//     tokens and cookie sessions are verified as for a production instance
//     with unsuffixed cookies, and a request that would need a handshake
//     is signed out (handshake-unavailable). A Satellite needs the key.
//
// An expired session with a __refresh_<suffix> cookie is refreshed through
// the Backend API first, as Clerk does; the handshake is the fallback.
//
// Not implemented: the development primary's redirect to the
// __clerk_redirect_url query parameter, which takes its target from the
// query string.
package auth
