package users_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/users"
)

// cannedUser is an http.RoundTripper that answers every request with
// testdata/user.json, in memory: no server, no socket, so allocs/op counts
// the client's allocations alone.
type cannedUser struct{ body []byte }

func (c cannedUser) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode:    http.StatusOK,
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(bytes.NewReader(c.body)),
		ContentLength: int64(len(c.body)),
		Request:       r,
	}, nil
}

// inMemoryUsers returns the users service on a client over cannedUser.
func inMemoryUsers(b *testing.B, opts ...clerk.Option) *users.Service {
	b.Helper()
	body, err := os.ReadFile("testdata/user.json")
	if err != nil {
		b.Fatal(err)
	}
	base := []clerk.Option{clerk.WithBaseURL("https://api.clerk.test/v1"), clerk.WithHTTPClient(&http.Client{Transport: cannedUser{body}})}
	c, err := clerk.NewClient("sk_test_bench", append(base, opts...)...)
	if err != nil {
		b.Fatal(err)
	}
	return users.New(c)
}

// runGets calls Get b.N times.
func runGets(b *testing.B, svc *users.Service) {
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u, err := svc.Get(ctx, "user_2abcDEFghiJKLmnoPQRstuVWXyz")
		if err != nil || u.ID == "" {
			b.Fatal(err)
		}
	}
}

// BenchmarkUsersGetInMemory is users.Get over an in-memory transport, with
// no Observer: its allocs/op, compared with the same benchmark built from
// the code before the Observer existed, is the cost of the hook when
// nothing is installed (BENCHMARKS.md).
func BenchmarkUsersGetInMemory(b *testing.B) {
	runGets(b, inMemoryUsers(b))
}
