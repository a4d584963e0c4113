package users_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/users"
)

// userServer serves testdata/user.json (about 2 KB) for any request.
func userServer(b *testing.B) *httptest.Server {
	b.Helper()
	body, err := os.ReadFile("testdata/user.json")
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkUsersGet fetches and decodes one user through the SDK.
func BenchmarkUsersGet(b *testing.B) {
	srv := userServer(b)
	c, err := clerk.NewClient("sk_test_bench", clerk.WithBaseURL(srv.URL+"/v1"), clerk.WithHTTPClient(srv.Client()))
	if err != nil {
		b.Fatal(err)
	}
	svc := users.New(c)
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

// BenchmarkUsersGetBaseline is the same call written by hand with net/http
// and encoding/json, decoding into the same model: the yardstick for the
// SDK's overhead (see BENCHMARKS.md).
func BenchmarkUsersGetBaseline(b *testing.B) {
	srv := userServer(b)
	hc := srv.Client()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/v1/users/user_2abcDEFghiJKLmnoPQRstuVWXyz", nil)
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer sk_test_bench")
		req.Header.Set("Clerk-API-Version", clerk.APIVersion)
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var u clerk.User
		err = json.NewDecoder(resp.Body).Decode(&u)
		resp.Body.Close()
		if err != nil || u.ID == "" {
			b.Fatal(err)
		}
	}
}
