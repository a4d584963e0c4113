// Package webhooks receives Clerk webhooks: it verifies the Svix signature
// of each delivery, decodes the event into a typed payload and dispatches it
// to the function registered for its type.
//
// Clerk signs "<svix-id>.<svix-timestamp>.<body>" with HMAC-SHA256 under the
// endpoint's signing secret (whsec_...) and sends the result in the
// svix-signature header. A Verifier checks that signature in constant time
// and refuses deliveries whose timestamp is more than five minutes (by
// default) away from the clock, which defeats replays.
//
// Three levels of use:
//
//   - Verifier.Verify(body, header) only checks the signature.
//   - Verifier.VerifyRequest(r) reads a request, checks it and returns the
//     Event; Event.Decode or the typed accessors (Event.UserCreated, ...)
//     give the payload as a Go struct.
//   - NewDispatcher(v) returns an http.Handler that does all of the above and
//     calls the function registered with On or OnUserCreated, etc.
//
// # Agreement with svix
//
// Verify gives the verdict of svix's JavaScript library (svix 2.5.0 with
// standardwebhooks 1.1.1, run on Node as a server hands it a request) on
// every delivery, down to the kind of rejection; a differential test in CI
// checks it on about two thousand crafted deliveries. What that means for
// inputs Svix itself never sends:
//
//   - svix-timestamp is read like JavaScript's parseInt: leading white
//     space, a sign, leading zeros, and anything after the digits (a
//     fraction, letters) are accepted, and the signature covers the
//     number in its plain decimal form, not the header's text.
//   - The signed body is the body as text: a body that is not valid UTF-8
//     is signed as its decoding, each invalid sequence read as U+FFFD. The
//     svix-id header is signed as Node reads it, its bytes as Latin-1.
//   - A svix-signature entry matches when its first comma-separated field
//     is "v1" and its second is the signature's canonical base64 text;
//     further fields are ignored, and unpadded or otherwise non-canonical
//     base64 does not match. Entries are separated by single spaces.
//   - Header values are not trimmed, and repeated headers are joined with
//     ", ", as Node joins them.
//   - The secret is decoded as svix decodes it: up to two "=" of padding,
//     no white space, a lone last character ignored.
//
// None of this lets a delivery through without the secret: each accepted
// form is signed over content equal to or standing for what was received.
// There are no documented differences. svix 2.5.0 installed today pulls
// standardwebhooks 1.3.0, which decides two things differently from its
// own 1.1.1: it signs a non-UTF-8 body byte for byte, and it rejects an
// entry with a third comma-separated field. This package follows 1.1.1,
// the version the reference was measured with.
//
// Every event type of Clerk's webhook catalogue has a constant and a payload
// struct, generated from the webhooks OpenAPI description. An event type this
// version does not know is still delivered, with its raw data.
//
// The package also holds the Backend API's webhook endpoints (the Svix
// application of an instance), through Service, built with NewService.
package webhooks
