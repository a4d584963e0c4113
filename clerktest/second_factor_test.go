package clerktest_test

import (
	"testing"
	"time"

	"github.com/clerkgo/clerk/clerktest"
)

// TestSecondFactors checks that a user created with totp_secret and
// backup_codes verifies a TOTP code (RFC 6238 vector) and each backup code
// once, refuses a wrong code with 422, and loses each factor on its
// DELETE, after which the DELETE is 404 and verify_totp 400 totp_disabled.
func TestSecondFactors(t *testing.T) {
	t.Parallel()
	e := newEmu(t, clerktest.WithNow(func() time.Time { return time.Unix(59, 0) }))
	uid := createUser(t, e, map[string]any{"username": "mfa", "totp_secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
		"backup_codes": []string{"a1", "b2"}})
	verify := "/users/" + uid + "/verify_totp"
	if r := call(t, e, "POST", verify, map[string]any{"code": "287082"}, 200); r["verified"] != true || r["code_type"] != "totp" {
		t.Errorf("totp code: %v", r)
	}
	call(t, e, "POST", verify, map[string]any{"code": "000000"}, 422)
	if r := call(t, e, "POST", verify, map[string]any{"code": "a1"}, 200); r["code_type"] != "backup_code" {
		t.Errorf("backup code: %v", r)
	}
	call(t, e, "POST", verify, map[string]any{"code": "a1"}, 422)
	if r := call(t, e, "DELETE", "/users/"+uid+"/backup_code", nil, 200); r["user_id"] != uid {
		t.Errorf("delete backup codes: %v", r)
	}
	call(t, e, "DELETE", "/users/"+uid+"/backup_code", nil, 404)
	call(t, e, "POST", verify, map[string]any{"code": "b2"}, 422)
	if r := call(t, e, "DELETE", "/users/"+uid+"/totp", nil, 200); r["user_id"] != uid {
		t.Errorf("delete totp: %v", r)
	}
	call(t, e, "DELETE", "/users/"+uid+"/totp", nil, 404)
	call(t, e, "POST", verify, map[string]any{"code": "287082"}, 400)
	if u := call(t, e, "GET", "/users/"+uid, nil, 200); u["totp_enabled"] != false || u["two_factor_enabled"] != false {
		t.Errorf("user after deletes: totp %v, 2fa %v", u["totp_enabled"], u["two_factor_enabled"])
	}
	mfa := createUser(t, e, map[string]any{"username": "mfa2", "backup_codes": []string{"c3"}})
	call(t, e, "DELETE", "/users/"+mfa+"/mfa", nil, 200)
	if u := call(t, e, "GET", "/users/"+mfa, nil, 200); u["backup_code_enabled"] != false {
		t.Errorf("disable MFA kept backup codes: %v", u["backup_code_enabled"])
	}
}
