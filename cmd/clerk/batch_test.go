package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/sessions"
)

func TestForcePasswordReset(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// args builds the arguments after "users force-password-reset"; it
		// may prepare the emulator (files, faults, users).
		args        func(t *testing.T, em *clerktest.Emulator) ([]string, string)
		wantCode    int
		wantOut     []string
		wantErr     []string
		compromised []string // emails whose password must end up compromised
		untouched   []string // emails whose password must stay as it was
	}{
		{
			name: "by user ID",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				return []string{"--user", userByEmail(t, em, "ada@example.com")}, ""
			},
			wantOut:     []string{"done", "password marked compromised", "Summary: 1 done, 0 skipped, 0 failed."},
			wantErr:     []string{"[1/1] user_"},
			compromised: []string{"ada@example.com"},
			untouched:   []string{"grace@example.com"},
		},
		{
			name: "by email, case-insensitive duplicate skipped",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				return []string{"--email", "grace@example.com", "--email", "GRACE@example.com"}, ""
			},
			wantOut:     []string{"duplicate of --email", "Summary: 1 done, 1 skipped, 0 failed."},
			compromised: []string{"grace@example.com"},
			untouched:   []string{"ada@example.com"},
		},
		{
			name: "from file with comments, malformed, unknown and duplicate lines",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				ada := userByEmail(t, em, "ada@example.com")
				body := "# users from the incident\n\n" + ada + "  # Ada\nalan@example.com\nnot an entry\nuser_doesnotexist\n" +
					"ada@example.com\nnobody@example.com\n"
				path := filepath.Join(t.TempDir(), "users.txt")
				if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
					t.Fatal(err)
				}
				return []string{"--from-file", path}, ""
			},
			wantCode: 1,
			wantOut: []string{
				"neither a user ID (user_...) nor an email address",
				"no such user: 404 resource_not_found",
				"same user as ", "no user with this email address",
				"Summary: 2 done, 1 skipped, 3 failed.",
			},
			compromised: []string{"ada@example.com", "alan@example.com"},
			untouched:   []string{"grace@example.com"},
		},
		{
			name: "from stdin",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				return []string{"--from-file", "-"}, "katherine@example.com\r\n"
			},
			wantOut:     []string{"stdin:1", "Summary: 1 done, 0 skipped, 0 failed."},
			compromised: []string{"katherine@example.com"},
		},
		{
			name: "user without password is skipped",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				return []string{"--user", passwordlessUser(t, em, "nopw@example.com"), "--email", "alan@example.com"}, ""
			},
			wantOut:     []string{"user has no password", "Summary: 1 done, 1 skipped, 0 failed."},
			compromised: []string{"alan@example.com"},
		},
		{
			name: "injected fault fails one item, the batch goes on",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				ada, grace := userByEmail(t, em, "ada@example.com"), userByEmail(t, em, "grace@example.com")
				em.FailNext(1, 403, 0)
				return []string{"--user", ada, "--user", grace}, ""
			},
			wantCode:    1,
			wantOut:     []string{"look up user: 403 injected_failure", "(trace ", "Summary: 1 done, 0 skipped, 1 failed."},
			compromised: []string{"grace@example.com"},
			untouched:   []string{"ada@example.com"},
		},
		{
			name: "server error on the first lookup",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				em.FailNext(1, 503, 0)
				return []string{"--email", "ada@example.com", "--email", "alan@example.com"}, ""
			},
			wantCode:    1,
			wantOut:     []string{"look up email: 503 internal_clerk_error", "Summary: 1 done, 0 skipped, 1 failed."},
			compromised: []string{"alan@example.com"},
			untouched:   []string{"ada@example.com"},
		},
		{
			name: "dry run",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				return []string{"--dry-run", "--revoke-sessions", "--email", "ada@example.com", "--email", "grace@example.com"}, ""
			},
			wantOut:   []string{"would mark password compromised, would revoke 0 sessions", "Dry run, nothing changed: 2 would be reset, 0 skipped, 0 failed."},
			untouched: []string{"ada@example.com", "grace@example.com"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			em := newEmulator(t)
			args, stdin := tt.args(t, em)
			got := runCLI(t, em, stdin, append([]string{"users", "force-password-reset"}, args...)...)
			if got.code != tt.wantCode {
				t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", got.code, tt.wantCode, got.stdout, got.stderr)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(got.stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, got.stdout)
				}
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(got.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, got.stderr)
				}
			}
			for _, e := range tt.compromised {
				if !em.PasswordCompromised(userByEmail(t, em, e)) {
					t.Errorf("%s: password not marked compromised", e)
				}
			}
			for _, e := range tt.untouched {
				if em.PasswordCompromised(userByEmail(t, em, e)) {
					t.Errorf("%s: password marked compromised", e)
				}
			}
		})
	}
}

