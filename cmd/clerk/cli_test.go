package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/clerkgo/clerk/clerktest"
)

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	missing := filepath.Join(t.TempDir(), "missing.txt")
	tests := []struct {
		name string
		env  map[string]string // nil: the emulator's key and URL
		args []string
		want string
	}{
		{"no command", nil, nil, "Usage: clerk"},
		{"unknown group", nil, []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown subcommand", nil, []string{"users", "frob"}, `unknown command "users frob"`},
		{"bad global flag", nil, []string{"--nope", "users", "list"}, "flag provided but not defined: -nope"},
		{"bad flag", nil, []string{"users", "list", "--bogus"}, "flag provided but not defined: -bogus"},
		{"bad flag value", nil, []string{"users", "list", "--limit", "many"}, `invalid value "many" for flag -limit`},
		{"missing argument", nil, []string{"users", "get"}, "want USER_ID"},
		{"extra argument", nil, []string{"users", "get", "user_a", "user_b"}, "want USER_ID"},
		{"unreadable file", nil, []string{"users", "force-password-reset", "--from-file", missing}, "no such file or directory"},
		{"no targets", nil, []string{"users", "force-password-reset"}, "no users given"},
		{"malformed --user", nil, []string{"users", "force-password-reset", "--user", "ada@example.com"}, "an email address; use --email"},
		{"malformed --email", nil, []string{"users", "force-password-reset", "--email", "ada@"}, "malformed email address"},
		{"bad --unset", nil, []string{"users", "update", "user_x", "--unset", "email"}, `--unset "email"`},
		{"contradicting update", nil, []string{"users", "update", "user_x", "--username", "a", "--unset", "username"}, "contradict"},
		{"no secret key", map[string]string{}, []string{"users", "list"}, "CLERK_SECRET_KEY is not set"},
		{"invalid secret key", map[string]string{"CLERK_SECRET_KEY": "pk_test_x"}, []string{"orgs", "list"}, "secret key"},
		{"apikeys create without subject", nil, []string{"apikeys", "create", "--name", "ci"}, "--subject are required"},
		{"webhooks verify without secret", map[string]string{}, []string{"webhooks", "verify", "--body", missing}, "no signing secret"},
		{"tokens verify bad key file", nil, []string{"tokens", "verify", "--jwt-key", missing, "tok"}, "--jwt-key: no such file"},
		{"emulator bad port", nil, []string{"emulator", "--port", "70000"}, "out of range"},
		{"emulator webhooks into a file", nil, []string{"emulator", "--port", "0", "--save-webhooks", "cli_test.go"}, "cannot create the directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := tt.env
			if env == nil {
				env = map[string]string{"CLERK_SECRET_KEY": em.SecretKey(), "CLERK_API_URL": em.URL()}
			}
			got := runWith(t.Context(), env, "", tt.args...)
			if got.code != exitUsage {
				t.Fatalf("exit %d, want 2; stderr: %s", got.code, got.stderr)
			}
			if !strings.Contains(got.stderr, tt.want) {
				t.Errorf("stderr %q lacks %q", got.stderr, tt.want)
			}
			if tt.args != nil && strings.Count(got.stderr, "\n") != 1 {
				t.Errorf("stderr is not one line: %q", got.stderr)
			}
			if got.stdout != "" {
				t.Errorf("stdout not empty: %q", got.stdout)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"help"}, {"-h"}, {"users", "force-password-reset", "-h"}} {
		got := runWith(t.Context(), nil, "", args...)
		if got.code != 0 || !strings.Contains(got.stdout, "Usage: clerk") {
			t.Errorf("%v: exit %d, stdout %q", args, got.code, got.stdout)
		}
	}
}

func TestAPIErrorIsOneLineWithCodeAndTrace(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	got := runCLI(t, em, "", "users", "get", "user_missing")
	if got.code != exitFail {
		t.Fatalf("exit %d, want 1", got.code)
	}
	re := regexp.MustCompile(`^clerk: users get: 404 resource_not_found: .+ \(trace [0-9a-f]+\)\n$`)
	if !re.MatchString(got.stderr) {
		t.Errorf("stderr = %q", got.stderr)
	}
}

func TestJSONOutputParses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args  []string
		check func(t *testing.T, out []byte)
	}{
		{[]string{"users", "list"}, func(t *testing.T, out []byte) {
			var v []struct {
				ID       string  `json:"id"`
				Username *string `json:"username"`
			}
			mustJSON(t, out, &v)
			if len(v) != 4 || v[0].ID == "" {
				t.Errorf("users = %+v", v)
			}
		}},
		{[]string{"users", "list", "--all", "--email", "ada@example.com"}, func(t *testing.T, out []byte) {
			var v []map[string]any
			mustJSON(t, out, &v)
			if len(v) != 1 || v[0]["username"] != "ada" {
				t.Errorf("users = %v", v)
			}
		}},
		{[]string{"billing", "plans"}, func(t *testing.T, out []byte) {
			var v []struct {
				Slug string `json:"slug"`
				Fee  struct {
					Amount int64 `json:"amount"`
				} `json:"fee"`
			}
			mustJSON(t, out, &v)
			if len(v) != 4 || v[2].Slug != "pro" || v[2].Fee.Amount != 2000 {
				t.Errorf("plans = %+v", v)
			}
		}},
		{[]string{"billing", "subscription-items"}, func(t *testing.T, out []byte) {
			var v []map[string]any
			mustJSON(t, out, &v)
			if len(v) != 4 {
				t.Errorf("%d items, want 4", len(v))
			}
		}},
		{[]string{"billing", "statements"}, func(t *testing.T, out []byte) {
			var v []map[string]any
			mustJSON(t, out, &v)
			if len(v) == 0 || v[0]["object"] != "commerce_statement" && v[0]["id"] == nil {
				t.Errorf("statements = %v", v)
			}
		}},
		{[]string{"orgs", "get", "acme"}, func(t *testing.T, out []byte) {
			var v map[string]any
			mustJSON(t, out, &v)
			if v["slug"] != "acme" {
				t.Errorf("org = %v", v)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Parallel()
			got := runWith(t.Context(), nil, "", append([]string{"--emulator"}, append(tt.args, "--json")...)...)
			if got.code != 0 {
				t.Fatalf("exit %d: %s", got.code, got.stderr)
			}
			tt.check(t, []byte(got.stdout))
		})
	}
}

