// Package call holds the few helpers every generated service method uses, so
// that each method is one readable statement.
package call

import (
	"context"
	"fmt"

	"github.com/clerkgo/clerk"
)

// JSON sends req and returns the decoded answer.
func JSON[T any](ctx context.Context, c *clerk.Client, req *clerk.Request, opts []clerk.RequestOption) (*T, error) {
	out := new(T)
	if err := c.Do(ctx, req, out, opts...); err != nil {
		return nil, err
	}
	return out, nil
}

// List sends req and returns one page of a list answer laid out as shape,
// the shape the spec gives the endpoint.
func List[T any](ctx context.Context, c *clerk.Client, req *clerk.Request, shape clerk.PageShape, opts []clerk.RequestOption) (*clerk.Page[T], error) {
	out := clerk.NewPage[T](shape)
	if err := c.Do(ctx, req, out, opts...); err != nil {
		return nil, err
	}
	return out, nil
}

// NoContent sends req and discards the answer's body.
func NoContent(ctx context.Context, c *clerk.Client, req *clerk.Request, opts []clerk.RequestOption) error {
	return c.Do(ctx, req, nil, opts...)
}

// Copy returns a copy of params, or a new zero value when params is nil, so
// that iterators can move the offset without touching the caller's value.
func Copy[P any](params *P) *P {
	p := new(P)
	if params != nil {
		*p = *params
	}
	return p
}

// NilParams is the error of a method called with nil params that it needs.
func NilParams(method string) error {
	return fmt.Errorf("%w: %s needs non-nil params", clerk.ErrInvalidParams, method)
}

// Value sends req and returns the decoded answer by value, for answers that
// are maps or slices.
func Value[T any](ctx context.Context, c *clerk.Client, req *clerk.Request, opts []clerk.RequestOption) (T, error) {
	var out T
	err := c.Do(ctx, req, &out, opts...)
	return out, err
}
