package clerk

// The resource packages, internal/registry, internal/versions,
// API-VERSIONS.md and tests/calls_gen_test.go are generated from the
// Backend API specs of both versions; the webhook event types from the
// webhooks spec.
//go:generate go run -C internal/gen .
