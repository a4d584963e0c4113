package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// TestMain lets a test run this very binary as the clerk tool, in a
// process of its own, so that it can be sent a real SIGINT.
func TestMain(m *testing.M) {
	if os.Getenv("CLERK_CLI_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestSIGINTThenResume interrupts a rate-limited force-password-reset with
// SIGINT in mid-run, reruns it with the same journal, and checks in the
// emulator's request log that every user was reset exactly once.
func TestSIGINTThenResume(t *testing.T) {
	t.Parallel()
	const n, interruptAfter = 120, 40
	em := clerktest.New()
	t.Cleanup(em.Close)
	svc := users.New(em.Client())
	dir := t.TempDir()
	list := filepath.Join(dir, "users.txt")
	var b strings.Builder
	for i := range n {
		email := fmt.Sprintf("u%d@example.com", i)
		if _, err := svc.Create(t.Context(), &users.CreateParams{EmailAddress: clerk.Value([]string{email}), Password: clerk.String("correct-horse-battery")}); err != nil {
			t.Fatal(err)
		}
		b.WriteString(email + "\n")
	}
	if err := os.WriteFile(list, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	em.ResetRequests()
	em.SetServerRateLimit(100, time.Second)
	journal := filepath.Join(dir, "reset.journal")
	args := []string{"users", "force-password-reset", "--yes", "--json", "--journal", journal, "--from-file", list, "--concurrency", "8", "--rate", "100/1s"}

	first := runChild(t, em, args, interruptAfter)
	if first.code != exitInterrupted || !first.sum.Summary.Stopped {
		t.Fatalf("interrupted run: exit %d, summary %+v\n%s", first.code, first.sum, first.stderr)
	}
	second := runChild(t, em, args, 0)
	if second.code != exitOK {
		t.Fatalf("resumed run: exit %d, summary %+v\n%s", second.code, second.sum, second.stderr)
	}
	d1, d2 := first.sum.Summary.Done, second.sum.Summary.Done
	if d1 < interruptAfter || d1 >= n || d1+d2 != n || second.sum.Summary.Skipped != d1 || second.sum.Summary.Failed != 0 {
		t.Fatalf("first run %+v, second run %+v", first.sum.Summary, second.sum.Summary)
	}
	resets := map[string]int{}
	for _, r := range em.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "/password/set_compromised") {
			resets[r.Path]++
		}
	}
	if len(resets) != n {
		t.Fatalf("%d users reset, want %d", len(resets), n)
	}
	for path, c := range resets {
		if c != 1 {
			t.Errorf("%s: %d resets", path, c)
		}
	}
	t.Logf("interrupted run: %d done, %d interrupted; resumed run: %d done, %d skipped; %d set_compromised requests for %d users; %d emulated 429s",
		d1, first.sum.Summary.Interrupted, d2, second.sum.Summary.Skipped, len(resets), n, em.RateLimited())
}

type childRun struct {
	code   int
	sum    summaryLine
	stderr string
}

// runChild runs the tool in a child process; with interruptAfter > 0 it
// sends SIGINT once that many items are done.
func runChild(t *testing.T, em *clerktest.Emulator, args []string, interruptAfter int) childRun {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CLERK_CLI_TEST_MAIN=1", "CLERK_SECRET_KEY="+em.SecretKey(), "CLERK_API_URL="+em.URL())
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var res childRun
	done := 0
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, `{"summary"`) {
			mustJSON(t, []byte(line), &res.sum)
			continue
		}
		if strings.Contains(line, `"status":"done"`) {
			done++
			if done == interruptAfter {
				if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		res.code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	res.stderr = stderr.String()
	return res
}
