package tests

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestExamples builds every example once and runs each against the
// in-process emulator (CLERK_SECRET_KEY unset), checking the exit code and
// the lines that show each step worked.
func TestExamples(t *testing.T) {
	bin := t.TempDir()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	build := exec.CommandContext(ctx, "go", "build", "-o", bin+string(os.PathSeparator), "./examples/...", "./cmd/clerk")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tests := []struct {
		name string
		args []string
		want []string // regular expressions, each matching some line
		code int      // the exit code
	}{
		{"quickstart", nil, []string{
			`^No CLERK_SECRET_KEY set: using the in-process clerktest emulator at http://127\.0\.0\.1:\d+/v1$`,
			`^   created user_\w+  Marie Curie <marie\+\d+@example\.com>$`,
			`^   the newest 6 shown; 6 users in all \(users.Count\)$`,
			`^   first_name = "Marie" \(untouched\), last_name = null$`,
			`must choose a new password at next sign-in`,
			`^   Pro   \(pro\)      fee \$20\.00/month, annual_fee \$200\.00/year$`,
			`is valid: user user_\w+, session sess_\w+$`,
			`a tampered token is refused: .*token-invalid-signature`,
			`received user\.deleted \(svix-id msg_\w+\), signature verified$`,
			`^   status 404, code resource_not_found, trace id \w+$`,
			`^Done\.`,
		}, 0},
		{"force-password-reset", nil, []string{
			`^ada@example\.com +done: password marked compromised, sessions revoked$`,
			`^grace@example\.com +done: `,
			`^nobody@example\.com +failed: resolve: no user with this email address$`,
			`^2 done, 0 skipped, 1 failed, 0 in doubt$`,
		}, 1}, // a failed user makes the exit code 1
		{"billing-migration", nil, []string{
			`^  Pro   pro        user  monthly \$20\.00 +annual \$200\.00$`,
			`fee object: \{"amount":2000,"amount_formatted":"20\.00","currency":"USD","currency_symbol":"\$"\}`,
			`^  csubi_\w+  pro +active  free trial: true `,
			`^  stmt_\w+  closed grand total \$20\.00$`,
			`paid +\$20\.00  payment_method: card`,
		}, 0},
		{"http-server", nil, []string{
			`without a token +-> 401 `,
			`with a session token +-> 200 hello user_\w+ \(session sess_\w+\)$`,
			`as an org:member +-> 403 `,
			`as an org:admin +-> 200 admin of acme$`,
		}, 0},
		{"clerk", []string{"--emulator", "users", "force-password-reset", "--email", "ada@example.com", "--dry-run"}, []string{
			`^done +ada@example\.com +user_\w+ +would mark the password compromised and revoke all sessions$`,
			`^Dry run, nothing changed: 1 would change, 0 skipped, 0 failed\.$`,
		}, 0},
	}
	env := cleanEnv()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, filepath.Join(bin, tt.name), tt.args...)
			cmd.Env = env
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if code := cmd.ProcessState.ExitCode(); code != tt.code || (err != nil && code <= 0) {
				t.Fatalf("%s: %v (exit code %d, want %d)\nstdout:\n%s\nstderr:\n%s", tt.name, err, code, tt.code, out, stderr.String())
			}
			for _, w := range tt.want {
				if !regexp.MustCompile("(?m)" + w).Match(out) {
					t.Errorf("no line matches %s in:\n%s", w, out)
				}
			}
		})
	}
}

// cleanEnv is the test's environment without any Clerk credentials, so the
// examples take their emulator path.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "CLERK_") {
			continue
		}
		env = append(env, kv)
	}
	return env
}
