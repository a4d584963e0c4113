package clerktest_test

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/clerkgo/clerk/clerktest"
	"github.com/google/go-cmp/cmp"
)

// verifyJWT checks an RS256 token against the PEM key and returns its
// header and claims.
func verifyJWT(t *testing.T, pemKey, token string) (header, claims map[string]any) {
	t.Helper()
	block, _ := pem.Decode([]byte(pemKey))
	if block == nil {
		t.Fatal("JWTKey is not PEM")
	}
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	rsaKey, ok := pub.(*rsa.PublicKey)
	if !ok || rsaKey.N.BitLen() != 2048 {
		t.Fatalf("JWTKey is not RSA-2048: %T", pub)
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("token has %d parts", len(parts))
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(rsaKey, crypto.SHA256, sum[:], sig); err != nil {
		t.Fatalf("signature: %v", err)
	}
	for i, dst := range []*map[string]any{&header, &claims} {
		raw, err := base64.RawURLEncoding.DecodeString(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, dst); err != nil {
			t.Fatal(err)
		}
	}
	return header, claims
}

func TestMintSessionToken(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_700_000_000, 0)
	e := newEmu(t, clerktest.WithNow(func() time.Time { return now }), clerktest.WithDemoData())
	org := call(t, e, "GET", "/organizations/acme", nil, 200)
	orgID := org["id"].(string)
	user := callList(t, e, "GET", "/users?username=ada", 200)[0]["id"].(string)
	tests := []struct {
		name string
		opts []clerktest.TokenOption
		want map[string]any
		gone []string
	}{
		{"defaults", nil, map[string]any{"sub": user, "sts": "active", "v": 2.0, "azp": "http://localhost:3000",
			"iat": 1_700_000_000.0, "exp": 1_700_000_060.0, "nbf": 1_699_999_990.0}, []string{"o", "fea", "pla"}},
		{"pending, custom azp and expiry", []clerktest.TokenOption{clerktest.WithStatus("pending"),
			clerktest.WithAuthorizedParty("https://app.example"), clerktest.WithExpiry(-time.Minute)},
			map[string]any{"sts": "pending", "azp": "https://app.example", "exp": 1_699_999_940.0}, []string{"o"}},
		{"org with permissions", []clerktest.TokenOption{clerktest.WithOrganization(orgID, "org:admin",
			"org:dashboard:read", "org:dashboard:manage", "org:billing:read"), clerktest.WithPlans("o:team")},
			map[string]any{"o": map[string]any{"id": orgID, "rol": "admin", "slg": "acme", "per": "read,manage", "fpm": "3,1"},
				"fea": "o:dashboard,o:billing", "pla": "o:team"}, nil},
		{"org role from membership", []clerktest.TokenOption{clerktest.WithOrganization(orgID, ""),
			clerktest.WithFeatures("u:beta")}, map[string]any{"fea": "o:sys_memberships,o:sys_domains,o:sys_billing,o:sys_profile,u:beta"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tok, err := e.MintSessionToken(user, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			header, claims := verifyJWT(t, e.JWTKey(), tok)
			if header["alg"] != "RS256" || header["kid"] != e.KeyID() || header["typ"] != "JWT" {
				t.Errorf("header %v", header)
			}
			for k, v := range tt.want {
				if !cmp.Equal(claims[k], v) {
					t.Errorf("%s = %v, want %v", k, claims[k], v)
				}
			}
			for _, k := range tt.gone {
				if _, ok := claims[k]; ok {
					t.Errorf("unexpected claim %s = %v", k, claims[k])
				}
			}
			sid, _ := claims["sid"].(string)
			if s := call(t, e, "GET", "/sessions/"+sid, nil, 200); s["user_id"] != user || s["status"] != "active" {
				t.Errorf("sid %s is not an active session of the user: %v", sid, s)
			}
		})
	}
	if _, err := e.MintSessionToken("user_nobody"); !errors.Is(err, clerktest.ErrUnknownUser) {
		t.Errorf("unknown user: %v", err)
	}
	if _, err := e.MintSessionToken(user, clerktest.WithOrganization(orgID, "admin", "bad-permission")); err == nil {
		t.Error("malformed permission accepted")
	}
}

func TestSessionsAndTokens(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	uid := createUser(t, e, map[string]any{"username": "sam", "first_name": "Sam", "email_address": []string{"sam@example.com"}})
	s := call(t, e, "POST", "/sessions", map[string]any{"user_id": uid}, 200)
	sid := s["id"].(string)
	if s["object"] != "session" || s["status"] != "active" || s["user_id"] != uid {
		t.Fatalf("session %v", s)
	}
	if got := ids(callList(t, e, "GET", "/sessions?user_id="+uid, 200)); len(got) != 1 || got[0] != sid {
		t.Errorf("list %v", got)
	}
	tok := call(t, e, "POST", "/sessions/"+sid+"/tokens", map[string]any{"expires_in_seconds": 600}, 200)
	_, claims := verifyJWT(t, e.JWTKey(), tok["jwt"].(string))
	if claims["sid"] != sid || claims["sub"] != uid || claims["exp"].(float64)-claims["iat"].(float64) != 600 {
		t.Errorf("claims %v", claims)
	}
	call(t, e, "POST", "/jwt_templates", map[string]any{"name": "api", "lifetime": 120,
		"claims": map[string]any{"email": "{{user.primary_email_address}}", "greeting": "hi {{user.first_name}}", "meta": "{{user.public_metadata}}"}}, 200)
	tok = call(t, e, "POST", "/sessions/"+sid+"/tokens/api", nil, 200)
	_, claims = verifyJWT(t, e.JWTKey(), tok["jwt"].(string))
	want := map[string]any{"email": "sam@example.com", "greeting": "hi Sam", "meta": map[string]any{}, "sub": uid,
		"azp": "http://localhost:3000"}
	for k, v := range want {
		if !cmp.Equal(claims[k], v) {
			t.Errorf("template claim %s = %v, want %v", k, claims[k], v)
		}
	}
	for _, k := range []string{"sid", "v", "fva", "o"} {
		if _, ok := claims[k]; ok {
			t.Errorf("a custom JWT carries the session claim %s", k)
		}
	}
	if claims["exp"].(float64)-claims["iat"].(float64) != 120 {
		t.Errorf("template lifetime not applied: %v", claims)
	}
	call(t, e, "POST", "/sessions/"+sid+"/tokens/nope", nil, 404)
	call(t, e, "POST", "/sessions/"+sid+"/revoke", nil, 200)
	call(t, e, "POST", "/sessions/"+sid+"/revoke", nil, 400)
	call(t, e, "POST", "/sessions/"+sid+"/tokens", nil, 404)
}

func TestJWTTemplatesCRUD(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	tpl := call(t, e, "POST", "/jwt_templates", map[string]any{"name": "a", "claims": map[string]any{"x": 1}}, 200)
	id := tpl["id"].(string)
	if tpl["lifetime"] != 60.0 || tpl["allowed_clock_skew"] != 5.0 || tpl["signing_algorithm"] != "RS256" {
		t.Errorf("defaults %v", tpl)
	}
	bad := []map[string]any{{"name": "a", "claims": map[string]any{}}, {"claims": map[string]any{}}, {"name": "b"},
		{"name": "c", "claims": map[string]any{"sub": "x"}}}
	for _, b := range bad {
		if status, _, _ := send(t, e, "POST", "/jwt_templates", b); status != 422 {
			t.Errorf("%v: status %d", b, status)
		}
	}
	up := call(t, e, "PATCH", "/jwt_templates/"+id, map[string]any{"name": "a2", "claims": map[string]any{"y": 2}}, 200)
	if up["name"] != "a2" || !cmp.Equal(up["claims"], map[string]any{"y": 2.0}) {
		t.Errorf("update %v", up)
	}
	if got := callList(t, e, "GET", "/jwt_templates", 200); len(got) != 1 {
		t.Errorf("list %v", got)
	}
	call(t, e, "DELETE", "/jwt_templates/"+id, nil, 200)
	call(t, e, "GET", "/jwt_templates/"+id, nil, 404)
}

func TestJWKSMatchesJWTKey(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	keys := call(t, e, "GET", "/jwks", nil, 200)["keys"].([]any)
	if len(keys) != 1 {
		t.Fatalf("keys %v", keys)
	}
	k := keys[0].(map[string]any)
	block, _ := pem.Decode([]byte(e.JWTKey()))
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := base64.RawURLEncoding.DecodeString(k["n"].(string))
	if k["kid"] != e.KeyID() || k["alg"] != "RS256" || k["kty"] != "RSA" || k["e"] != "AQAB" ||
		new(big.Int).SetBytes(n).Cmp(pub.(*rsa.PublicKey).N) != 0 {
		t.Errorf("JWK does not match JWTKey: %v", k)
	}
}

// TestJWTTemplateRendering follows the complete example of Clerk's JWT
// template docs: typed shortcodes, interpolation, metadata paths, ||
// fallbacks with literals and an unknown shortcode.
func TestJWTTemplateRendering(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	uid := createUser(t, e, map[string]any{"first_name": "Maria", "last_name": "Doe", "email_address": []string{"maria@example.com"},
		"public_metadata": map[string]any{"profile": map[string]any{"interests": []string{"reading", "climbing"}}},
		"unsafe_metadata": map[string]any{"foo": map[string]any{"bar": 42}}})
	s := call(t, e, "POST", "/sessions", map[string]any{"user_id": uid}, 200)
	call(t, e, "POST", "/jwt_templates", map[string]any{"name": "docs", "claims": map[string]any{
		"aud": "https://my-site.com", "version": 1,
		"user_id":           "{{user.id}}",
		"full_name":         "{{user.last_name}} {{user.first_name}}",
		"phone":             "{{user.primary_phone_address}}",
		"likes_to_do":       "{{user.public_metadata.profile.interests}}",
		"bar":               "{{user.unsafe_metadata.foo.bar}}",
		"unsafe_meta":       "{{user.unsafe_metadata}}",
		"invalid_shortcode": "{{user.i_dont_exist}}",
		"verified":          "{{user.phone_number_verified || user.email_verified}}",
		"nickname":          "{{user.public_metadata.nickname || user.username || 'Awesome User'}}",
		"age":               "{{user.public_metadata.age || 30}}",
		"interpolated_null": "{{user.username}} x",
	}}, 200)
	tok := call(t, e, "POST", "/sessions/"+s["id"].(string)+"/tokens/docs", nil, 200)
	_, claims := verifyJWT(t, e.JWTKey(), tok["jwt"].(string))
	want := map[string]any{"aud": "https://my-site.com", "version": 1.0, "user_id": uid, "full_name": "Doe Maria", "phone": nil,
		"likes_to_do": []any{"reading", "climbing"}, "bar": 42.0, "unsafe_meta": map[string]any{"foo": map[string]any{"bar": 42.0}},
		"invalid_shortcode": nil, "verified": true, "nickname": "Awesome User", "age": 30.0, "interpolated_null": "null x"}
	for k, v := range want {
		if !cmp.Equal(claims[k], v) {
			t.Errorf("%s = %#v, want %#v", k, claims[k], v)
		}
	}
}
