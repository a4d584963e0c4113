package clerktest_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestSignUps checks that a sign-up started as through the Frontend API
// (the Go method and the control route) reads and updates through the
// Backend API, and that an unknown one is 404.
func TestSignUps(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	id, err := e.StartSignUp("new@example.com")
	if err != nil {
		t.Fatal(err)
	}
	got := call(t, e, "GET", "/sign_ups/"+id, nil, 200)
	if got["object"] != "sign_up_attempt" || got["status"] != "missing_requirements" || got["email_address"] != "new@example.com" ||
		got["external_id"] != nil || got["custom_action"] != false {
		t.Errorf("sign-up %v", got)
	}
	up := call(t, e, "PATCH", "/sign_ups/"+id, map[string]any{"external_id": "crm-1", "custom_action": true}, 200)
	if up["external_id"] != "crm-1" || up["custom_action"] != true || up["email_address"] != "new@example.com" {
		t.Errorf("updated %v", up)
	}
	if again := call(t, e, "GET", "/sign_ups/"+id, nil, 200); again["external_id"] != "crm-1" {
		t.Errorf("the update did not stay: %v", again)
	}
	if cleared := call(t, e, "PATCH", "/sign_ups/"+id, map[string]any{"external_id": nil}, 200); cleared["external_id"] != nil {
		t.Errorf("external_id null did not clear it: %v", cleared)
	}
	if status, _, raw := send(t, e, "GET", "/sign_ups/sua_unknown", nil); status != 404 {
		t.Errorf("unknown sign-up: %d %s", status, raw)
	}
	if _, err := e.StartSignUp("not-an-address"); err == nil {
		t.Error("StartSignUp accepted a value without @")
	}

	req, _ := http.NewRequest("POST", e.Origin()+"/__clerktest/sign_ups", strings.NewReader(`{"email_address":"ctl@example.com"}`))
	req.Header.Set("Authorization", "Bearer "+e.SecretKey())
	res, err := e.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var started struct {
		ID string `json:"id"`
	}
	if res.StatusCode != 200 || json.NewDecoder(res.Body).Decode(&started) != nil {
		t.Fatalf("control sign_ups: %d", res.StatusCode)
	}
	if got := call(t, e, "GET", "/sign_ups/"+started.ID, nil, 200); got["email_address"] != "ctl@example.com" {
		t.Errorf("the control route's sign-up: %v", got)
	}
}
