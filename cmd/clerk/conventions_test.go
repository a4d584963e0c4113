package main

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestExitCodes runs every command once to success (0), once to a failure
// (1) and once to a usage error (2), and checks that the table covers
// every command the tool has.
func TestExitCodes(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	ada := userByEmail(t, em, "ada@example.com")
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "jwt.pem")
	_ = os.WriteFile(keyFile, []byte(em.JWTKey()), 0o600)
	tok, err := em.MintSessionToken(ada)
	if err != nil {
		t.Fatal(err)
	}
	body := filepath.Join(dir, "body.json")
	_ = os.WriteFile(body, []byte(`{"type":"user.created"}`), 0o600)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	busyPort := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)
	key := func(t *testing.T) string {
		got := runCLI(t, em, "", "--json", "apikeys", "create", "--name", "key-k", "--subject", ada)
		var k struct{ ID string }
		mustJSON(t, []byte(got.stdout), &k)
		return k.ID
	}
	// A bad key makes every API call fail with 401.
	badKey := []string{"--env-bad-key"}
	cases := map[string]struct{ ok, fail, usage []string }{
		"users list":                 {[]string{}, badKey, []string{"--limit", "0"}},
		"users get":                  {[]string{ada}, []string{"user_missing"}, []string{}},
		"users create":               {[]string{"--email", "new@example.com"}, []string{"--email", "ada@example.com"}, []string{"--bogus"}},
		"users update":               {[]string{ada, "--first-name", "A"}, []string{"user_missing", "--first-name", "A"}, []string{ada, "--unset", "x"}},
		"users delete":               {[]string{"--yes", "new@example.com"}, []string{"--yes", "nobody@example.com"}, []string{"ada@example.com"}},
		"users ban":                  {[]string{"--yes", ada}, []string{"--yes", "user_missing"}, []string{}},
		"users unban":                {[]string{ada}, []string{"user_missing"}, []string{"--concurrency", "0", ada}},
		"users lock":                 {[]string{"--yes", ada}, []string{"--yes", "user_missing"}, []string{"--email", ada}},
		"users unlock":               {[]string{ada}, []string{"user_missing"}, []string{"--user", "ada@example.com"}},
		"users update-metadata":      {[]string{"--yes", "--public", `{"a":1}`, ada}, []string{"--yes", "--public", `{"a":1}`, "user_missing"}, []string{"--yes", ada}},
		"users force-password-reset": {[]string{"--yes", "grace@example.com"}, []string{"--yes", "nobody@example.com"}, []string{"--yes"}},
		"orgs list":                  {[]string{}, badKey, []string{"--offset", "-1"}},
		"orgs get":                   {[]string{"acme"}, []string{"nope"}, []string{}},
		"billing plans":              {[]string{}, badKey, []string{"--limit", "x"}},
		"billing statements":         {[]string{}, badKey, []string{"extra"}},
		"billing subscription-items": {[]string{}, badKey, []string{"--all=maybe"}},
		"apikeys create":             {[]string{"--name", "ci-key", "--subject", ada}, []string{"--env-bad-key", "--name", "ci-key", "--subject", ada}, []string{"--name", "ci-key"}},
		"apikeys list":               {[]string{"--subject", ada}, []string{"--env-bad-key", "--subject", ada}, []string{}},
		"apikeys revoke":             {[]string{"--yes", "@key"}, []string{"--yes", "ak_missing"}, []string{"@key"}},
		"apikeys verify":             {[]string{"@secret"}, []string{"ak_wrong_secret"}, []string{}},
		"tokens verify":              {[]string{"--jwt-key", keyFile, tok}, []string{"--jwt-key", keyFile, "not.a.jwt"}, []string{}},
		"webhooks verify":            {[]string{"--secret", em.WebhookSecret(), "--body", body, "--id", "msg_1", "--timestamp", "1", "--signature", "v1,AAAA"}, []string{"--secret", em.WebhookSecret(), "--body", body}, []string{"--body", body}},
		"emulator":                   {nil, nil, []string{"--port", busyPort}}, // 0: TestEmulatorCommand; a busy port is a usage error
		"completion":                 {[]string{"bash"}, nil, []string{"tcsh"}},
		"version":                    {[]string{}, nil, []string{"extra"}},
	}
	var names []string
	for n := range commands() {
		names = append(names, n)
		if _, ok := cases[n]; !ok {
			t.Errorf("command %q has no exit-code case", n)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		c := cases[name]
		for _, step := range []struct {
			args []string
			want int
		}{{c.ok, exitOK}, {c.fail, exitFail}, {c.usage, exitUsage}} {
			if step.args == nil {
				continue // no such outcome for this command
			}
			args := append(strings.Fields(name), step.args...)
			env := map[string]string{"CLERK_SECRET_KEY": em.SecretKey(), "CLERK_API_URL": em.URL(), "CLERK_WEBHOOK_SIGNING_SECRET": ""}
			for i, a := range args {
				switch a {
				case "--env-bad-key":
					env["CLERK_SECRET_KEY"] = "sk_test_wrong"
					args = append(args[:i:i], args[i+1:]...)
				case "@key":
					args[i] = key(t)
				case "@secret":
					got := runCLI(t, em, "", "--json", "apikeys", "create", "--name", "key-s", "--subject", ada)
					var k struct{ Secret string }
					mustJSON(t, []byte(got.stdout), &k)
					args[i] = k.Secret
				}
			}
			if name == "webhooks verify" && step.want == exitOK {
				continue // needs a real delivery: TestWebhooksVerify covers it
			}
			got := runWith(t.Context(), env, "", append([]string{"--rate", "off", "--max-retries", "0"}, args...)...)
			if got.code != step.want {
				t.Errorf("%s %v: exit %d, want %d\nstdout: %s\nstderr: %s", name, step.args, got.code, step.want, got.stdout, got.stderr)
			}
		}
	}
}

