package clerktest_test

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// TestUserCreateParameters checks the create-user parameters that import
// users: created_at (RFC 3339), totp_secret, backup_codes, password_digest
// with password_hasher (a sha256 digest verifies), web3_wallet,
// identification statuses, bypass_client_trust and skip_user_requirement,
// and that phone numbers must be E.164 as on POST /phone_numbers.
func TestUserCreateParameters(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	u := call(t, e, "POST", "/users", map[string]any{
		"email_address":                       []string{"imp+clerk_test@example.com", "res+clerk_test@example.com"},
		"email_address_identification_status": []string{"verified", "reserved"},
		"created_at":                          "2020-01-02T03:04:05Z",
		"totp_secret":                         "JBSWY3DPEHPK3PXP",
		"backup_codes":                        []string{"a1", "b2"},
		"password_digest":                     sha256Hex("hunter2hunter2"),
		"password_hasher":                     "sha256",
		"web3_wallet":                         []string{"0x0123456789abcdef0123456789abcdef01234567"},
		"bypass_client_trust":                 true,
		"skip_password_requirement":           true,
	}, 200)
	if u["created_at"] != 1577934245000.0 || u["totp_enabled"] != true || u["backup_code_enabled"] != true ||
		u["two_factor_enabled"] != true || u["password_enabled"] != true || u["bypass_client_trust"] != true {
		t.Errorf("imported user %v", u)
	}
	if w := u["web3_wallets"].([]any); len(w) != 1 || u["primary_web3_wallet_id"] != w[0].(map[string]any)["id"] {
		t.Errorf("wallets %v, primary %v", w, u["primary_web3_wallet_id"])
	}
	if em := u["email_addresses"].([]any); em[0].(map[string]any)["verification"] == nil || em[1].(map[string]any)["verification"] != nil {
		t.Errorf("identification statuses: %v", em)
	}
	id := u["id"].(string)
	if v := call(t, e, "POST", "/users/"+id+"/verify_password", map[string]any{"password": "hunter2hunter2"}, 200); v["verified"] != true {
		t.Errorf("digest password: %v", v)
	}
	status, _, _ := send(t, e, "POST", "/users/"+id+"/verify_password", map[string]any{"password": "wrong"})
	if status != 422 {
		t.Errorf("wrong password against a digest: %d", status)
	}
	for name, body := range map[string]map[string]any{
		"phone not E.164":       {"phone_number": []string{"555-0100"}},
		"digest without hasher": {"username": "nohasher", "password_digest": "x"},
		"unknown hasher":        {"username": "badhasher", "password_digest": "x", "password_hasher": "rot13"},
		"created_at not a date": {"username": "baddate", "created_at": "yesterday"},
		"status count mismatch": {"email_address": []string{"m+clerk_test@example.com"}, "email_address_identification_status": []string{"verified", "verified"}},
		"wallet taken":          {"username": "walletdup", "web3_wallet": []string{"0x0123456789abcdef0123456789abcdef01234567"}},
	} {
		status, _, raw := send(t, e, "POST", "/users", body)
		if status != 422 && status != 400 {
			t.Errorf("%s: %d %s", name, status, raw)
		}
	}
	s := e.InstanceSettings()
	s.RequiredIdentifiers = []string{"email_address"}
	e.SetInstanceSettings(s)
	if status, _, raw := send(t, e, "POST", "/users", map[string]any{"username": "noemail"}); status != 422 {
		t.Errorf("required identifier enforced: %d %s", status, raw)
	}
	call(t, e, "POST", "/users", map[string]any{"username": "noemail", "skip_user_requirement": true}, 200)
}

// TestUserUpdateParameters checks the update-only parameters:
// sign_out_of_other_sessions (only with a password; revokes the sessions),
// totp_secret cleared, created_at moved, primary_web3_wallet_id checked.
func TestUserUpdateParameters(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	uid := call(t, e, "POST", "/users", map[string]any{"username": "upd", "totp_secret": "JBSWY3DPEHPK3PXP"}, 200)["id"].(string)
	sid := call(t, e, "POST", "/sessions", map[string]any{"user_id": uid}, 200)["id"].(string)
	status, _, raw := send(t, e, "PATCH", "/users/"+uid, map[string]any{"sign_out_of_other_sessions": true})
	if status != 422 {
		t.Errorf("sign_out_of_other_sessions without password: %d %s", status, raw)
	}
	u := call(t, e, "PATCH", "/users/"+uid, map[string]any{"password": "a-long-password", "sign_out_of_other_sessions": true,
		"totp_secret": "", "created_at": "2021-06-01T00:00:00Z"}, 200)
	if u["totp_enabled"] != false || u["created_at"] != 1622505600000.0 {
		t.Errorf("updated user %v", u)
	}
	if s := call(t, e, "GET", "/sessions/"+sid, nil, 200); s["status"] != "revoked" {
		t.Errorf("session after sign_out_of_other_sessions: %v", s["status"])
	}
	if status, _, _ := send(t, e, "PATCH", "/users/"+uid, map[string]any{"primary_web3_wallet_id": "idn_other"}); status != 422 {
		t.Errorf("foreign primary_web3_wallet_id: %d", status)
	}
	if got := ids(callList(t, e, "GET", "/users?order_by=%2Bcreated_at&limit=1", 200)); len(got) != 1 || got[0] != uid {
		t.Errorf("the moved created_at does not order the list: %v", got)
	}
}
