package clerk

// The resource packages, internal/registry and tests/calls_gen_test.go are
// generated from the Backend API spec; the webhook event types from the
// webhooks spec.
//go:generate go run -C internal/gen .
