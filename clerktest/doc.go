// Package clerktest runs an in-memory emulator of Clerk's Backend API on a
// loopback HTTP server, for tests and demos that must not need a Clerk account
// or the internet, in Go (New) or from any language (the clerk emulator
// command, see the README in this directory).
//
// An Emulator keeps users, email addresses and phone numbers, sessions and
// clients, organizations with their memberships, invitations, domains,
// custom roles and permissions, invitations, JWT and email/SMS templates,
// API keys, machines and M2M tokens, OAuth applications, SAML connections,
// allow- and blocklists, redirect URLs, domains, the waitlist, one-time
// tokens, instance settings and billing records. It answers with the root
// package's models (clerk.User, clerk.Organization, ...) in the wire format
// of API version 2025-11-10, with Clerk's error codes (ErrorCodes lists them
// and where each comes from), signs session tokens with its own RSA key, and
// delivers Svix-signed webhooks for its mutations asynchronously, retried on
// Svix's schedule (Flush waits for them, Deliveries lists them). Billing
// mutations send subscriptionItem.canceled, .ended or .updated and
// subscription.updated, as Clerk does for the same change.
//
// Every operation and every parameter of the spec is implemented. A body
// key the spec does not define is 422 form_param_unknown, as on Clerk; a
// query parameter the spec does not define is ignored, as on Clerk. The
// API version comes from the Clerk-API-Version header or the
// __clerk_api_version query parameter, as Clerk's versioning docs say;
// 2025-11-10 (also for a request that names none) and 2026-05-12 are
// answered exactly, each with its own operations and request fields (the
// table generated from both specs), and older released versions as
// 2025-11-10, whose shapes they share. The API
// key, M2M token and OAuth access token verification routes also answer
// without /v1, as Clerk serves them.
//
// Session and JWT template tokens are issued by the Frontend API URL the
// publishable key encodes (FrontendAPIURL), as on a development instance;
// the emulator serves their JWKS. A session's refresh token is
// RefreshToken.
//
// What cannot be emulated, and how the emulator answers instead:
//   - Nothing is reachable beyond the emulator but a proxy under check:
//     the Frontend API is only its proxy health route (StartSignUp stands
//     in for a user starting a sign-up there; invitation, ticket and OAuth
//     URLs point at hosts that need not resolve), and no email, SMS or
//     SCIM push leaves it (email.created and sms.created webhooks stand
//     for the messages). A proxy check (POST /proxy_checks) requests
//     {proxy_url}/v1/proxy-health as Clerk does and succeeds only when a
//     proxy forwards it to the emulator's Frontend API (its Origin) with
//     the secret key, e.g. auth/proxy with FrontendAPIURL set to Origin;
//     proxy_url must be https, or http to a loopback host.
//   - Imported password digests verify only for the md5 and sha256
//     hashers; the others (bcrypt, argon2, scrypt, pbkdf2, ...) are kept,
//     count as a password, and never match in verify_password.
//   - Sessions are not bound to a device: request_headers and
//     request_originating_ip of a refresh are checked and not used, and
//     latest_activity is null.
//   - Accountless (keyless) applications hand out the emulator's own keys.
//   - The conformance test's exceptions (calls it cannot judge): the
//     internal /v1/email endpoints and /v1/beta_features/change_domain
//     (below); and two clerk-sdk-go functions with
//     nothing to judge: client.List decodes the spec's bare array as a
//     page (without paginated=true), user.CreateTOTP sends no request.
//   - Endpoints newer than the spec or internal to Clerk: DELETE
//     /v1/invitations/{id} deletes as @clerk/backend documents; the
//     internal /v1/email endpoints and the production-only
//     /v1/beta_features/change_domain answer 404 resource_not_found, a
//     guess (Clerk does not document their answer to a development
//     instance).
//   - A few declared answer fields are left out, where Clerk leaves them
//     out or the spec gives them no value (a delete answer's external_id
//     and slug, an SMS template's email fields, a user payer's
//     organization, a discount without a promo code); the contract test in
//     the tests module lists each with its reason (allowedAbsences).
//
// Clerk's test identifiers work as on a development instance: addresses with
// +clerk_test and the numbers +1 XXX 555-0100 to 555-0199 receive no message
// and verify with TestCode (424242); other addresses get their code in an
// email.created or sms.created webhook.
//
// Faults for resilience tests target a route and a count (InjectFault):
// before or after the write, as a status, a connection reset, a truncated
// body or latency. Requests returns the bounded request log.
//
// The source has one place per resource family, each with the same shape:
// <family>.go (users.go, organizations.go, invitations.go, billing.go, ...)
// holds the family's route list, one add call per operation naming the
// parameters its handler implements, and the handlers; its records,
// indexes and rules sit in files with the same prefix (users_model.go,
// users_list.go, billing_model.go, invitations_accept.go). routes.go lists
// the families. To add an endpoint, add its line to the family's route
// list and its handler beside it: decode the body (decode) and the query
// (decodeQuery) into the SDK's params types, build the answer from the
// root model, and let the
// generated spec table (spec_params_gen.go, from internal/gen) and
// TestEverySpecParameterIsImplemented check the parameters.
//
// Every Emulator is independent: separate state, separate keys, no globals,
// so tests that each start one may run in parallel. Its methods are safe for
// concurrent use; reads run in parallel under a shared lock.
package clerktest
