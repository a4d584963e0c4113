package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFileIsCurrent regenerates events_gen.go and compares it with
// the committed file, so a stale file or a non-deterministic generator fails.
func TestGeneratedFileIsCurrent(t *testing.T) {
	t.Parallel()
	spec := os.Getenv("CLERK_WEBHOOKS_SPEC")
	if spec == "" {
		spec = filepath.Join("..", "..", "..", defaultSpec)
	}
	if _, err := os.Stat(spec); err != nil {
		t.Skipf("webhooks spec not found at %s; set CLERK_WEBHOOKS_SPEC to run this test", spec)
	}
	first, err := generate(spec)
	if err != nil {
		t.Fatal(err)
	}
	second, err := generate(spec)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Fatal("two runs of the generator differ")
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "..", defaultOut))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, committed) {
		t.Fatal("webhooks/events_gen.go is stale: run go generate ./webhooks")
	}
}

func TestCamel(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"user_id": "UserID", "image_url": "ImageURL", "client_ip": "ClientIP", "saml_connection": "SAMLConnection",
		"oauth_access_token": "OAuthAccessToken", "last4": "Last4", "totp_enabled": "TOTPEnabled", "BillingPlan": "BillingPlan",
	}
	for in, want := range tests {
		if got := camel(in); got != want {
			t.Errorf("camel(%q) = %q, want %q", in, got, want)
		}
	}
}