func mustJSON(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, b)
	}
}

func TestTablesShowDemoData(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"users", "list"}, []string{"ID  ", "EMAIL", "ada@example.com", "Grace Hopper", "password"}},
		{[]string{"billing", "plans"}, []string{"MONTHLY", "$20.00", "$200.00", "14 days", "priority_support"}},
		{[]string{"orgs", "list"}, []string{"Acme Inc", "acme"}},
	}
	for _, tt := range tests {
		got := runWith(t.Context(), nil, "", append([]string{"--emulator"}, tt.args...)...)
		if got.code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, got.code, got.stderr)
		}
		for _, w := range tt.want {
			if !strings.Contains(got.stdout, w) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, w, got.stdout)
			}
		}
	}
}

func TestUsersLifecycle(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	got := runCLI(t, em, "s3cret-Pa55word-long\n", "--json", "users", "create", "--email", "lin@example.com",
		"--first-name", "Lin", "--last-name", "Yu", "--username", "lin", "--password-stdin")
	if got.code != 0 {
		t.Fatalf("create: exit %d: %s", got.code, got.stderr)
	}
	var u struct {
		ID              string  `json:"id"`
		FirstName       *string `json:"first_name"`
		LastName        *string `json:"last_name"`
		PasswordEnabled bool    `json:"password_enabled"`
	}
	mustJSON(t, []byte(got.stdout), &u)
	if !u.PasswordEnabled {
		t.Error("created user has no password")
	}
	got = runCLI(t, em, "", "--json", "users", "update", u.ID, "--unset", "first-name")
	if got.code != 0 {
		t.Fatalf("update: exit %d: %s", got.code, got.stderr)
	}
	mustJSON(t, []byte(got.stdout), &u)
	if u.FirstName != nil || u.LastName == nil || *u.LastName != "Yu" {
		t.Errorf("after --unset first-name: first=%v last=%v", u.FirstName, u.LastName)
	}
	for _, step := range []struct{ cmd, want string }{
		{"ban", "banned"}, {"unban", "unbanned"}, {"lock", "locked"}, {"unlock", "unlocked"}, {"delete", "deleted"},
	} {
		got = runCLI(t, em, "", "users", step.cmd, "--yes", u.ID)
		if got.code != 0 || !strings.Contains(got.stdout, step.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", step.cmd, got.code, got.stdout, got.stderr)
		}
	}
	if got = runCLI(t, em, "", "users", "get", u.ID); got.code != 1 {
		t.Errorf("get after delete: exit %d", got.code)
	}
}

