package clerktest_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/clerkgo/clerk/clerktest"
	"github.com/google/go-cmp/cmp"
)

func TestCreateUserDuplicateIdentifiers(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	createUser(t, e, map[string]any{"email_address": []string{"a@example.com"}, "phone_number": []string{"+15550001"}, "username": "alpha"})
	tests := []struct {
		name      string
		body      map[string]any
		wantCode  string
		wantParam string
		status    int
	}{
		{"same email other case", map[string]any{"email_address": []string{"A@Example.com"}}, "form_identifier_exists", "email_address", 422},
		{"same phone", map[string]any{"phone_number": []string{"+15550001"}}, "form_identifier_exists", "phone_number", 422},
		{"same username", map[string]any{"username": "ALPHA"}, "form_identifier_exists", "username", 422},
		{"bad email", map[string]any{"email_address": []string{"nope"}}, "form_param_format_invalid", "email_address", 422},
		{"short password", map[string]any{"username": "beta", "password": "short"}, "form_password_length_too_short", "password", 422},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			status, _, raw := send(t, e, "POST", "/users", tt.body)
			if status != tt.status {
				t.Fatalf("status %d, want %d: %s", status, tt.status, raw)
			}
			code, meta := errCode(t, raw)
			if code != tt.wantCode || meta["param_name"] != tt.wantParam {
				t.Errorf("code %q param %v, want %q %q", code, meta["param_name"], tt.wantCode, tt.wantParam)
			}
		})
	}
}

func TestCreateAndGetUser(t *testing.T) {
	t.Parallel()
	e := newEmu(t, clerktest.WithNow(func() time.Time { return time.UnixMilli(1_700_000_000_000) }))
	id := createUser(t, e, map[string]any{"email_address": []string{"a@example.com"}, "password": "long-enough", "first_name": "Ann"})
	u := call(t, e, "GET", "/users/"+id, nil, http.StatusOK)
	want := map[string]any{"object": "user", "first_name": "Ann", "last_name": nil, "username": nil,
		"password_enabled": true, "created_at": 1_700_000_000_000.0, "banned": false, "locked": false}
	for k, v := range want {
		if got, ok := u[k]; !ok || !cmp.Equal(got, v) {
			t.Errorf("%s = %v (present %v), want %v", k, got, ok, v)
		}
	}
	emails, _ := u["email_addresses"].([]any)
	if len(emails) != 1 || emails[0].(map[string]any)["id"] != u["primary_email_address_id"] {
		t.Errorf("primary email not set: %v", u)
	}
	status, _, raw := send(t, e, "GET", "/users/user_missing", nil)
	if code, _ := errCode(t, raw); status != 404 || code != "resource_not_found" {
		t.Errorf("missing user: %d %s", status, code)
	}
}

func TestUpdateUserOmittedVersusNull(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	id := createUser(t, e, map[string]any{"first_name": "Ann", "last_name": "Lee", "username": "ann", "external_id": "x1"})
	u := call(t, e, "PATCH", "/users/"+id, map[string]any{"first_name": nil, "username": "ann2"}, http.StatusOK)
	if u["first_name"] != nil || u["last_name"] != "Lee" || u["username"] != "ann2" || u["external_id"] != "x1" {
		t.Errorf("after PATCH: first=%v last=%v username=%v external=%v", u["first_name"], u["last_name"], u["username"], u["external_id"])
	}
	other := createUser(t, e, map[string]any{"username": "taken"})
	_ = other
	status, _, raw := send(t, e, "PATCH", "/users/"+id, map[string]any{"username": "taken", "last_name": "Changed"})
	if code, _ := errCode(t, raw); status != 422 || code != "form_identifier_exists" {
		t.Fatalf("duplicate username: %d %s", status, code)
	}
	if u := call(t, e, "GET", "/users/"+id, nil, 200); u["last_name"] != "Lee" {
		t.Errorf("a failed update changed last_name to %v", u["last_name"])
	}
}

func TestListUsers(t *testing.T) {
	t.Parallel()
	e := newEmu(t, clerktest.WithNow(func() time.Time { return time.UnixMilli(1_700_000_000_000) }))
	a := createUser(t, e, map[string]any{"email_address": []string{"zed@example.com"}, "first_name": "Zed", "username": "zed"})
	b := createUser(t, e, map[string]any{"email_address": []string{"amy@example.com"}, "first_name": "Amy", "username": "amy"})
	c := createUser(t, e, map[string]any{"email_address": []string{"bob@test.org"}, "first_name": "Bob", "username": "bob"})
	call(t, e, "POST", "/users/"+c+"/ban", nil, 200)
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{c, b, a}},
		{"order_by=-created_at", []string{c, b, a}},
		{"order_by=%2Bcreated_at", []string{a, b, c}},
		{"order_by=created_at", []string{a, b, c}},
		{"order_by=first_name", []string{b, c, a}},
		{"order_by=-username", []string{a, c, b}},
		{"order_by=email_address", []string{b, c, a}},
		{"email_address=amy@example.com&email_address=zed@example.com&order_by=%2Bcreated_at", []string{a, b}},
		{"user_id=" + c, []string{c}},
		{"query=example.com", []string{b, a}},
		{"query=TEST.org", []string{c}},
		{"banned=true", []string{c}},
		{"limit=1&offset=1", []string{b}},
		{"limit=2&offset=5", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			t.Parallel()
			got := ids(callList(t, e, "GET", "/users?"+tt.query, 200))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			q, _ := url.ParseQuery(tt.query)
			q.Del("limit")
			q.Del("offset")
			q.Del("order_by")
			cnt := call(t, e, "GET", "/users/count?"+q.Encode(), nil, 200)
			if _, paged := map[string]bool{"limit=1&offset=1": true, "limit=2&offset=5": true}[tt.query]; !paged &&
				cnt["total_count"] != float64(len(tt.want)) {
				t.Errorf("count %v, want %d", cnt["total_count"], len(tt.want))
			}
		})
	}
	for _, bad := range []string{"order_by=shoe_size", "limit=0", "limit=501", "offset=-1", "banned=maybe"} {
		status, _, raw := send(t, e, "GET", "/users?"+bad, nil)
		if code, _ := errCode(t, raw); status != 422 || code != "form_param_value_invalid" {
			t.Errorf("%s: %d %s", bad, status, code)
		}
	}
}

