package clerktest_test

import (
	"encoding/json"
	"net/http"
	"sync"
	"testing"

	"github.com/clerkgo/clerk/clerktest"
)

// TestVerificationCodes checks that a real address gets its code in an
// email.created webhook, that the code verifies it, and that Clerk's test
// identifiers send nothing and take 424242.
func TestVerificationCodes(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	var mu sync.Mutex
	var codes []string
	var types []string
	e.OnWebhookFunc(func(_ string, _ http.Header, body []byte) {
		var ev struct {
			Type string `json:"type"`
			Data struct {
				Data map[string]any `json:"data"`
			} `json:"data"`
		}
		_ = json.Unmarshal(body, &ev)
		mu.Lock()
		defer mu.Unlock()
		types = append(types, ev.Type)
		if ev.Type == "email.created" || ev.Type == "sms.created" {
			codes = append(codes, ev.Data.Data["otp_code"].(string))
		}
	})
	uid := createUser(t, e, map[string]any{"username": "verifier"})
	real := call(t, e, "POST", "/email_addresses", map[string]any{"user_id": uid, "email_address": "real@example.com"}, 200)
	if real["verification"] != nil {
		t.Errorf("unverified address has a verification: %v", real["verification"])
	}
	rid := real["id"].(string)
	v := call(t, e, "POST", "/email_addresses/"+rid+"/prepare_verification", nil, 200)
	flush(t, e)
	mu.Lock()
	if len(codes) != 1 || len(codes[0]) != 6 {
		t.Fatalf("codes sent: %v (events %v)", codes, types)
	}
	code := codes[0]
	mu.Unlock()
	got := call(t, e, "POST", "/email_addresses/"+rid+"/attempt_verification", map[string]any{"verification_id": v["id"], "code": code}, 200)
	if got["status"] != "verified" {
		t.Errorf("sent code did not verify: %v", got)
	}
	if ver := call(t, e, "GET", "/email_addresses/"+rid, nil, 200)["verification"].(map[string]any); ver["status"] != "verified" {
		t.Errorf("address not verified: %v", ver)
	}

	tp := call(t, e, "POST", "/phone_numbers", map[string]any{"user_id": uid, "phone_number": "+12015550142"}, 200)
	pv := call(t, e, "POST", "/phone_numbers/"+tp["id"].(string)+"/prepare_verification", nil, 200)
	for range 3 {
		call(t, e, "POST", "/phone_numbers/"+tp["id"].(string)+"/attempt_verification", map[string]any{"verification_id": pv["id"], "code": "111111"}, 200)
	}
	if got := call(t, e, "POST", "/phone_numbers/"+tp["id"].(string)+"/attempt_verification", map[string]any{"verification_id": pv["id"], "code": clerktest.TestCode}, 200); got["status"] != "failed" {
		t.Errorf("after 3 wrong codes: %v", got)
	}
	pv = call(t, e, "POST", "/phone_numbers/"+tp["id"].(string)+"/prepare_verification", nil, 200)
	if got := call(t, e, "POST", "/phone_numbers/"+tp["id"].(string)+"/attempt_verification", map[string]any{"verification_id": pv["id"], "code": clerktest.TestCode}, 200); got["status"] != "verified" {
		t.Errorf("test phone with 424242: %v", got)
	}
	flush(t, e)
	mu.Lock()
	defer mu.Unlock()
	if len(codes) != 1 {
		t.Errorf("a test identifier sent a message: %v", types)
	}
}
