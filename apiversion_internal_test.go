package clerk

import (
	"testing"

	"github.com/clerkgo/clerk/internal/versions"
)

// TestCheckVersionAllocatesNothingOnOrdinaryRoutes keeps the version check
// free for the routes the table does not limit, which are nearly all: it
// runs on every call, before any I/O.
func TestCheckVersionAllocatesNothingOnOrdinaryRoutes(t *testing.T) {
	c, err := NewClient("sk_test_alloc", WithAPIVersion(APIVersion20260512))
	if err != nil {
		t.Fatal(err)
	}
	if c.apiSet != versions.V20260512 {
		t.Fatalf("apiSet = %v", c.apiSet)
	}
	for _, req := range []*Request{
		{Method: "GET", Path: "/users/{user_id}"},
		{Method: "PATCH", Path: "/users/{user_id}/metadata"},
		{Method: "POST", Path: "/directories/{directory_id}/rotate_api_key"},
	} {
		body := []byte(`{"public_metadata":{}}`)
		allocs := testing.AllocsPerRun(100, func() {
			if err := c.checkVersion(req, body, ""); err != nil {
				t.Fatalf("%s %s: %v", req.Method, req.Path, err)
			}
		})
		if allocs != 0 {
			t.Errorf("%s %s: %v allocations per check, want 0", req.Method, req.Path, allocs)
		}
	}
}
