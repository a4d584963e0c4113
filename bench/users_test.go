package bench

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	sdk "github.com/clerk/clerk-sdk-go/v2"
	sdkuser "github.com/clerk/clerk-sdk-go/v2/user"
	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/users"
)

const benchKey = "sk_test_bench"

// ourUsers returns our users service for srv's base URL.
func ourUsers(b *testing.B, base string) *users.Service {
	b.Helper()
	c, err := clerk.NewClient(benchKey, clerk.WithBaseURL(base+"/v1"))
	if err != nil {
		b.Fatal(err)
	}
	return users.New(c)
}

// theirUsers returns clerk-sdk-go's user client for the same server.
func theirUsers(base string) *sdkuser.Client {
	return sdkuser.NewClient(&sdk.ClientConfig{BackendConfig: sdk.BackendConfig{
		URL: sdk.String(base + "/v1"), Key: sdk.String(benchKey), HTTPClient: &http.Client{},
	}})
}

// BenchmarkUsersList: one page of 100 users. clerk-sdk-go's List also
// requests /users/count to fill its total; ours sends the one request the
// API needs.
func BenchmarkUsersList(b *testing.B) {
	srv := serve(b, 100)
	ours, theirs := ourUsers(b, srv.URL), theirUsers(srv.URL)
	ctx := context.Background()
	paired(b, func(b *testing.B) {
		page, err := ours.List(ctx, &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(100)}})
		if err != nil || len(page.Data) != 100 {
			b.Fatal(err)
		}
	}, func(b *testing.B) {
		list, err := theirs.List(ctx, &sdkuser.ListParams{ListParams: sdk.ListParams{Limit: sdk.Int64(100)}})
		if err != nil || len(list.Users) != 100 {
			b.Fatal(err)
		}
	})
}

// allUsers is the size of the user base the All benchmarks walk.
const allUsers = 10_000

// BenchmarkUsersAll: every one of 10,000 users, pages of 100, against
// clerk-sdk-go's List in an offset loop (the way its users page).
func BenchmarkUsersAll(b *testing.B) {
	srv := serve(b, allUsers)
	ours, theirs := ourUsers(b, srv.URL), theirUsers(srv.URL)
	ctx := context.Background()
	paired(b, func(b *testing.B) {
		n := 0
		for u, err := range ours.All(ctx, &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(100)}}) {
			if err != nil || u.ID == "" {
				b.Fatal(err)
			}
			n++
		}
		if n != allUsers {
			b.Fatalf("%d users", n)
		}
	}, func(b *testing.B) {
		n := 0
		for offset := int64(0); ; offset += 100 {
			list, err := theirs.List(ctx, &sdkuser.ListParams{ListParams: sdk.ListParams{Limit: sdk.Int64(100), Offset: sdk.Int64(offset)}})
			if err != nil {
				b.Fatal(err)
			}
			n += len(list.Users)
			if len(list.Users) < 100 || offset+100 >= list.TotalCount {
				break
			}
		}
		if n != allUsers {
			b.Fatalf("%d users", n)
		}
	})
}

// BenchmarkUsersAllVsHandWritten: the same walk against a hand-written
// net/http + encoding/json loop decoding into the same model.
func BenchmarkUsersAllVsHandWritten(b *testing.B) {
	srv := serve(b, allUsers)
	ours := ourUsers(b, srv.URL)
	hc := &http.Client{}
	ctx := context.Background()
	paired(b, func(b *testing.B) {
		n := 0
		for u, err := range ours.All(ctx, &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(100)}}) {
			if err != nil || u.ID == "" {
				b.Fatal(err)
			}
			n++
		}
		if n != allUsers {
			b.Fatalf("%d users", n)
		}
	}, func(b *testing.B) {
		n := 0
		for offset := 0; ; offset += 100 {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/v1/users?limit=100&offset="+strconv.Itoa(offset), nil)
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+benchKey)
			req.Header.Set("Clerk-API-Version", clerk.APIVersion)
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var page []*clerk.User
			err = json.NewDecoder(resp.Body).Decode(&page)
			resp.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
			n += len(page)
			if len(page) < 100 {
				break
			}
		}
		if n != allUsers {
			b.Fatalf("%d users", n)
		}
	})
}

// BenchmarkUsersGet: one user, against the hand-written call.
func BenchmarkUsersGet(b *testing.B) {
	srv := serve(b, 1)
	ours := ourUsers(b, srv.URL)
	hc := &http.Client{}
	ctx := context.Background()
	paired(b, func(b *testing.B) {
		u, err := ours.Get(ctx, "user_000000000000000000000000000")
		if err != nil || u.ID == "" {
			b.Fatal(err)
		}
	}, func(b *testing.B) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/v1/users/user_000000000000000000000000000", nil)
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+benchKey)
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
	})
}
