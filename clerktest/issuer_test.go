package clerktest_test

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/auth"
)

// TestSessionTokenIssuer checks that session and JWT template tokens carry
// as iss the Frontend API URL the publishable key encodes (as a development
// instance's tokens do, which clerk-sdk-go's verifier requires), and that
// the auth package verifies them with the JWKS the emulator serves,
// issuer check included.
func TestSessionTokenIssuer(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	enc := strings.TrimPrefix(e.PublishableKey(), "pk_test_")
	host, err := base64.RawStdEncoding.DecodeString(enc)
	if err != nil || e.FrontendAPIURL() != "https://"+strings.TrimSuffix(string(host), "$") {
		t.Fatalf("FrontendAPIURL %q, publishable key encodes %q (%v)", e.FrontendAPIURL(), host, err)
	}
	uid := createUser(t, e, map[string]any{"email_address": []string{"iss+clerk_test@example.com"}})
	tok, err := e.MintSessionToken(uid)
	if err != nil {
		t.Fatal(err)
	}
	if _, claims := verifyJWT(t, e.JWTKey(), tok); claims["iss"] != e.FrontendAPIURL() {
		t.Errorf("session token iss %v, want %s", claims["iss"], e.FrontendAPIURL())
	}
	v, err := auth.New(auth.Config{Client: e.Client(), Issuer: e.FrontendAPIURL()})
	if err != nil {
		t.Fatal(err)
	}
	claims, err := v.VerifySessionToken(context.Background(), tok)
	if err != nil || claims.Issuer != e.FrontendAPIURL() || claims.Subject != uid {
		t.Errorf("verify with the emulator's JWKS: %+v, %v", claims, err)
	}
	call(t, e, "POST", "/jwt_templates", map[string]any{"name": "tpl", "claims": map[string]any{"x": 1}}, 200)
	sid := callList(t, e, "GET", "/sessions?user_id="+uid, 200)[0]["id"].(string)
	jt := call(t, e, "POST", "/sessions/"+sid+"/tokens/tpl", map[string]any{}, 200)
	if _, claims := verifyJWT(t, e.JWTKey(), jt["jwt"].(string)); claims["iss"] != e.FrontendAPIURL() {
		t.Errorf("template token iss %v, want %s", claims["iss"], e.FrontendAPIURL())
	}
}
