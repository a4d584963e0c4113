package clerktest_test

import (
	"encoding/json"
	"testing"
)

// TestEndpointsOutsideTheSpec checks the answers to the endpoints
// @clerk/backend still calls that the 2025-11-10 spec does not document:
// keyless (accountless) applications hand out the emulator's keys without
// a secret key, session verify is gone, and the internal email and
// beta-feature domain change endpoints are not found.
func TestEndpointsOutsideTheSpec(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	for _, path := range []string{"/accountless_applications", "/accountless_applications/complete"} {
		status, _, raw := sendKey(t, e, "", "POST", path, nil)
		var app struct{ PublishableKey, SecretKey, ClaimURL string }
		var wire map[string]string
		if status != 200 || json.Unmarshal(raw, &wire) != nil {
			t.Fatalf("%s: %d %s", path, status, raw)
		}
		app.PublishableKey, app.SecretKey, app.ClaimURL = wire["publishable_key"], wire["secret_key"], wire["claim_url"]
		if app.PublishableKey != e.PublishableKey() || app.SecretKey != e.SecretKey() || app.ClaimURL == "" {
			t.Errorf("%s: %s", path, raw)
		}
	}
	for _, tt := range []struct {
		path   string
		status int
		code   string
	}{
		{"/sessions/sess_1/verify", 410, "gone"},
		{"/email", 404, "resource_not_found"},
		{"/beta_features/change_domain", 404, "resource_not_found"},
	} {
		status, _, raw := send(t, e, "POST", tt.path, map[string]any{})
		if code, _ := errCode(t, raw); status != tt.status || code != tt.code {
			t.Errorf("%s: %d %s", tt.path, status, raw)
		}
		if status, _, _ := sendKey(t, e, "", "POST", tt.path, map[string]any{}); status != 401 {
			t.Errorf("%s without a key: %d", tt.path, status)
		}
	}
}

// TestDeleteInvitation checks DELETE /v1/invitations/{id}, newer than the
// spec: an invitation of any status goes for good with a DeletedObject,
// an unknown one is 404, and the key is checked.
func TestDeleteInvitation(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	pending := call(t, e, "POST", "/invitations", map[string]any{"email_address": "del@example.com", "notify": false}, 200)["id"].(string)
	revoked := call(t, e, "POST", "/invitations", map[string]any{"email_address": "rev@example.com", "notify": false}, 200)["id"].(string)
	call(t, e, "POST", "/invitations/"+revoked+"/revoke", nil, 200)
	if status, _, _ := sendKey(t, e, "", "DELETE", "/invitations/"+pending, nil); status != 401 {
		t.Errorf("without a key: %d", status)
	}
	for _, id := range []string{pending, revoked} {
		if d := call(t, e, "DELETE", "/invitations/"+id, nil, 200); d["object"] != "invitation" || d["id"] != id || d["deleted"] != true {
			t.Errorf("delete %s: %v", id, d)
		}
		call(t, e, "DELETE", "/invitations/"+id, nil, 404)
	}
	for _, i := range callList(t, e, "GET", "/invitations", 200) {
		if i["id"] == pending || i["id"] == revoked {
			t.Errorf("deleted invitation %v still listed", i["id"])
		}
	}
}
