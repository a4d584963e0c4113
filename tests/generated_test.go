package tests

import (
	"context"

	"github.com/clerkgo/clerk"
)

// generatedCall is what internal/gen emits per operation into
// calls_gen_test.go: a call of the SDK method with example arguments, and a
// constructor of the Go type its answer decodes into (nil for no content).
type generatedCall struct {
	Call func(ctx context.Context, c *clerk.Client) error
	New  func() any
}
