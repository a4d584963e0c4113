package clerktest_test

import (
	"slices"
	"testing"
)

// TestMembershipUserFilters checks that the organization membership list
// filters its members by the user filters the spec gives it (query,
// email_address, username_query, name_query, web3_wallet) and by role.
func TestMembershipUserFilters(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	ada := call(t, e, "POST", "/users", map[string]any{"email_address": []string{"ada+clerk_test@example.com"},
		"username": "ada", "first_name": "Ada"}, 200)["id"].(string)
	bob := call(t, e, "POST", "/users", map[string]any{"email_address": []string{"bob+clerk_test@example.com"},
		"username": "bob", "first_name": "Bob", "web3_wallet": []string{"0x00000000000000000000000000000000000000b0"}}, 200)["id"].(string)
	outsider := createUser(t, e, map[string]any{"email_address": []string{"ada.out+clerk_test@example.com"}})
	org := call(t, e, "POST", "/organizations", map[string]any{"name": "Filters", "created_by": ada}, 200)["id"].(string)
	call(t, e, "POST", "/organizations/"+org+"/memberships", map[string]any{"user_id": bob, "role": "org:member"}, 200)
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"", []string{ada, bob}},
		{"query=ada", []string{ada}},
		{"email_address=bob%2Bclerk_test@example.com", []string{bob}},
		{"username_query=bo", []string{bob}},
		{"name_query=Ada", []string{ada}},
		{"web3_wallet=0x00000000000000000000000000000000000000b0", []string{bob}},
		{"role=org:admin", []string{ada}},
		{"query=nobody", nil},
	} {
		l := call(t, e, "GET", "/organizations/"+org+"/memberships?"+tt.query, nil, 200)
		var got []string
		for _, m := range l["data"].([]any) {
			got = append(got, m.(map[string]any)["public_user_data"].(map[string]any)["user_id"].(string))
		}
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) || slices.Contains(got, outsider) {
			t.Errorf("%q: %v, want %v", tt.query, got, want)
		}
	}
}