func TestVersionAndHelp(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		code int
		out  string // in stdout, or stderr for code 2
	}{
		{[]string{"--version"}, 0, "clerk version " + version + " (Backend API 2025-11-10"},
		{[]string{"version", "-o", "json"}, 0, `"api_version": "2025-11-10"`},
		{[]string{"help"}, 0, "Usage: clerk [global flags]"},
		{[]string{"-h"}, 0, "Exit codes: 0 ok, 1 a failure"},
		{[]string{"help", "users"}, 0, "users force-password-reset"},
		{[]string{"users", "-h"}, 0, "users update-metadata"},
		{[]string{"users", "--help"}, 0, "Usage: clerk users <command>"},
		{[]string{"help", "users", "ban"}, 0, "--concurrency"},
		{[]string{"users", "ban", "-h"}, 0, "--journal"},
		{[]string{"users"}, 2, "Usage: clerk users <command>"},
		{[]string{"help", "users", "frob"}, 2, `no help for "users frob"`},
		{[]string{"-o", "yaml", "version"}, 2, `-o "yaml": want table or json`},
		{[]string{"--json", "-o", "table", "version"}, 2, "contradicts"},
		{[]string{"--rate", "fast", "version"}, 2, "--rate"},
	}
	for _, tt := range tests {
		got := runWith(t.Context(), nil, "", tt.args...)
		where := got.stdout
		if tt.code == exitUsage {
			where = got.stderr
		}
		if got.code != tt.code || !strings.Contains(where, tt.out) {
			t.Errorf("%v: exit %d, want %d; output lacks %q:\n%s%s", tt.args, got.code, tt.code, tt.out, got.stdout, got.stderr)
		}
	}
}

