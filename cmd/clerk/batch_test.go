package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
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
		compromised []string // emails whose password must end up compromised
		untouched   []string // emails whose password must stay as it was
	}{
		{
			name: "by user ID",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				return []string{"--user", userByEmail(t, em, "ada@example.com")}, ""
			},
			wantOut:     []string{"done", "password marked compromised, sessions revoked", "Summary: 1 done, 0 skipped, 0 failed, 0 in doubt, 0 interrupted"},
			compromised: []string{"ada@example.com"},
			untouched:   []string{"grace@example.com"},
		},
		{
			name: "arguments, case-insensitive duplicate skipped",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				return []string{"grace@example.com", "--email", "GRACE@example.com"}, ""
			},
			wantOut:     []string{"duplicate of an earlier entry", "Summary: 1 done, 1 skipped, 0 failed"},
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
				return []string{"--from-file", path, "--concurrency", "1"}, ""
			},
			wantCode: 1,
			wantOut: []string{
				"neither a user ID (user_...) nor an email address",
				"404 resource_not_found",
				"same user as another entry", "no user with this email address",
				"Summary: 2 done, 1 skipped, 3 failed",
			},
			compromised: []string{"ada@example.com", "alan@example.com"},
			untouched:   []string{"grace@example.com"},
		},
		{
			name: "from stdin",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				return []string{"--from-file", "-"}, "katherine@example.com\r\n"
			},
			wantOut:     []string{"katherine@example.com", "Summary: 1 done, 0 skipped, 0 failed"},
			compromised: []string{"katherine@example.com"},
		},
		{
			name: "user without password is skipped",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				return []string{"--user", passwordlessUser(t, em, "nopw@example.com"), "--email", "alan@example.com"}, ""
			},
			wantOut:     []string{"user has no password", "Summary: 1 done, 1 skipped, 0 failed"},
			compromised: []string{"alan@example.com"},
		},
		{
			name: "injected fault fails one item, the batch goes on",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				ada, grace := userByEmail(t, em, "ada@example.com"), userByEmail(t, em, "grace@example.com")
				em.FailNext(1, 403, 0)
				return []string{"--user", ada, "--user", grace, "--concurrency", "1"}, ""
			},
			wantCode:    1,
			wantOut:     []string{"403 injected_failure", "(trace ", "Summary: 1 done, 0 skipped, 1 failed"},
			compromised: []string{"grace@example.com"},
			untouched:   []string{"ada@example.com"},
		},
		{
			name: "dry run",
			args: func(t *testing.T, em *clerktest.Emulator) ([]string, string) {
				return []string{"--dry-run", "--email", "ada@example.com", "--email", "grace@example.com"}, ""
			},
			wantOut:   []string{"would mark the password compromised and revoke all sessions", "Dry run, nothing changed: 2 would change, 0 skipped, 0 failed."},
			untouched: []string{"ada@example.com", "grace@example.com"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			em := newEmulator(t)
			args, stdin := tt.args(t, em)
			got := runCLI(t, em, stdin, append([]string{"users", "force-password-reset", "--yes"}, args...)...)
			if got.code != tt.wantCode {
				t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", got.code, tt.wantCode, got.stdout, got.stderr)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(got.stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, got.stdout)
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
	em.ResetRequests()
	// No --yes: a dry run changes nothing, so it asks nothing.
	got := runCLI(t, em, "", "users", "force-password-reset", "--dry-run", "--user", ada, "--email", "alan@example.com")
	if got.code != 0 {
		t.Fatalf("exit %d: %s", got.code, got.stderr)
	}
	reqs := em.Requests()
	if len(reqs) != 2 {
		t.Fatalf("dry run sent %d requests, want 2 lookups", len(reqs))
	}
	for _, r := range reqs {
		if r.Method != "GET" {
			t.Errorf("dry run sent %s %s", r.Method, r.Path)
		}
	}
}

func TestForcePasswordResetRequestsPerUser(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	ada := userByEmail(t, em, "ada@example.com")
	em.ResetRequests()
	got := runCLI(t, em, "", "users", "force-password-reset", "--yes", ada, "grace@example.com")
	if got.code != 0 {
		t.Fatalf("exit %d: %s", got.code, got.stderr)
	}
	// One request given an ID, two given an email; sessions are revoked by
	// set_compromised itself.
	if n := len(em.Requests()); n != 3 {
		t.Fatalf("%d requests for one ID and one email, want 3", n)
	}
}

func TestForcePasswordResetNeverRepeatsACall(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	ada := userByEmail(t, em, "ada@example.com")
	got := runCLI(t, em, "", "users", "force-password-reset", "--yes", "--concurrency", "1",
		"--user", ada, "--user", ada, "--email", "ada@example.com", ada)
	if got.code != 0 {
		t.Fatalf("exit %d: %s\n%s", got.code, got.stderr, got.stdout)
	}
	if n := posts(em, "/users/"+ada+"/password/set_compromised"); n != 1 {
		t.Errorf("%d set_compromised calls for one user, want 1", n)
	}
	if !strings.Contains(got.stdout, "Summary: 1 done, 3 skipped, 0 failed") {
		t.Errorf("summary:\n%s", got.stdout)
	}
}

// jsonLines splits batch output into item lines and the summary.
func jsonLines(t *testing.T, out string) ([]itemLine, summaryLine) {
	t.Helper()
	var items []itemLine
	var sum summaryLine
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Bytes()
		if strings.HasPrefix(string(line), `{"summary"`) {
			mustJSON(t, line, &sum)
			continue
		}
		var it itemLine
		mustJSON(t, line, &it)
		items = append(items, it)
	}
	return items, sum
}

func TestBatchJSONLines(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	got := runCLI(t, em, "", "users", "force-password-reset", "--json", "--yes", "user_missing", "alan@example.com")
	if got.code != 1 {
		t.Fatalf("exit %d, want 1: %s", got.code, got.stderr)
	}
	items, sum := jsonLines(t, got.stdout)
	if len(items) != 2 || sum.Summary.Done != 1 || sum.Summary.Failed != 1 || sum.Summary.Action != "force-password-reset" {
		t.Fatalf("items %+v, summary %+v", items, sum)
	}
	for _, it := range items {
		if it.Target == "user_missing" && (it.ErrorCode != "resource_not_found" || it.TraceID == "" || it.Status != "failed") {
			t.Errorf("failed item %+v", it)
		}
	}
}

func TestBatchJournalResumes(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	journal := filepath.Join(t.TempDir(), "reset.journal")
	args := []string{"users", "force-password-reset", "--yes", "--journal", journal, "ada@example.com", "grace@example.com"}
	if got := runCLI(t, em, "", args...); got.code != 0 {
		t.Fatalf("first run: exit %d: %s", got.code, got.stderr)
	}
	got := runCLI(t, em, "", append(args, "alan@example.com")...)
	if got.code != 0 || !strings.Contains(got.stdout, "Summary: 1 done, 2 skipped, 0 failed") || !strings.Contains(got.stdout, "done in an earlier run") {
		t.Fatalf("rerun: exit %d\n%s", got.code, got.stdout)
	}
	if n := posts(em, "/password/set_compromised"); n != 3 {
		t.Errorf("%d resets for 3 users, want 3", n)
	}
	// The journal belongs to force-password-reset.
	if got := runCLI(t, em, "", "users", "ban", "--yes", "--journal", journal, "ada@example.com"); got.code != exitUsage || !strings.Contains(got.stderr, "belongs to") {
		t.Errorf("ban with a reset journal: exit %d, %s", got.code, got.stderr)
	}
}

func TestBatchInterruptedBeforeStart(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	ctx, cancel := contextCanceled(t)
	defer cancel()
	env := map[string]string{"CLERK_SECRET_KEY": em.SecretKey(), "CLERK_API_URL": em.URL()}
	got := runWith(ctx, env, "", "users", "force-password-reset", "--yes", "--email", "ada@example.com", "--email", "alan@example.com")
	if got.code != exitInterrupted {
		t.Fatalf("exit %d, want %d", got.code, exitInterrupted)
	}
	if !strings.Contains(got.stdout, "Stopped before the end") || posts(em, "set_compromised") != 0 {
		t.Errorf("stdout:\n%s", got.stdout)
	}
}

func TestBatchNeedsConfirmation(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	for _, cmd := range []string{"delete", "ban", "lock", "force-password-reset"} {
		got := runCLI(t, em, "", "users", cmd, "ada@example.com")
		if got.code != exitUsage || !strings.Contains(got.stderr, "pass --yes") {
			t.Errorf("%s without --yes: exit %d, %s", cmd, got.code, got.stderr)
		}
	}
	if n := len(em.Requests()); n != 0 {
		t.Errorf("%d requests sent without confirmation", n)
	}
	// Lifting a ban or a lock is not destructive.
	if got := runCLI(t, em, "", "users", "unban", "ada@example.com"); got.code != 0 {
		t.Errorf("unban: exit %d, %s", got.code, got.stderr)
	}
}

func TestUpdateMetadata(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	got := runCLI(t, em, "", "users", "update-metadata", "--yes", "--public", `{"tier":"gold"}`, "--private", `{"note":null}`, "ada@example.com")
	if got.code != 0 {
		t.Fatalf("exit %d: %s", got.code, got.stderr)
	}
	got = runCLI(t, em, "", "--json", "users", "get", userByEmail(t, em, "ada@example.com"))
	var u struct {
		Public map[string]any `json:"public_metadata"`
	}
	mustJSON(t, []byte(got.stdout), &u)
	if u.Public["tier"] != "gold" {
		t.Errorf("public metadata %v", u.Public)
	}
	for _, bad := range [][]string{{"ada@example.com"}, {"--public", "[1]", "ada@example.com"}, {"--public", "null", "ada@example.com"}} {
		if got := runCLI(t, em, "", append([]string{"users", "update-metadata", "--yes"}, bad...)...); got.code != exitUsage {
			t.Errorf("%v: exit %d", bad, got.code)
		}
	}
}

func TestProgressLine(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	p := &progress{w: &b, tty: true}
	p.update(progressOf(5, 1, 1, 10))
	p.finish()
	want := "\r\x1b[K[##############..........] 7/12 done 5, skipped 1, failed 1 · 3.5/s · ETA 1s\r\x1b[K"
	if b.String() != want {
		t.Errorf("%q, want %q", b.String(), want)
	}
	var quiet strings.Builder
	q := newProgress(&quiet)
	q.update(progressOf(1, 0, 0, 2))
	q.finish()
	if quiet.Len() != 0 {
		t.Errorf("progress off a terminal: %q", quiet.String())
	}
}

// A reset the server made but answered with a 500 is in doubt, not failed:
// the summary says so, the exit code is 1, and the rerun with the journal
// settles it from the user's sessions without resetting again.
func TestBatchInDoubtIsSettledByTheRerun(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	ada := userByEmail(t, em, "ada@example.com")
	if err := em.InjectFault(clerktest.Fault{Method: "POST", Path: "/users/*/password/set_compromised", Count: 1, Kind: clerktest.FaultStatusAfterWrite, Status: 500}); err != nil {
		t.Fatal(err)
	}
	journal := filepath.Join(t.TempDir(), "reset.journal")
	args := []string{"users", "force-password-reset", "--yes", "--journal", journal, ada}
	got := runCLI(t, em, "", args...)
	if got.code != exitFail || !strings.Contains(got.stdout, "in-doubt") || !strings.Contains(got.stdout, "1 in doubt") ||
		!strings.Contains(got.stdout, "Run the same command again") {
		t.Fatalf("first run: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	got = runCLI(t, em, "", args...)
	if got.code != 0 || !strings.Contains(got.stdout, "checked:") {
		t.Fatalf("rerun: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	if n := posts(em, "/users/"+ada+"/password/set_compromised"); n != 1 {
		t.Errorf("%d resets of one user, want 1", n)
	}
}

// --email-domain selects the users with an address at exactly that domain.
func TestBatchEmailDomainIsExact(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	svc := users.New(em.Client())
	for _, e := range []string{"ann@corp.example", "bob@CORP.example", "carol@corp.example.evil.org", "dan@mail.corp.example"} {
		if _, err := svc.Create(t.Context(), &users.CreateParams{EmailAddress: clerk.Value([]string{e}), Password: clerk.String("correct-horse-battery")}); err != nil {
			t.Fatal(err)
		}
	}
	em.ResetRequests()
	got := runCLI(t, em, "", "users", "force-password-reset", "--yes", "--email-domain", "corp.example")
	if got.code != 0 || !strings.Contains(got.stdout, "Summary: 2 done, 0 skipped, 0 failed") {
		t.Fatalf("exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	for _, e := range []string{"ann@corp.example", "bob@corp.example"} {
		if n := posts(em, "/users/"+userByEmail(t, em, e)+"/password/set_compromised"); n != 1 {
			t.Errorf("%s reset %d times, want 1", e, n)
		}
	}
	got = runCLI(t, em, "", "--json", "users", "list", "--email-domain", "corp.example")
	if got.code != 0 || strings.Count(got.stdout, `"object": "user"`)+strings.Count(got.stdout, `"object":"user"`) != 2 {
		t.Errorf("users list --email-domain: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
}

// Targets piped on stdin are not counted as zero in the confirmation.
func TestBatchConfirmationWithStdinTargets(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	got := runCLI(t, em, "ada@example.com\ngrace@example.com\n", "users", "force-password-reset", "--from-file", "-")
	if got.code != exitUsage || strings.Contains(got.stderr, "0 users") || !strings.Contains(got.stderr, "the users listed on standard input") {
		t.Errorf("exit %d: %s", got.code, got.stderr)
	}
}

// A flag error under --json is a JSON object, wherever --json stands.
func TestFlagErrorsUnderJSON(t *testing.T) {
	t.Parallel()
	em := newEmulator(t)
	for _, args := range [][]string{
		{"users", "force-password-reset", "--concurrency", "lots", "--json", "ada@example.com"},
		{"--json", "users", "force-password-reset", "--no-such-flag"},
		{"--no-such-flag", "--json", "users", "list"},
		{"users", "list", "--limit", "x", "-o", "json"},
	} {
		got := runCLI(t, em, "", args...)
		var e map[string]any
		if got.code != exitUsage || json.Unmarshal([]byte(strings.TrimSpace(got.stderr)), &e) != nil {
			t.Errorf("%v: exit %d, stderr %q; want a JSON error", args, got.code, got.stderr)
		}
	}
}
