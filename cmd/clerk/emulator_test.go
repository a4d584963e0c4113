package main

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"
)

// serveEmulator runs "clerk emulator args..." until the test ends and
// returns the environment that points the tool at it.
func serveEmulator(t *testing.T, args ...string) map[string]string {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	var out, errb lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"emulator", "--port", "0"}, args...), strings.NewReader(""), &out, &errb, func(string) string { return "" })
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	re := regexp.MustCompile(`(?m)^export CLERK_API_URL=(\S+)\nexport CLERK_SECRET_KEY=(\S+)$`)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(out.String(), "Press Ctrl-C") {
			m := re.FindStringSubmatch(out.String())
			if m == nil {
				break
			}
			return map[string]string{"CLERK_API_URL": m[1], "CLERK_SECRET_KEY": m[2]}
		}
	}
	t.Fatalf("the emulator did not start:\n%s\n%s", out.String(), errb.String())
	return nil
}

// --rate-limit makes the served emulator refuse requests past the limit
// with 429, as Clerk does.
func TestEmulatorCommandRateLimit(t *testing.T) {
	t.Parallel()
	env := serveEmulator(t, "--no-demo-data", "--rate-limit", "2/1h")
	for i := range 3 {
		got := runWith(t.Context(), env, "", "users", "list", "--rate", "off", "--max-retries", "0")
		if want := i < 2; (got.code == 0) != want {
			t.Fatalf("request %d: exit %d, %s", i+1, got.code, got.stderr)
		}
		if i == 2 && !strings.Contains(got.stderr, "429") {
			t.Errorf("refused request: %s", got.stderr)
		}
	}
	if got := runWith(t.Context(), nil, "", "emulator", "--rate-limit", "fast"); got.code != exitUsage {
		t.Errorf("--rate-limit fast: exit %d", got.code)
	}
}

// The emulator's help lists its own flags only: the common ones (--json,
// --rate, --redis, ...) do nothing there, and are refused after its name.
func TestEmulatorHelpListsOwnFlags(t *testing.T) {
	t.Parallel()
	got := runWith(t.Context(), nil, "", "emulator", "-h")
	if got.code != exitOK || !strings.Contains(got.stdout, "--rate-limit") || !strings.Contains(got.stdout, "--listen") {
		t.Fatalf("emulator -h: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	for _, common := range []string{"--json", "--output", "--emulator", "--max-retries", "--rate ", "--redis", "--yes"} {
		if strings.Contains(got.stdout, common) {
			t.Errorf("emulator -h lists %s:\n%s", common, got.stdout)
		}
	}
	if got := runWith(t.Context(), nil, "", "emulator", "--redis", "redis://127.0.0.1:1"); got.code != exitUsage {
		t.Errorf("emulator --redis: exit %d, want %d", got.code, exitUsage)
	}
}
