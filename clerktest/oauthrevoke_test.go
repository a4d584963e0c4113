package clerktest_test

import "testing"

// TestRevokeUnknownOAuthToken checks that revoking a token the
// application never issued is 404, as the spec lists, while revoking an
// issued one is 204.
func TestRevokeUnknownOAuthToken(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	uid := createUser(t, e, map[string]any{"email_address": []string{"oa+clerk_test@example.com"}})
	a := call(t, e, "POST", "/oauth_applications", map[string]any{"name": "A", "redirect_uris": []string{"https://example.com/cb"}}, 200)
	tok, err := e.IssueOAuthAccessToken(a["client_id"].(string), uid)
	if err != nil {
		t.Fatal(err)
	}
	path := "/oauth_applications/" + a["id"].(string) + "/revoke_token"
	call(t, e, "POST", path, map[string]any{"token": tok}, 204)
	status, _, raw := send(t, e, "POST", path, map[string]any{"token": "oat_never_issued"})
	if code, _ := errCode(t, raw); status != 404 || code != "resource_not_found" {
		t.Errorf("unknown token: %d %s", status, raw)
	}
}
