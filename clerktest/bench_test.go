package clerktest_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
)

// BenchmarkGetUser measures one GET /users/{id} round trip through the
// client, the unit of cost of tests written against the emulator.
func BenchmarkGetUser(b *testing.B) {
	e := clerktest.New(clerktest.WithDemoData())
	defer e.Close()
	c := e.Client()
	var users []struct{ ID string }
	if err := c.Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/users"}, &users); err != nil || len(users) == 0 {
		b.Fatal(err)
	}
	req := &clerk.Request{Method: http.MethodGet, Path: "/users/{user_id}", PathParams: []string{users[0].ID}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := c.Do(context.Background(), req, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMintSessionToken measures minting an RS256 token with org claims.
func BenchmarkMintSessionToken(b *testing.B) {
	e := clerktest.New(clerktest.WithDemoData())
	defer e.Close()
	var users []struct{ ID string }
	if err := e.Client().Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/users"}, &users); err != nil || len(users) == 0 {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.MintSessionToken(users[0].ID, clerktest.WithOrganization("org_x", "admin", "org:a:read")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNew measures starting an emulator (dominated by the RSA-2048 key).
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		clerktest.New().Close()
	}
}