func TestAPIKeys(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	ada := userByEmail(t, em, "ada@example.com")
	got := runCLI(t, em, "", "--json", "apikeys", "create", "--name", "ci-bot", "--subject", ada, "--scope", "read")
	if got.code != 0 {
		t.Fatalf("create: exit %d: %s", got.code, got.stderr)
	}
	var k struct{ ID, Secret string }
	mustJSON(t, []byte(got.stdout), &k)
	if k.Secret == "" {
		t.Fatal("no secret in the create output")
	}
	if got = runCLI(t, em, k.Secret+"\n", "apikeys", "verify", "-"); got.code != 0 || !strings.Contains(got.stdout, k.ID) {
		t.Errorf("verify: exit %d, %q %q", got.code, got.stdout, got.stderr)
	}
	if got = runCLI(t, em, "", "apikeys", "list", "--subject", ada); got.code != 0 || !strings.Contains(got.stdout, "valid") {
		t.Errorf("list: exit %d, %q", got.code, got.stdout)
	}
	if got = runCLI(t, em, "", "apikeys", "revoke", "--yes", k.ID, "--reason", "rotated"); got.code != 0 || !strings.Contains(got.stdout, "revoked") {
		t.Errorf("revoke: exit %d, %q %q", got.code, got.stdout, got.stderr)
	}
	if got = runCLI(t, em, "", "apikeys", "verify", k.Secret); got.code != 1 || strings.Contains(got.stderr, k.Secret) {
		t.Errorf("verify after revoke: exit %d, stderr %q", got.code, got.stderr)
	}
}

