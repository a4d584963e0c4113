package clerktest_test

import "testing"

// TestDateTimeParameters checks the RFC 3339 date-time parameters that
// share one reader: a malformed value is a 422 naming the field, on users,
// organizations and user updates alike, and null clears legal_accepted_at.
func TestDateTimeParameters(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	user := map[string]any{"email_address": []string{"dt@example.com"}}
	org := map[string]any{"name": "Dated"}
	bad := []struct {
		path, field string
		body        map[string]any
	}{
		{"/users", "created_at", user},
		{"/organizations", "created_at", org},
		{"/users", "legal_accepted_at", user},
	}
	for _, c := range bad {
		body := map[string]any{c.field: "yesterday"}
		for k, v := range c.body {
			body[k] = v
		}
		status, _, raw := send(t, e, "POST", c.path, body)
		if code, meta := errCode(t, raw); status != 422 || code != "form_param_value_invalid" || meta["param_name"] != c.field {
			t.Errorf("POST %s with a malformed %s: %d %s", c.path, c.field, status, raw)
		}
	}
	u := call(t, e, "POST", "/users", map[string]any{"email_address": []string{"dated@example.com"},
		"created_at": "2020-01-02T03:04:05Z", "legal_accepted_at": "2021-01-02T03:04:05Z"}, 200)
	if u["created_at"] != 1577934245000.0 || u["legal_accepted_at"] != 1609556645000.0 {
		t.Errorf("user %v", u)
	}
	u = call(t, e, "PATCH", "/users/"+u["id"].(string), map[string]any{"legal_accepted_at": nil}, 200)
	if u["legal_accepted_at"] != nil {
		t.Errorf("legal_accepted_at after null: %v", u["legal_accepted_at"])
	}
}
