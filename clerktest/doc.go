// Package clerktest runs an in-memory emulator of Clerk's Backend API on a
// loopback HTTP server, for tests and demos that must not need a Clerk account
// or the internet.
//
// An Emulator keeps its own users, sessions, organizations, invitations, JWT
// templates, API keys, M2M tokens and billing records, answers with the wire
// format of API version 2025-11-10 (including Clerk's error objects), signs
// session tokens with its own RSA key, and sends Svix-signed webhooks for the
// mutations it performs. Routes it does not implement answer 501 with a
// Clerk-shaped error instead of a fake success.
//
// Faults for resilience tests are injected with FailNext and SetLatency, and
// Requests returns the log of what the emulator received.
//
// Every Emulator is independent: separate state, separate keys, no globals,
// so tests that each start one may run in parallel.
package clerktest
