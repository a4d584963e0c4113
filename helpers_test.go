package clerk_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/jarcoal/httpmock"
)

const (
	testKey  = "sk_test_abcdefghijklmnop"
	testBase = "https://api.test/v1"
)

// newMocked returns a client wired to a fresh mock transport with fast
// retry waits.
func newMocked(t *testing.T, opts ...clerk.Option) (*clerk.Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	base := []clerk.Option{
		clerk.WithBaseURL(testBase),
		clerk.WithHTTPClient(&http.Client{Transport: mt}),
		clerk.WithRetryWait(time.Millisecond, 2*time.Millisecond),
	}
	c, err := clerk.NewClient(testKey, append(base, opts...)...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c, mt
}
