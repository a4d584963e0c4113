package users_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/users"
	"github.com/jarcoal/httpmock"
)

const base = "https://api.test/v1"

func newService(t *testing.T) (*users.Service, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	c, err := clerk.NewClient("sk_test_users", clerk.WithBaseURL(base),
		clerk.WithHTTPClient(&http.Client{Transport: mt}), clerk.WithRetryWait(time.Millisecond, time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	return users.New(c), mt
}

const userJSON = `{"object":"user","id":"user_1","username":"ada","first_name":null,"last_name":"Lovelace",
"external_id":null,"banned":false,"locked":false,"created_at":1,"updated_at":2,"email_addresses":[],
"phone_numbers":[],"web3_wallets":[],"passkeys":[],"external_accounts":[],"saml_accounts":[],
"enterprise_accounts":[],"public_metadata":{},"private_metadata":{},"unsafe_metadata":{},
"password_enabled":true,"two_factor_enabled":false,"totp_enabled":false,"backup_code_enabled":false}`

func TestUpdateSendsOmittedNullAndValue(t *testing.T) {
	t.Parallel()
	svc, mt := newService(t)
	var body map[string]json.RawMessage
	mt.RegisterResponder("PATCH", base+"/users/user_1", func(r *http.Request) (*http.Response, error) {
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			return nil, err
		}
		return httpmock.NewStringResponse(200, userJSON), nil
	})
	u, err := svc.Update(context.Background(), "user_1", &users.UpdateParams{
		Username:  clerk.String("ada"),
		FirstName: clerk.Null[string](),
		// ExternalID is left omitted: the server keeps it as it is.
	})
	if err != nil {
		t.Fatal(err)
	}
	if string(body["username"]) != `"ada"` || string(body["first_name"]) != "null" {
		t.Fatalf("body = %v", body)
	}
	if _, sent := body["external_id"]; sent || len(body) != 2 {
		t.Fatalf("omitted fields were sent: %v", body)
	}
	if u.ID != "user_1" || u.FirstName != nil || u.LastName == nil || *u.LastName != "Lovelace" {
		t.Fatalf("user = %+v", u)
	}
}

func TestGetRefusesEmptyAndDotIDs(t *testing.T) {
	t.Parallel()
	svc, mt := newService(t)
	for _, id := range []string{"", ".", ".."} {
		if _, err := svc.Get(context.Background(), id); !errors.Is(err, clerk.ErrInvalidParams) {
			t.Fatalf("Get(%q): %v", id, err)
		}
	}
	if n := mt.GetTotalCallCount(); n != 0 {
		t.Fatalf("%d requests sent", n)
	}
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	svc, mt := newService(t)
	mt.RegisterResponder("GET", base+"/users/nope", httpmock.NewStringResponder(404,
		`{"errors":[{"code":"resource_not_found","message":"not found","long_message":"User not found"}],"clerk_trace_id":"t1"}`))
	_, err := svc.Get(context.Background(), "nope")
	var apiErr *clerk.APIError
	if !errors.Is(err, clerk.ErrNotFound) || !errors.As(err, &apiErr) || apiErr.Code() != "resource_not_found" || apiErr.Path != "/users/{user_id}" {
		t.Fatalf("err = %v", err)
	}
}

func TestListEncodesFilters(t *testing.T) {
	t.Parallel()
	svc, mt := newService(t)
	var query string
	mt.RegisterResponder("GET", base+"/users", func(r *http.Request) (*http.Response, error) {
		query = r.URL.RawQuery
		return httpmock.NewStringResponse(200, "["+userJSON+"]"), nil
	})
	page, err := svc.List(context.Background(), &users.ListParams{
		ListParams:   clerk.ListParams{Limit: clerk.Int64(20)},
		EmailAddress: []string{"a@x.io", "b@x.io"},
		OrderBy:      clerk.String("-created_at"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if query != "email_address=a%40x.io&email_address=b%40x.io&limit=20&order_by=-created_at" {
		t.Fatalf("query = %s", query)
	}
	if len(page.Data) != 1 || page.Data[0].Username == nil || *page.Data[0].Username != "ada" {
		t.Fatalf("page = %+v", page)
	}
	if _, err := svc.List(context.Background(), &users.ListParams{Query: clerk.Null[string]()}); !errors.Is(err, clerk.ErrInvalidParams) {
		t.Fatalf("null in query: %v", err)
	}
}

func TestAllWalksPagesAndStopsOnBreak(t *testing.T) {
	t.Parallel()
	svc, mt := newService(t)
	mt.RegisterResponder("GET", base+"/users", func(r *http.Request) (*http.Response, error) {
		offset := r.URL.Query().Get("offset")
		items := map[string]string{"0": "[" + userJSON + "," + userJSON + "]", "2": "[" + userJSON + "]"}[offset]
		if items == "" {
			items = "[]"
		}
		return httpmock.NewStringResponse(200, items), nil
	})
	n := 0
	for u, err := range svc.All(context.Background(), &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(2)}}) {
		if err != nil {
			t.Fatal(err)
		}
		if u.ID != "user_1" {
			t.Fatalf("user = %+v", u)
		}
		n++
	}
	if n != 3 || mt.GetTotalCallCount() != 2 {
		t.Fatalf("%d users in %d requests, want 3 in 2", n, mt.GetTotalCallCount())
	}
	before := mt.GetTotalCallCount()
	for range svc.All(context.Background(), &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(2)}}) {
		break
	}
	if mt.GetTotalCallCount() != before+1 {
		t.Fatalf("breaking sent %d requests", mt.GetTotalCallCount()-before)
	}
}

