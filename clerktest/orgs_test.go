package clerktest_test

import (
	"net/http"
	"testing"
)

func TestOrganizationsAndMemberships(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	owner := createUser(t, e, map[string]any{"username": "owner"})
	other := createUser(t, e, map[string]any{"username": "other"})
	org := call(t, e, "POST", "/organizations", map[string]any{"name": "Big Co!", "created_by": owner}, 200)
	id := org["id"].(string)
	if org["slug"] != "big-co" || org["object"] != "organization" {
		t.Errorf("org %v", org)
	}
	if status, _, raw := send(t, e, "POST", "/organizations", map[string]any{"name": "x", "slug": "big-co"}); status != 422 {
		t.Errorf("duplicate slug: %d %s", status, raw)
	}
	got := call(t, e, "GET", "/organizations/big-co?include_members_count=true", nil, 200)
	if got["id"] != id || got["members_count"] != 1.0 {
		t.Errorf("by slug: %v", got)
	}
	list := call(t, e, "GET", "/organizations/"+id+"/memberships", nil, 200)
	if list["total_count"] != 1.0 {
		t.Fatalf("creator membership missing: %v", list)
	}
	first := list["data"].([]any)[0].(map[string]any)
	if first["role"] != "org:admin" || first["public_user_data"].(map[string]any)["user_id"] != owner {
		t.Errorf("creator membership %v", first)
	}
	tests := []struct {
		name   string
		method string
		path   string
		body   map[string]any
		status int
		role   string
	}{
		{"add member", "POST", "/organizations/" + id + "/memberships", map[string]any{"user_id": other, "role": "org:member"}, 200, "org:member"},
		{"add again", "POST", "/organizations/" + id + "/memberships", map[string]any{"user_id": other, "role": "org:member"}, 422, ""},
		{"bad role", "POST", "/organizations/" + id + "/memberships", map[string]any{"user_id": owner, "role": "org:boss"}, 422, ""},
		{"unknown user", "POST", "/organizations/" + id + "/memberships", map[string]any{"user_id": "user_x", "role": "org:member"}, 404, ""},
		{"promote", "PATCH", "/organizations/" + id + "/memberships/" + other, map[string]any{"role": "org:admin"}, 200, "org:admin"},
		{"remove", "DELETE", "/organizations/" + id + "/memberships/" + other, nil, 200, "org:admin"},
		{"remove again", "DELETE", "/organizations/" + id + "/memberships/" + other, nil, 404, ""},
	}
	for _, tt := range tests { // sequential: each step depends on the previous
		out := call(t, e, tt.method, tt.path, tt.body, tt.status)
		if tt.role != "" && out["role"] != tt.role {
			t.Errorf("%s: role %v", tt.name, out["role"])
		}
	}
	up := call(t, e, "PATCH", "/organizations/"+id, map[string]any{"name": "Bigger"}, 200)
	if up["name"] != "Bigger" || up["slug"] != "big-co" {
		t.Errorf("update %v", up)
	}
	call(t, e, "PATCH", "/organizations/"+id+"/metadata", map[string]any{"public_metadata": map[string]any{"a": 1, "b": 2}}, 200)
	md := call(t, e, "PATCH", "/organizations/"+id+"/metadata", map[string]any{"public_metadata": map[string]any{"a": nil}}, 200)
	if pm := md["public_metadata"].(map[string]any); len(pm) != 1 || pm["b"] != 2.0 {
		t.Errorf("metadata merge %v", pm)
	}
	if l := call(t, e, "GET", "/organizations?user_id="+owner, nil, 200); l["total_count"] != 1.0 {
		t.Errorf("list by member %v", l)
	}
	if l := call(t, e, "GET", "/users/"+owner+"/organization_memberships", nil, 200); l["total_count"] != 1.0 {
		t.Errorf("user memberships %v", l)
	}
	del := call(t, e, "DELETE", "/organizations/"+id, nil, 200)
	if del["deleted"] != true || del["slug"] != "big-co" {
		t.Errorf("delete %v", del)
	}
	call(t, e, "GET", "/organizations/"+id, nil, http.StatusNotFound)
}

func TestInvitations(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	createUser(t, e, map[string]any{"email_address": []string{"member@example.com"}})
	inv := call(t, e, "POST", "/invitations", map[string]any{"email_address": "new@example.com"}, 200)
	if inv["status"] != "pending" || inv["object"] != "invitation" {
		t.Errorf("invitation %v", inv)
	}
	for _, tt := range []struct {
		body   map[string]any
		status int
	}{
		{map[string]any{"email_address": "new@example.com"}, 400},
		{map[string]any{"email_address": "member@example.com"}, 422},
		{map[string]any{"email_address": "member@example.com", "ignore_existing": true}, 200},
		{map[string]any{"email_address": "not-an-email"}, 422},
	} {
		call(t, e, "POST", "/invitations", tt.body, tt.status)
	}
	if got := callList(t, e, "GET", "/invitations?status=pending", 200); len(got) != 2 {
		t.Errorf("pending %v", got)
	}
	rev := call(t, e, "POST", "/invitations/"+inv["id"].(string)+"/revoke", nil, 200)
	if rev["status"] != "revoked" || rev["revoked"] != true {
		t.Errorf("revoked %v", rev)
	}
	call(t, e, "POST", "/invitations/"+inv["id"].(string)+"/revoke", nil, 400)

	owner := createUser(t, e, map[string]any{"username": "boss", "first_name": "Bo"})
	org := call(t, e, "POST", "/organizations", map[string]any{"name": "Inv Co", "created_by": owner}, 200)
	base := "/organizations/" + org["id"].(string) + "/invitations"
	oi := call(t, e, "POST", base, map[string]any{"email_address": "x@example.com", "role": "org:member", "inviter_user_id": owner}, 200)
	if oi["public_inviter_data"].(map[string]any)["user_id"] != owner || oi["role_name"] != "Member" {
		t.Errorf("org invitation %v", oi)
	}
	_, _, dup := send(t, e, "POST", base, map[string]any{"email_address": "x@example.com", "role": "org:member"})
	if code, _ := errCode(t, dup); code != "organization_invitation_not_unique" {
		t.Errorf("duplicate pending invitation: %s", dup)
	}
	call(t, e, "GET", base+"/"+oi["id"].(string), nil, 200)
	call(t, e, "POST", base+"/"+oi["id"].(string)+"/revoke", nil, 200)
	if l := call(t, e, "GET", base+"?status=revoked", nil, 200); l["total_count"] != 1.0 {
		t.Errorf("revoked list %v", l)
	}
}
