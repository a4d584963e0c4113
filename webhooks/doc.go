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
// Every event type of Clerk's webhook catalogue has a constant and a payload
// struct, generated from the webhooks OpenAPI description. An event type this
// version does not know is still delivered, with its raw data.
//
// The package also holds the Backend API's webhook endpoints (the Svix
// application of an instance), through Service, built with NewService.
package webhooks
