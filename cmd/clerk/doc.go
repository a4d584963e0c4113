// Command clerk is an admin tool for Clerk's Backend API, built only on the
// public packages of this SDK.
//
// It reads the secret key from CLERK_SECRET_KEY (and an optional base URL
// from CLERK_API_URL). With --emulator it runs against an in-process clerktest
// emulator seeded with demo data, so every command can be tried offline.
//
// Usage:
//
//	clerk [--emulator] [--json] <group> <command> [flags] [args]
//
// Groups: users, orgs, billing, apikeys, tokens, webhooks, and the emulator
// command, which serves an emulator on 127.0.0.1 until interrupted.
//
// Output is a table by default and JSON with --json. Exit codes: 0 success,
// 1 a failed call (or any failed item of a batch), 2 a usage error.
package main
