package clerktest_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
)

// TestJWTTemplateCustomSigningKey checks that a template with
// custom_signing_key signs its tokens with its own key and algorithm (an
// HS256 token verifies with the shared secret), and that the signing
// parameters are validated.
func TestJWTTemplateCustomSigningKey(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	const secret = "a-shared-secret-of-enough-length"
	tpl := call(t, e, "POST", "/jwt_templates", map[string]any{"name": "hs", "claims": map[string]any{"k": "v"},
		"custom_signing_key": true, "signing_algorithm": "HS256", "signing_key": secret}, 200)
	if tpl["custom_signing_key"] != true || tpl["signing_algorithm"] != "HS256" {
		t.Errorf("template %v", tpl)
	}
	uid := createUser(t, e, map[string]any{"email_address": []string{"hs+clerk_test@example.com"}})
	sid := call(t, e, "POST", "/sessions", map[string]any{"user_id": uid}, 200)["id"].(string)
	tok := call(t, e, "POST", "/sessions/"+sid+"/tokens/hs", nil, 200)["jwt"].(string)
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		t.Fatalf("token %q", tok)
	}
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(parts[0] + "." + parts[1]))
	if got := base64.RawURLEncoding.EncodeToString(m.Sum(nil)); got != parts[2] {
		t.Error("the HS256 token does not verify with the template's secret")
	}
	// An update that leaves the signing parameters out keeps them.
	if u := call(t, e, "PATCH", "/jwt_templates/"+tpl["id"].(string), map[string]any{"name": "hs", "claims": map[string]any{}}, 200); u["custom_signing_key"] != true {
		t.Errorf("update dropped the custom key: %v", u)
	}
	for name, body := range map[string]map[string]any{
		"unknown algorithm":     {"custom_signing_key": true, "signing_algorithm": "none", "signing_key": "x"},
		"no key":                {"custom_signing_key": true, "signing_algorithm": "HS256"},
		"RS256 key not PEM":     {"custom_signing_key": true, "signing_algorithm": "RS256", "signing_key": "not pem"},
		"HS256 without custom":  {"signing_algorithm": "HS256"},
		"custom without an alg": {"custom_signing_key": true, "signing_key": "x"},
	} {
		body["name"], body["claims"] = "bad", map[string]any{}
		status, _, raw := send(t, e, "POST", "/jwt_templates", body)
		if status != 422 {
			t.Errorf("%s: %d %s", name, status, raw)
		}
	}
}