func TestBanLockAndPasswords(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	id := createUser(t, e, map[string]any{"username": "u1", "password": "long-enough"})
	s := call(t, e, "POST", "/sessions", map[string]any{"user_id": id}, 200)
	steps := []struct {
		path  string
		field string
		want  bool
	}{
		{"/ban", "banned", true}, {"/unban", "banned", false}, {"/lock", "locked", true}, {"/unlock", "locked", false},
	}
	for _, st := range steps {
		u := call(t, e, "POST", "/users/"+id+st.path, nil, 200)
		if u[st.field] != st.want {
			t.Errorf("%s: %s = %v", st.path, st.field, u[st.field])
		}
	}
	if got := call(t, e, "GET", "/sessions/"+s["id"].(string), nil, 200)["status"]; got != "revoked" {
		t.Errorf("ban left session %v", got)
	}
	pw := []struct {
		password string
		status   int
		code     string
	}{{"long-enough", 200, ""}, {"wrong-one", 422, "incorrect_password"}}
	for _, p := range pw {
		status, _, raw := send(t, e, "POST", "/users/"+id+"/verify_password", map[string]any{"password": p.password})
		if status != p.status {
			t.Fatalf("verify %q: %d %s", p.password, status, raw)
		}
		if p.code != "" {
			if code, _ := errCode(t, raw); code != p.code {
				t.Errorf("verify %q: code %s", p.password, code)
			}
		}
	}
	s2 := call(t, e, "POST", "/sessions", map[string]any{"user_id": id}, 200)
	call(t, e, "POST", "/users/"+id+"/password/set_compromised", map[string]any{"revoke_all_sessions": true}, 200)
	if !e.PasswordCompromised(id) {
		t.Error("set_compromised not recorded")
	}
	if got := call(t, e, "GET", "/sessions/"+s2["id"].(string), nil, 200)["status"]; got != "revoked" {
		t.Errorf("revoke_all_sessions left session %v", got)
	}
	call(t, e, "POST", "/users/"+id+"/password/unset_compromised", nil, 200)
	if e.PasswordCompromised(id) {
		t.Error("unset_compromised not recorded")
	}
	nopw := createUser(t, e, map[string]any{"username": "nopw"})
	if status, _, raw := send(t, e, "POST", "/users/"+nopw+"/password/set_compromised", nil); status != 400 {
		t.Errorf("set_compromised without password: %d %s", status, raw)
	} else if code, _ := errCode(t, raw); code != "no_password_set" {
		t.Errorf("set_compromised without password: %s", code)
	}
	call(t, e, "DELETE", "/users/"+id, nil, 200)
	if status, _, _ := send(t, e, "GET", "/users/"+id, nil); status != 404 {
		t.Errorf("deleted user answers %d", status)
	}
}

func TestUserMetadata(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		method string
		start  map[string]any
		patch  map[string]any
		want   map[string]any
	}{
		{"merge adds", "PATCH", map[string]any{"a": 1.0}, map[string]any{"b": 2.0}, map[string]any{"a": 1.0, "b": 2.0}},
		{"null deletes", "PATCH", map[string]any{"a": 1.0, "b": 2.0}, map[string]any{"a": nil}, map[string]any{"b": 2.0}},
		{"deep merge", "PATCH", map[string]any{"o": map[string]any{"x": 1.0, "y": 2.0}}, map[string]any{"o": map[string]any{"y": nil, "z": 3.0}},
			map[string]any{"o": map[string]any{"x": 1.0, "z": 3.0}}},
		{"array replaces", "PATCH", map[string]any{"l": []any{1.0}}, map[string]any{"l": []any{2.0}}, map[string]any{"l": []any{2.0}}},
		{"put replaces", "PUT", map[string]any{"a": 1.0}, map[string]any{"b": 2.0}, map[string]any{"b": 2.0}},
	}
	e := newEmu(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			id := createUser(t, e, map[string]any{"public_metadata": tt.start, "private_metadata": map[string]any{"keep": true}})
			u := call(t, e, tt.method, "/users/"+id+"/metadata", map[string]any{"public_metadata": tt.patch}, 200)
			if diff := cmp.Diff(tt.want, u["public_metadata"]); diff != "" {
				t.Errorf("public_metadata (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(map[string]any{"keep": true}, u["private_metadata"]); diff != "" {
				t.Errorf("absent private_metadata changed:\n%s", diff)
			}
		})
	}
}
