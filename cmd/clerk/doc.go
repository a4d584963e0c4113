// Command clerk is an admin tool for Clerk's Backend API, built only on the
// public packages of this SDK.
//
// It reads the secret key from CLERK_SECRET_KEY (and an optional base URL
// from CLERK_API_URL). With --emulator it runs against an in-process clerktest
// emulator seeded with demo data, so every command can be tried offline.
//
// Usage:
//
//	clerk [global flags] <group> <command> [flags] [args]
//
// Groups: users, orgs, billing, apikeys, tokens, webhooks; and the emulator,
// completion and version commands. "clerk help <group>" and
// "clerk <command> -h" describe each one; cmd/clerk/README.md shows them all
// with real output.
//
// The user actions (force-password-reset, ban, unban, lock, unlock, delete,
// update-metadata) are batches built on package batch: many users given by
// ID or email, from arguments, flags, a file or stdin, handled
// --concurrency at a time within Clerk's rate limit, with a --journal that
// makes a rerun resume, --dry-run, and a confirmation (or --yes) before
// anything destructive.
//
// Output is a table by default and JSON with --json or -o json (JSON lines
// for batches, and errors as JSON on stderr). Exit codes: 0 success, 1 a
// failed call or any failed or in-doubt item of a batch, 2 a usage error,
// 130 a batch interrupted by Ctrl-C or SIGTERM.
package main
