package clerktest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/clerktest"
)

// control calls the control API and decodes the answer into out.
func control(t *testing.T, e *clerktest.Emulator, method, name string, body any, want int, out any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, e.Origin()+clerktest.ControlPrefix+name, rd)
	req.Header.Set("Authorization", "Bearer "+e.SecretKey())
	resp, err := e.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: %d %s", method, name, resp.StatusCode, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, name, err, raw)
		}
	}
}

func TestControlAPI(t *testing.T) {
	t.Parallel()
	e := newEmu(t, clerktest.WithDemoData())
	// The control API needs the secret key.
	req, _ := http.NewRequest("GET", e.Origin()+clerktest.ControlPrefix+"config", nil)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 401 {
		t.Fatalf("unauthenticated control call: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	var cfg map[string]string
	control(t, e, "GET", "config", nil, 200, &cfg)
	if cfg["api_url"] != e.URL() || cfg["jwt_key"] != e.JWTKey() || !strings.HasPrefix(cfg["publishable_key"], "pk_test_") {
		t.Errorf("config %v", cfg)
	}
	var dump clerktest.Seed
	control(t, e, "GET", "state", nil, 200, &dump)
	if len(dump.Users) != 4 || len(dump.Organizations) != 1 || len(dump.Plans) != 4 {
		t.Fatalf("dump: %d users, %d orgs, %d plans", len(dump.Users), len(dump.Organizations), len(dump.Plans))
	}
	var tok map[string]string
	control(t, e, "POST", "session_tokens", map[string]any{"user_id": dump.Users[0].ID}, 200, &tok)
	if strings.Count(tok["jwt"], ".") != 2 {
		t.Errorf("token %v", tok)
	}
	control(t, e, "POST", "session_tokens", map[string]any{"user_id": "user_nobody"}, 404, nil)
	control(t, e, "POST", "faults", map[string]any{"path": "/users", "method": "GET", "count": 1, "kind": "status", "status": 503}, 200, nil)
	var faults []map[string]any
	control(t, e, "GET", "faults", nil, 200, &faults)
	if len(faults) != 1 || faults[0]["kind"] != "status" {
		t.Errorf("faults %v", faults)
	}
	if status, _, _ := send(t, e, "GET", "/users", nil); status != 503 {
		t.Errorf("fault through the control API: %d", status)
	}
	var reqs []map[string]any
	control(t, e, "GET", "requests", nil, 200, &reqs)
	if len(reqs) != 1 || reqs[0]["status"] != 503.0 || reqs[0]["fault"] != "status" {
		t.Errorf("requests %v", reqs)
	}
	control(t, e, "POST", "faults", map[string]any{"kind": "melt"}, 422, nil)
	control(t, e, "POST", "seed", map[string]any{"users": []any{map[string]any{"username": "seeded", "email_addresses": []string{"seeded@example.com"}}}}, 200, nil)
	control(t, e, "POST", "seed", map[string]any{"users": []any{map[string]any{"username": "seeded"}}}, 400, nil)
	control(t, e, "POST", "seed", map[string]any{"shoes": 1}, 400, nil)
	control(t, e, "POST", "flush", nil, 200, nil)
	var ds []any
	control(t, e, "GET", "deliveries", nil, 200, &ds)
	control(t, e, "POST", "reset", nil, 200, nil)
	var after clerktest.Seed
	control(t, e, "GET", "state", nil, 200, &after)
	if len(after.Users) != 0 {
		t.Errorf("reset kept %d users", len(after.Users))
	}
	control(t, e, "GET", "nothing", nil, 404, nil)
}

func TestSeedAndStateFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seed := filepath.Join(dir, "seed.json")
	if err := os.WriteFile(seed, []byte(`{
	  "users": [
	    {"username": "ada", "first_name": "Ada", "email_addresses": ["ada@example.com"], "password": "correct-horse"},
	    {"username": "bob", "email_addresses": ["bob@example.com"]}
	  ],
	  "organizations": [{"name": "Acme", "slug": "acme", "created_by": "ada"}],
	  "memberships": [{"organization": "acme", "user": "bob@example.com", "role": "org:member"}],
	  "plans": [{"name": "Pro", "slug": "pro", "payer_type": "user", "monthly_fee": 1000}]
	}`), 0o600); err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(dir, "state.json")
	e := clerktest.New(clerktest.WithSeedFile(seed), clerktest.WithStateFile(state))
	_, _, body := send(t, e, "GET", "/organizations/acme/memberships", nil)
	if !strings.Contains(string(body), `"total_count":2`) {
		t.Errorf("seeded memberships: %s", body)
	}
	ada := e.Dump().Users[0].ID
	call(t, e, "POST", "/users/"+ada+"/verify_password", map[string]any{"password": "correct-horse"}, 200)
	call(t, e, "PATCH", "/users/"+ada, map[string]any{"last_name": "Lovelace"}, 200)
	if err := e.Shutdown(t.Context()); err != nil {
		t.Fatal(err)
	}
	// A second emulator starts from the state file: same IDs, same data.
	e2 := newEmu(t, clerktest.WithStateFile(state))
	u := call(t, e2, "GET", "/users/"+ada, nil, 200)
	if u["last_name"] != "Lovelace" {
		t.Errorf("state lost the update: %v", u["last_name"])
	}
	call(t, e2, "POST", "/users/"+ada+"/verify_password", map[string]any{"password": "correct-horse"}, 200)
	if _, err := clerktest.Start(clerktest.WithSeedFile(filepath.Join(dir, "missing.json"))); err == nil {
		t.Error("a missing seed file started")
	}
}