func TestTokensVerify(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	ada := userByEmail(t, em, "ada@example.com")
	keyFile := filepath.Join(t.TempDir(), "jwt.pem")
	if err := os.WriteFile(keyFile, []byte(em.JWTKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	valid, err := em.MintSessionToken(ada)
	if err != nil {
		t.Fatal(err)
	}
	expired, err := em.MintSessionToken(ada, clerktest.WithExpiry(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	other := clerktest.New()
	defer other.Close()
	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		wantCode int
		want     string
	}{
		{"key file", nil, []string{"tokens", "verify", "--jwt-key", keyFile, valid}, 0, ada},
		{"key value", nil, []string{"tokens", "verify", "--jwt-key", em.JWTKey(), valid}, 0, "active"},
		{"key from env", map[string]string{"CLERK_JWT_KEY": em.JWTKey()}, []string{"tokens", "verify", "--json", valid}, 0, `"user_id": "` + ada},
		{"expired", nil, []string{"tokens", "verify", "--jwt-key", keyFile, expired}, 1, "token-expired"},
		{"other key", nil, []string{"tokens", "verify", "--jwt-key", other.JWTKey(), valid}, 1, "token-invalid-signature"},
		{"garbage", nil, []string{"tokens", "verify", "--jwt-key", keyFile, "not.a.jwt"}, 1, "token"},
		{"wrong azp", nil, []string{"tokens", "verify", "--jwt-key", keyFile, "--authorized-party", "https://example.com", valid}, 1, "authorized-parties"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := runWith(t.Context(), tt.env, "", tt.args...)
			if got.code != tt.wantCode {
				t.Fatalf("exit %d, want %d: %s", got.code, tt.wantCode, got.stderr)
			}
			if !strings.Contains(got.stdout+got.stderr, tt.want) {
				t.Errorf("output lacks %q: %q %q", tt.want, got.stdout, got.stderr)
			}
			if tt.wantCode != 0 && strings.Contains(got.stderr, valid) {
				t.Error("the token appears in the error")
			}
		})
	}
}

func TestWebhooksVerify(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	dir := t.TempDir()
	em.OnWebhookFunc(func(id string, h http.Header, body []byte) {
		if err := saveDelivery(dir, id, h, body); err != nil {
			t.Error(err)
		}
	})
	if got := runCLI(t, em, "", "users", "create", "--email", "hook@example.com"); got.code != 0 {
		t.Fatalf("create: %s", got.stderr)
	}
	if err := em.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	bodies, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(bodies) != 1 {
		t.Fatalf("%d deliveries saved, want 1", len(bodies))
	}
	body := bodies[0]
	headers := strings.TrimSuffix(body, ".json") + ".headers"
	raw, err := os.ReadFile(headers)
	if err != nil {
		t.Fatal(err)
	}
	h, err := parseHeaders(raw)
	if err != nil {
		t.Fatal(err)
	}
	tampered := filepath.Join(dir, "tampered.body")
	b, _ := os.ReadFile(body)
	if err := os.WriteFile(tampered, []byte(strings.Replace(string(b), "hook@", "hack@", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	secret := map[string]string{"CLERK_WEBHOOK_SIGNING_SECRET": em.WebhookSecret()}
	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		wantCode int
		want     string
	}{
		{"headers file", secret, []string{"--body", body, "--headers", headers}, 0, "user.created"},
		{"header flags", nil, []string{"--secret", em.WebhookSecret(), "--body", body, "--id", h.Get("Svix-Id"),
			"--timestamp", h.Get("Svix-Timestamp"), "--signature", h.Get("Svix-Signature"), "--json"}, 0, `"valid": true`},
		{"tampered body", secret, []string{"--body", tampered, "--headers", headers}, 1, "no matching signature"},
		{"wrong secret", map[string]string{"CLERK_WEBHOOK_SIGNING_SECRET": clerktest.New().WebhookSecret()}, []string{"--body", body, "--headers", headers}, 1, "no matching signature"},
		{"missing headers", secret, []string{"--body", body}, 1, "missing required headers"},
		{"bad headers file", secret, []string{"--body", body, "--headers", body}, 2, "want 'Name: value'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := runWith(t.Context(), tt.env, "", append([]string{"webhooks", "verify"}, tt.args...)...)
			if got.code != tt.wantCode {
				t.Fatalf("exit %d, want %d: %s", got.code, tt.wantCode, got.stderr)
			}
			if !strings.Contains(got.stdout+got.stderr, tt.want) {
				t.Errorf("output lacks %q: %q %q", tt.want, got.stdout, got.stderr)
			}
		})
	}
}

func TestEmulatorCommand(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var out, errb lockedBuffer
	done := make(chan int, 1)
	keyFile := filepath.Join(t.TempDir(), "jwt.pem")
	hooksDir := filepath.Join(t.TempDir(), "not", "yet", "there")
	go func() {
		done <- run(ctx, []string{"emulator", "--port", "0", "--jwt-key-out", keyFile, "--save-webhooks", hooksDir}, strings.NewReader(""), &out, &errb, func(string) string { return "" })
	}()
	re := regexp.MustCompile(`(?m)^export CLERK_API_URL=(\S+)\nexport CLERK_SECRET_KEY=(\S+)$`)
	var m []string
	for deadline := time.Now().Add(10 * time.Second); m == nil && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(out.String(), "Press Ctrl-C") {
			m = re.FindStringSubmatch(out.String())
			break
		}
	}
	if m == nil {
		cancel()
		t.Fatalf("no URL and key printed:\n%s\n%s", out.String(), errb.String())
	}
	if !strings.HasPrefix(m[1], "http://127.0.0.1:") || !strings.Contains(out.String(), "BEGIN PUBLIC KEY") {
		t.Errorf("unexpected banner:\n%s", out.String())
	}
	if st, err := os.Stat(hooksDir); err != nil || !st.IsDir() {
		t.Errorf("--save-webhooks did not create its missing directory: %v", err)
	}
	env := map[string]string{"CLERK_API_URL": m[1], "CLERK_SECRET_KEY": m[2]}
	got := runWith(t.Context(), env, "", "users", "list")
	if got.code != 0 || !strings.Contains(got.stdout, "ada@example.com") {
		t.Errorf("users list through the served emulator: exit %d, %q %q", got.code, got.stdout, got.stderr)
	}
	tok := regexp.MustCompile(`(?m)^(eyJ\S+)$`).FindString(out.String())
	got = runWith(t.Context(), nil, "", "tokens", "verify", "--jwt-key", keyFile, tok)
	if got.code != 0 {
		t.Errorf("the printed demo token does not verify with the written key: %s", got.stderr)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("emulator exit %d: %s", code, errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("emulator did not stop when the context ended")
	}
}
