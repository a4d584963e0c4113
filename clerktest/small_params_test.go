package clerktest_test

import (
	"sync"
	"testing"
	"time"

	"github.com/clerkgo/clerk/clerktest"
)

// TestM2MTokenReuse checks min_remaining_ttl_seconds: a live opaque token
// of the machine with the same claims and enough lifetime left is
// returned instead of a new one, other claims get a new token, and a
// minimum not below the lifetime is refused.
func TestM2MTokenReuse(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	key := e.MachineSecretKey()
	a := callKey(t, e, key, "POST", "/m2m_tokens", map[string]any{"claims": map[string]any{"x": 1}}, 201)
	b := callKey(t, e, key, "POST", "/m2m_tokens", map[string]any{"claims": map[string]any{"x": 1}, "min_remaining_ttl_seconds": 60}, 201)
	if a["id"] != b["id"] || a["token"] != b["token"] {
		t.Errorf("not reused: %v then %v", a["id"], b["id"])
	}
	c := callKey(t, e, key, "POST", "/m2m_tokens", map[string]any{"claims": map[string]any{"x": 2}, "min_remaining_ttl_seconds": 60}, 201)
	if c["id"] == a["id"] {
		t.Error("a token with other claims was reused")
	}
	status, _, raw := sendKey(t, e, key, "POST", "/m2m_tokens", map[string]any{"seconds_until_expiration": 60, "min_remaining_ttl_seconds": 60})
	if status != 400 {
		t.Errorf("minimum equal to the lifetime: %d %s", status, raw)
	}
}

// TestOAuthVerifyDeprecatedSecret checks that the deprecated secret
// parameter of the OAuth token verification works as access_token.
func TestOAuthVerifyDeprecatedSecret(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	uid := createUser(t, e, map[string]any{"email_address": []string{"sec+clerk_test@example.com"}})
	a := call(t, e, "POST", "/oauth_applications", map[string]any{"name": "A", "redirect_uris": []string{"https://example.com/cb"}}, 200)
	tok, err := e.IssueOAuthAccessToken(a["client_id"].(string), uid)
	if err != nil {
		t.Fatal(err)
	}
	if v := call(t, e, "POST", "/oauth_applications/access_tokens/verify", map[string]any{"secret": tok}, 200); v["subject"] != uid {
		t.Errorf("verify by secret: %v", v)
	}
}

// TestRoleIncludedInInitialRoleSet checks include_in_initial_role_set:
// the new role joins the initial role set and no custom one.
func TestRoleIncludedInInitialRoleSet(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	for _, typ := range []string{"initial", "custom"} {
		call(t, e, "POST", "/role_sets", map[string]any{"name": typ + " set", "key": typ + "_set", "type": typ,
			"roles": []string{"org:admin", "org:member"}, "default_role_key": "org:member", "creator_role_key": "org:admin"}, 200)
	}
	call(t, e, "POST", "/organization_roles", map[string]any{"name": "Auditor", "key": "org:auditor", "include_in_initial_role_set": true}, 200)
	for _, tt := range []struct {
		key  string
		want bool
	}{{"initial_set", true}, {"custom_set", false}} {
		rs := call(t, e, "GET", "/role_sets/"+tt.key, nil, 200)
		found := false
		for _, r := range rs["roles"].([]any) {
			found = found || r.(map[string]any)["key"] == "org:auditor"
		}
		if found != tt.want {
			t.Errorf("%s holds org:auditor: %v, want %v", tt.key, found, tt.want)
		}
	}
}

// TestMachineRotationGracePeriod checks previous_token_ttl: the old
// machine secret keeps working for that long after a rotation, then stops.
func TestMachineRotationGracePeriod(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_700_000_000, 0)
	var mu sync.Mutex
	e := newEmu(t, clerktest.WithNow(func() time.Time { mu.Lock(); defer mu.Unlock(); return now }))
	m := call(t, e, "POST", "/machines", map[string]any{"name": "w"}, 200)
	old := m["secret_key"].(string)
	call(t, e, "POST", "/machines/"+m["id"].(string)+"/secret_key/rotate", map[string]any{"previous_token_ttl": 60}, 200)
	if status, _, raw := sendKey(t, e, old, "POST", "/m2m_tokens", nil); status != 201 {
		t.Errorf("old key within the grace period: %d %s", status, raw)
	}
	mu.Lock()
	now = now.Add(61 * time.Second)
	mu.Unlock()
	if status, _, _ := sendKey(t, e, old, "POST", "/m2m_tokens", nil); status != 401 {
		t.Errorf("old key after the grace period: %d", status)
	}
}
