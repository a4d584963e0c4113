package clerktest_test

import (
	"encoding/json"
	"testing"
)

// TestErrorShape checks two points of Clerk's wording and shape: a 404
// carries meta (an empty object), and form_identifier_exists reads "That
// email address is taken. Please try another."
func TestErrorShape(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	status, _, raw := send(t, e, "GET", "/users/user_missing", nil)
	var body struct {
		Errors []struct {
			Meta json.RawMessage `json:"meta"`
		} `json:"errors"`
	}
	if status != 404 || json.Unmarshal(raw, &body) != nil || len(body.Errors) != 1 || string(body.Errors[0].Meta) != "{}" {
		t.Errorf("404: %d %s", status, raw)
	}
	createUser(t, e, map[string]any{"email_address": []string{"taken+clerk_test@example.com"}})
	status, _, raw = send(t, e, "POST", "/users", map[string]any{"email_address": []string{"taken+clerk_test@example.com"}})
	var dup struct {
		Errors []struct {
			Code, Message string
		} `json:"errors"`
	}
	if status != 422 || json.Unmarshal(raw, &dup) != nil || dup.Errors[0].Code != "form_identifier_exists" ||
		dup.Errors[0].Message != "That email address is taken. Please try another." {
		t.Errorf("duplicate email: %d %s", status, raw)
	}
}
