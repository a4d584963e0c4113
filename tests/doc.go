// Package tests holds the SDK's cross-package tests: coverage of every
// operation of the spec, contract tests of requests and answers against the
// spec, and end-to-end tests against the clerktest emulator.
package tests
