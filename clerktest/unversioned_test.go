package clerktest_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestUnversionedMachineRoutes checks that the API key, M2M token and
// OAuth access token verification routes answer without the /v1 prefix
// too, as Clerk serves them (@clerk/backend calls them there), and that
// other routes, other OAuth application ones included, still need it.
func TestUnversionedMachineRoutes(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	get := func(path, key string) (int, string) {
		req, err := http.NewRequestWithContext(context.Background(), "POST", e.Origin()+path, strings.NewReader(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(raw)
	}
	if status, raw := get("/m2m_tokens", e.MachineSecretKey()); status != 201 || !strings.Contains(raw, `"mt_`) {
		t.Errorf("POST /m2m_tokens: %d %s", status, raw)
	}
	if status, raw := get("/api_keys/verify", e.SecretKey()); status != 422 || !strings.Contains(raw, "secret") {
		t.Errorf("POST /api_keys/verify without a secret: %d %s", status, raw)
	}
	if status, raw := get("/oauth_applications/access_tokens/verify", e.SecretKey()); status != 422 || !strings.Contains(raw, "access_token") {
		t.Errorf("POST /oauth_applications/access_tokens/verify without a token: %d %s", status, raw)
	}
	if status, raw := get("/oauth_applications", e.SecretKey()); status != 404 {
		t.Errorf("POST /oauth_applications without /v1: %d %s", status, raw)
	}
	if status, raw := get("/users", e.SecretKey()); status != 404 {
		t.Errorf("POST /users without /v1: %d %s", status, raw)
	}
}
