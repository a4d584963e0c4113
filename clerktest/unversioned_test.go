package clerktest_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestUnversionedMachineRoutes checks that the API key and M2M token
// routes answer without the /v1 prefix too, as Clerk serves them
// (@clerk/backend calls /api_keys... and /m2m_tokens... there), and that
// other routes still need it.
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
	if status, raw := get("/users", e.SecretKey()); status != 404 {
		t.Errorf("POST /users without /v1: %d %s", status, raw)
	}
}
