package clerktest_test

import "testing"

// TestOrganizationParameters checks the organization create/update
// parameters: the slug format the spec documents, created_at (RFC 3339)
// and role_set_key (an existing role set).
func TestOrganizationParameters(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	for _, slug := range []string{"Upper", "under_score", "-lead", "trail-", "sp ace"} {
		status, _, raw := send(t, e, "POST", "/organizations", map[string]any{"name": "S", "slug": slug})
		if code, meta := errCode(t, raw); status != 422 || code != "form_param_format_invalid" || meta["param_name"] != "slug" {
			t.Errorf("slug %q: %d %s", slug, status, raw)
		}
	}
	o := call(t, e, "POST", "/organizations", map[string]any{"name": "Dated", "slug": "dated-org-2",
		"created_at": "2019-05-06T07:08:09Z"}, 200)
	if o["created_at"] != 1557126489000.0 || o["slug"] != "dated-org-2" {
		t.Errorf("organization %v", o)
	}
	status, _, raw := send(t, e, "PATCH", "/organizations/"+o["id"].(string), map[string]any{"role_set_key": "no_such_set"})
	if status != 422 {
		t.Errorf("unknown role set: %d %s", status, raw)
	}
	if _, _, raw := send(t, e, "GET", "/organizations/"+o["id"].(string)+"?include_missing_member_with_elevated_permissions=true", nil); len(raw) == 0 {
		t.Error("empty answer")
	}
}
