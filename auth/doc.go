// Package auth decides who is calling a Go service that sits behind a Clerk
// frontend.
//
// A [Verifier] checks Clerk session tokens (RS256 JWTs) either with the
// instance's PEM public key (no network at all) or with the instance's JSON
// Web Key Set, fetched once through a [clerk.Client] and cached. It also
// verifies machine tokens: API keys (ak_), M2M tokens (mt_ or JWT) and OAuth
// access tokens (oat_ or JWT).
//
// Failures are [*TokenError] values whose [Reason] uses the same words as
// Clerk's JavaScript backend SDK, so logs read alike across languages; each
// reason has a sentinel for [errors.Is].
//
// [Verifier.AuthenticateRequest] turns an [net/http.Request] into an [Auth];
// [Middleware] stores that Auth in the request context and [Require] turns it
// into 401 and 403 answers. Browser handshake redirects are not performed: a
// missing or stale session cookie simply yields a signed-out Auth with a
// reason.
package auth