func TestOutputFlagAndJSONErrors(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	for _, args := range [][]string{{"-o", "json", "orgs", "get", "acme"}, {"orgs", "get", "acme", "--output", "json"}, {"orgs", "get", "acme", "--json"}} {
		got := runCLI(t, em, "", args...)
		var v map[string]any
		mustJSON(t, []byte(got.stdout), &v)
		if v["slug"] != "acme" {
			t.Errorf("%v: %v", args, v)
		}
	}
	if got := runCLI(t, em, "", "-o", "table", "orgs", "get", "acme"); !strings.Contains(got.stdout, "SLUG") {
		t.Errorf("-o table: %s", got.stdout)
	}
	tests := []struct {
		args []string
		code int
		kind string
	}{
		{[]string{"--json", "users", "get", "user_missing"}, 1, "api"},
		{[]string{"users", "get", "--json"}, 2, "usage"},
		{[]string{"-o", "json", "frobnicate"}, 2, "usage"},
	}
	for _, tt := range tests {
		got := runCLI(t, em, "", tt.args...)
		var e jsonError
		if err := json.Unmarshal([]byte(got.stderr), &e); err != nil || strings.Count(got.stderr, "\n") != 1 {
			t.Fatalf("%v: stderr is not one JSON line: %q", tt.args, got.stderr)
		}
		if got.code != tt.code || e.ExitCode != tt.code || e.Error.Kind != tt.kind || e.Error.Message == "" {
			t.Errorf("%v: exit %d, error %+v", tt.args, got.code, e)
		}
		if tt.kind == "api" && (e.Error.Status != 404 || e.Error.Code != "resource_not_found" || e.Error.TraceID == "") {
			t.Errorf("API error fields: %+v", e)
		}
	}
}

func TestPagingHint(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	got := runCLI(t, em, "", "users", "list", "--limit", "2")
	if got.code != 0 || !strings.Contains(got.stderr, "--offset 2 for the next page, or --all") || strings.Count(got.stdout, "\n") != 3 {
		t.Errorf("first page: %q %q", got.stdout, got.stderr)
	}
	got = runCLI(t, em, "", "users", "list", "--limit", "2", "--offset", "2")
	if got.code != 0 || strings.Count(got.stdout, "\n") != 3 {
		t.Errorf("second page: %q %q", got.stdout, got.stderr)
	}
	got = runCLI(t, em, "", "users", "list", "--all")
	if got.code != 0 || got.stderr != "" || strings.Count(got.stdout, "\n") != 5 {
		t.Errorf("--all: %q %q", got.stdout, got.stderr)
	}
	// Endpoints that count their items say how many there are.
	got = runCLI(t, em, "", "billing", "subscription-items", "--limit", "1")
	if !strings.Contains(got.stderr, "Showing 1-1 of 4") {
		t.Errorf("counted list: %q", got.stderr)
	}
}

func TestCompletion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		words []string
		want  []string
		not   []string
	}{
		{[]string{""}, []string{"users", "orgs", "completion", "help", "version"}, []string{"users list"}},
		{[]string{"us"}, []string{"users"}, []string{"orgs"}},
		{[]string{"users", ""}, []string{"list", "force-password-reset", "update-metadata"}, []string{"users"}},
		{[]string{"users", "force-password-reset", "--"}, []string{"--journal", "--concurrency", "--dry-run", "--yes", "--json"}, []string{"--public"}},
		{[]string{"users", "update-metadata", "--pu"}, []string{"--public"}, []string{"--journal"}},
		{[]string{"--"}, []string{"--version", "--json", "--emulator"}, nil},
		{[]string{"completion", ""}, []string{"bash", "zsh", "fish"}, nil},
	}
	for _, tt := range tests {
		got := runWith(t.Context(), nil, "", append([]string{"__complete"}, tt.words...)...)
		lines := strings.Split(strings.TrimSpace(got.stdout), "\n")
		has := map[string]bool{}
		for _, l := range lines {
			has[l] = true
		}
		for _, w := range tt.want {
			if !has[w] {
				t.Errorf("%q: candidates lack %q: %v", tt.words, w, lines)
			}
		}
		for _, w := range tt.not {
			if has[w] {
				t.Errorf("%q: candidates include %q", tt.words, w)
			}
		}
	}
	for _, shell := range []string{"bash", "zsh", "fish"} {
		got := runWith(t.Context(), nil, "", "completion", shell)
		if got.code != 0 || !strings.Contains(got.stdout, "clerk __complete") {
			t.Errorf("completion %s: exit %d %q", shell, got.code, got.stdout)
		}
		if shell != "bash" {
			continue
		}
		if _, err := exec.LookPath("bash"); err != nil {
			continue
		}
		cmd := exec.CommandContext(context.Background(), "bash", "-n")
		cmd.Stdin = strings.NewReader(got.stdout)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("bash -n: %v: %s", err, out)
		}
	}
}