func TestSetPasswordCompromised(t *testing.T) {
	t.Parallel()
	svc, mt := newService(t)
	var body string
	mt.RegisterResponder("POST", base+"/users/user_1/password/set_compromised", func(r *http.Request) (*http.Response, error) {
		b, _ := io.ReadAll(r.Body)
		body = string(b)
		return httpmock.NewStringResponse(200, userJSON), nil
	})
	if _, err := svc.SetPasswordCompromised(context.Background(), "user_1", &users.SetPasswordCompromisedParams{RevokeAllSessions: clerk.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	if body != `{"revoke_all_sessions":true}` {
		t.Fatalf("body = %s", body)
	}
	mt.RegisterResponder("POST", base+"/users/user_1/password/unset_compromised", httpmock.NewStringResponder(200, userJSON))
	if _, err := svc.UnsetPasswordCompromised(context.Background(), "user_1"); err != nil {
		t.Fatal(err)
	}
}

func TestUploadProfileImageIsMultipart(t *testing.T) {
	t.Parallel()
	svc, mt := newService(t)
	var got string
	mt.RegisterResponder("POST", base+"/users/user_1/profile_image", func(r *http.Request) (*http.Response, error) {
		f, h, err := r.FormFile("file")
		if err != nil {
			return nil, err
		}
		b, _ := io.ReadAll(f)
		got = h.Filename + ":" + h.Header.Get("Content-Type") + ":" + string(b)
		return httpmock.NewStringResponse(200, userJSON), nil
	})
	_, err := svc.UploadProfileImage(context.Background(), "user_1", &users.UploadProfileImageParams{
		File: &clerk.File{Name: "me.png", ContentType: "image/png", Content: strings.NewReader("PNG")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != "me.png:image/png:PNG" {
		t.Fatalf("upload = %q", got)
	}
	if _, err := svc.UploadProfileImage(context.Background(), "user_1", nil); !errors.Is(err, clerk.ErrInvalidParams) {
		t.Fatalf("nil params: %v", err)
	}
}

func TestBulkBanNeedsParamsAndReturnsUsers(t *testing.T) {
	t.Parallel()
	svc, mt := newService(t)
	if _, err := svc.BanBulk(context.Background(), nil); !errors.Is(err, clerk.ErrInvalidParams) {
		t.Fatalf("nil params: %v", err)
	}
	mt.RegisterResponder("POST", base+"/users/ban", httpmock.NewStringResponder(200, "["+userJSON+"]"))
	got, err := svc.BanBulk(context.Background(), &users.BanBulkParams{UserIDs: []string{"user_1"}})
	if err != nil || len(got) != 1 {
		t.Fatalf("BanBulk = %v, %v", got, err)
	}
}

func TestCount(t *testing.T) {
	t.Parallel()
	svc, mt := newService(t)
	mt.RegisterResponder("GET", base+"/users/count", httpmock.NewStringResponder(200, `{"object":"total_count","total_count":42}`))
	n, err := svc.Count(context.Background(), nil)
	if err != nil || n.TotalCount != 42 {
		t.Fatalf("Count = %+v, %v", n, err)
	}
}

// One All sequence ranged by two goroutines at once: each range pages with
// its own copy of the params, so both see all three users and neither races
// on the offset (run with -race; this raced when the engine moved the offset
// in a copy shared by every range).
func TestAllSequenceRangedConcurrently(t *testing.T) {
	t.Parallel()
	svc, mt := newService(t)
	mt.RegisterResponder("GET", base+"/users", func(r *http.Request) (*http.Response, error) {
		offset := r.URL.Query().Get("offset")
		items := map[string]string{"0": "[" + userJSON + "," + userJSON + "]", "2": "[" + userJSON + "]"}[offset]
		if items == "" {
			items = "[]"
		}
		return httpmock.NewStringResponse(200, items), nil
	})
	seq := svc.All(context.Background(), &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(2)}})
	counts := make(chan int, 2)
	for range 2 {
		go func() {
			n := 0
			for _, err := range seq {
				if err != nil {
					t.Error(err)
				}
				n++
			}
			counts <- n
		}()
	}
	if a, b := <-counts, <-counts; a != 3 || b != 3 {
		t.Fatalf("the two ranges saw %d and %d users, want 3 each", a, b)
	}
}
