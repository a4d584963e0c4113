package clerktest_test

import (
	"errors"
	"testing"

	"github.com/clerkgo/clerk/clerktest"
)

// TestAcceptOrganizationInvitation checks that accepting an invitation
// creates the membership with the invited role and frees its seat, and that
// an invitation is accepted once.
func TestAcceptOrganizationInvitation(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	uid := createUser(t, e, map[string]any{"email_address": []string{"invitee@example.com"}})
	org := call(t, e, "POST", "/organizations", map[string]any{"name": "Welcome", "max_allowed_memberships": 1}, 200)
	oid := org["id"].(string)
	inv := call(t, e, "POST", "/organizations/"+oid+"/invitations", map[string]any{"email_address": "invitee@example.com", "role": "org:admin"}, 200)
	if err := e.AcceptOrganizationInvitation(inv["id"].(string), uid); err != nil {
		t.Fatal(err)
	}
	m := call(t, e, "GET", "/organizations/"+oid+"/memberships", nil, 200)
	if m["total_count"] != 1.0 || m["data"].([]any)[0].(map[string]any)["role"] != "org:admin" {
		t.Errorf("memberships after accepting: %v", m)
	}
	if got := call(t, e, "GET", "/organizations/"+oid+"/invitations/"+inv["id"].(string), nil, 200); got["status"] != "accepted" {
		t.Errorf("invitation status %v", got["status"])
	}
	if err := e.AcceptOrganizationInvitation(inv["id"].(string), uid); !errors.Is(err, clerktest.ErrInvitationNotPending) {
		t.Errorf("second accept: %v", err)
	}
}