func TestForcePasswordResetDryRunSendsNoPost(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	ada := userByEmail(t, em, "ada@example.com")
	if _, err := em.MintSessionToken(ada); err != nil {
		t.Fatal(err)
	}
	em.ResetRequests()
	got := runCLI(t, em, "", "users", "force-password-reset", "--dry-run", "--revoke-sessions", "--user", ada, "--email", "alan@example.com")
	if got.code != 0 {
		t.Fatalf("exit %d: %s", got.code, got.stderr)
	}
	if !strings.Contains(got.stdout, "would revoke 1 session") {
		t.Errorf("dry run does not announce the session:\n%s", got.stdout)
	}
	reqs := em.Requests()
	if len(reqs) == 0 {
		t.Fatal("dry run sent no request at all")
	}
	for _, r := range reqs {
		if r.Method != "GET" {
			t.Errorf("dry run sent %s %s", r.Method, r.Path)
		}
	}
}

func TestForcePasswordResetRevokesSessions(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	ada := userByEmail(t, em, "ada@example.com")
	ss := sessions.New(em.Client())
	for range 2 {
		if _, err := ss.Create(t.Context(), &sessions.CreateParams{UserID: ada}); err != nil {
			t.Fatal(err)
		}
	}
	got := runCLI(t, em, "", "--json", "users", "force-password-reset", "--revoke-sessions", "--user", ada)
	if got.code != 0 {
		t.Fatalf("exit %d: %s", got.code, got.stderr)
	}
	var sum summary
	if err := json.Unmarshal([]byte(got.stdout), &sum); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, got.stdout)
	}
	if sum.Done != 1 || len(sum.Results) != 1 || sum.Results[0].SessionsRevoked != 2 || sum.Results[0].UserID != ada {
		t.Errorf("summary = %+v", sum)
	}
	page, err := ss.List(t.Context(), &sessions.ListParams{UserID: clerk.String(ada), Status: clerk.String("active")})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Data) != 0 {
		t.Errorf("%d sessions still active", len(page.Data))
	}
	if n := posts(em, "/revoke"); n != 2 {
		t.Errorf("%d revoke calls, want 2", n)
	}
}

func TestForcePasswordResetNeverRepeatsACall(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	ada := userByEmail(t, em, "ada@example.com")
	got := runCLI(t, em, "ada@example.com\n"+ada+"\n", "users", "force-password-reset",
		"--user", ada, "--user", ada, "--email", "ada@example.com", "--from-file", "-")
	if got.code != 0 {
		t.Fatalf("exit %d: %s\n%s", got.code, got.stderr, got.stdout)
	}
	if n := posts(em, "/users/"+ada+"/password/set_compromised"); n != 1 {
		t.Errorf("%d set_compromised calls for one user, want 1", n)
	}
	if !strings.Contains(got.stdout, "Summary: 1 done, 4 skipped, 0 failed.") {
		t.Errorf("summary:\n%s", got.stdout)
	}
}

func TestForcePasswordResetJSONReportsErrorCode(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	got := runCLI(t, em, "", "users", "force-password-reset", "--json", "--user", "user_missing")
	if got.code != 1 {
		t.Fatalf("exit %d, want 1", got.code)
	}
	var sum summary
	if err := json.Unmarshal([]byte(got.stdout), &sum); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, got.stdout)
	}
	if sum.Failed != 1 || sum.Results[0].ErrorCode != "resource_not_found" || sum.Results[0].TraceID == "" {
		t.Errorf("summary = %+v", sum)
	}
}

func TestForcePasswordResetInterrupted(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	env := map[string]string{"CLERK_SECRET_KEY": em.SecretKey(), "CLERK_API_URL": em.URL()}
	got := runWith(ctx, env, "", "users", "force-password-reset", "--email", "ada@example.com", "--email", "alan@example.com")
	if got.code != 1 {
		t.Fatalf("exit %d, want 1", got.code)
	}
	if strings.Count(got.stdout, "interrupted before this entry") != 2 || posts(em, "set_compromised") != 0 {
		t.Errorf("stdout:\n%s", got.stdout)
	}
}

func TestProgress(t *testing.T) {
	t.Parallel()
	tests := []struct {
		tty  bool
		want string
	}{
		{false, "[1/4] a@b.co: done\n[2/4] user_x: failed\n"},
		{true, "\r\x1b[K[#######.......................] 1/4 a@b.co\r\x1b[K[###############...............] 2/4 user_x\r\x1b[K"},
	}
	for _, tt := range tests {
		var b strings.Builder
		p := &progress{w: &b, total: 4, tty: tt.tty}
		p.step(1, result{Input: "a@b.co", Status: statusDone})
		p.step(2, result{Input: "user_x", Status: statusFailed})
		p.finish()
		if b.String() != tt.want {
			t.Errorf("tty=%v: %q, want %q", tt.tty, b.String(), tt.want)
		}
	}
}
