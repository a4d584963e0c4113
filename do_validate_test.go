package clerk_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/users"
)

// TestDoValidatesParams checks that Client.Do runs a generated params
// value's Validate before any I/O, in the body and in the query alike, as
// the services' methods do.
func TestDoValidatesParams(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		req       *clerk.Request
		wantField string
	}{
		{
			name:      "body",
			req:       &clerk.Request{Method: "PATCH", Path: "/users/{user_id}", PathParams: []string{"user_1"}, Body: &users.UpdateParams{PasswordDigest: clerk.Null[string]()}},
			wantField: "password_digest",
		},
		{
			name:      "query",
			req:       &clerk.Request{Method: "GET", Path: "/users", Query: &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(501)}}},
			wantField: "limit",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, mt := newMocked(t)
			err := c.Do(context.Background(), tt.req, nil)
			if !errors.Is(err, clerk.ErrInvalidParams) || !strings.Contains(err.Error(), tt.wantField) {
				t.Fatalf("Do = %v, want ErrInvalidParams naming %s", err, tt.wantField)
			}
			if n := mt.GetTotalCallCount(); n != 0 {
				t.Fatalf("%d requests sent for invalid params", n)
			}
		})
	}
}
