package clerktest_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/clerkgo/clerk/clerktest"
)

func TestAPIKeys(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	uid := createUser(t, e, map[string]any{"username": "k"})
	k := call(t, e, "POST", "/api_keys", map[string]any{"name": "ci", "subject": uid, "scopes": []string{"read"}}, 200)
	id, secret := k["id"].(string), k["secret"].(string)
	if k["object"] != "api_key" || len(secret) < 10 || secret[:3] != "ak_" {
		t.Fatalf("key %v", k)
	}
	if got := call(t, e, "GET", "/api_keys/"+id, nil, 200); got["secret"] != nil {
		t.Errorf("GET reveals the secret: %v", got)
	}
	call(t, e, "POST", "/api_keys", map[string]any{"name": "x", "subject": "nobody"}, 422)
	if l := call(t, e, "GET", "/api_keys?subject="+uid, nil, 200); l["total_count"] != 1.0 {
		t.Errorf("list %v", l)
	}
	v := call(t, e, "POST", "/api_keys/verify", map[string]any{"secret": secret}, 200)
	if v["id"] != id || v["subject"] != uid {
		t.Errorf("verify %v", v)
	}
	call(t, e, "POST", "/api_keys/verify", map[string]any{"secret": "ak_wrong"}, 404)
	r := call(t, e, "POST", "/api_keys/"+id+"/revoke", map[string]any{"revocation_reason": "leaked"}, 200)
	if r["revoked"] != true || r["revocation_reason"] != "leaked" {
		t.Errorf("revoke %v", r)
	}
	call(t, e, "POST", "/api_keys/verify", map[string]any{"secret": secret}, 404)
	if l := call(t, e, "GET", "/api_keys?subject="+uid, nil, 200); l["total_count"] != 0.0 {
		t.Errorf("revoked key listed: %v", l)
	}
	if l := call(t, e, "GET", "/api_keys?include_invalid=true&subject="+uid, nil, 200); l["total_count"] != 1.0 {
		t.Errorf("include_invalid: %v", l)
	}
}

func TestM2MTokens(t *testing.T) {
	t.Parallel()
	e := newEmu(t, clerktest.WithNow(func() time.Time { return time.Unix(1_700_000_000, 0) }))
	status, _, raw := sendKey(t, e, e.MachineSecretKey(), "POST", "/m2m_tokens", map[string]any{"seconds_until_expiration": 60})
	if status != 201 {
		t.Fatalf("create with machine key: %d %s", status, raw)
	}
	// The spec: creating needs a machine secret key; the instance key is
	// refused with the answer Clerk's own client tests expect.
	status, _, raw = send(t, e, "POST", "/m2m_tokens", map[string]any{})
	if code, _ := errCode(t, raw); status != 401 || code != "machine_secret_key_invalid" {
		t.Errorf("create with the instance key: %d %s", status, raw)
	}
	tok := callKey(t, e, e.MachineSecretKey(), "POST", "/m2m_tokens", map[string]any{}, 201)
	if tok["subject"] != e.MachineID() || tok["expiration"] != 1_700_003_600_000.0 {
		t.Errorf("token %v", tok)
	}
	v := call(t, e, "POST", "/m2m_tokens/verify", map[string]any{"token": tok["token"]}, 200)
	if v["id"] != tok["id"] || v["token"] != nil {
		t.Errorf("verify %v", v)
	}
	call(t, e, "POST", "/m2m_tokens/"+tok["id"].(string)+"/revoke", nil, 200)
	call(t, e, "POST", "/m2m_tokens/verify", map[string]any{"token": tok["token"]}, 404)
	if l := call(t, e, "GET", "/m2m_tokens?subject="+e.MachineID(), nil, 200); l["total_count"] != 1.0 {
		t.Errorf("list %v", l)
	}
	if l := call(t, e, "GET", "/m2m_tokens?revoked=true&subject="+e.MachineID(), nil, 200); l["total_count"] != 2.0 {
		t.Errorf("list with revoked %v", l)
	}
	if status, _, _ := sendKey(t, e, e.MachineSecretKey(), "GET", "/users", nil); status != 401 {
		t.Errorf("machine key accepted outside /m2m_tokens: %d", status)
	}
	jwt := callKey(t, e, e.MachineSecretKey(), "POST", "/m2m_tokens", map[string]any{"token_format": "jwt"}, 201)
	if _, claims := verifyJWT(t, e.JWTKey(), jwt["token"].(string)); claims["sub"] != e.MachineID() {
		t.Errorf("jwt claims %v", claims)
	}
}

// TestCreatedMachineMintsM2MTokens checks that a machine created through
// the API authorizes /m2m_tokens with its secret key and is the subject of
// the tokens it creates, and that a rotated key stops working.
func TestCreatedMachineMintsM2MTokens(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	m := call(t, e, "POST", "/machines", map[string]any{"name": "worker"}, 200)
	key := m["secret_key"].(string)
	status, _, raw := sendKey(t, e, key, "POST", "/m2m_tokens", map[string]any{"seconds_until_expiration": 60})
	if status != 201 {
		t.Fatalf("create with the machine's key: %d %s", status, raw)
	}
	var tok map[string]any
	if err := json.Unmarshal(raw, &tok); err != nil || tok["subject"] != m["id"] {
		t.Errorf("token subject %v, want %v", tok["subject"], m["id"])
	}
	call(t, e, "POST", "/machines/"+m["id"].(string)+"/secret_key/rotate", map[string]any{"previous_token_ttl": 0}, 200)
	if status, _, _ := sendKey(t, e, key, "POST", "/m2m_tokens", nil); status != 401 {
		t.Errorf("rotated key still accepted: %d", status)
	}
}
