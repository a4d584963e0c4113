package main

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/batch"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// lockedBuffer is a bytes.Buffer safe for a writer and a reader running at
// the same time.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// newEmulator starts a seeded emulator for one test.
func newEmulator(t *testing.T) *clerktest.Emulator {
	t.Helper()
	em := clerktest.New(clerktest.WithDemoData())
	t.Cleanup(em.Close)
	return em
}

// outcome is what one run of the tool produced.
type outcome struct {
	code           int
	stdout, stderr string
}

// runWith runs the tool in-process with the given environment and stdin.
func runWith(ctx context.Context, env map[string]string, stdin string, args ...string) outcome {
	var out, errb lockedBuffer
	code := run(ctx, args, strings.NewReader(stdin), &out, &errb, func(k string) string { return env[k] })
	return outcome{code: code, stdout: out.String(), stderr: errb.String()}
}

// runCLI runs the tool against em.
func runCLI(t *testing.T, em *clerktest.Emulator, stdin string, args ...string) outcome {
	t.Helper()
	env := map[string]string{"CLERK_SECRET_KEY": em.SecretKey(), "CLERK_API_URL": em.URL()}
	return runWith(t.Context(), env, stdin, append([]string{"--max-retries", "0", "--rate", "off"}, args...)...)
}

// userByEmail returns the ID of the emulator user with this email.
func userByEmail(t *testing.T, em *clerktest.Emulator, email string) string {
	t.Helper()
	page, err := users.New(em.Client()).List(t.Context(), &users.ListParams{EmailAddress: []string{email}})
	if err != nil || len(page.Data) != 1 {
		t.Fatalf("find %s: %v (%d users)", email, err, len(page.Data))
	}
	return page.Data[0].ID
}

// passwordlessUser creates a user who signs in without a password.
func passwordlessUser(t *testing.T, em *clerktest.Emulator, email string) string {
	t.Helper()
	u, err := users.New(em.Client()).Create(t.Context(), &users.CreateParams{EmailAddress: clerk.Value([]string{email})})
	if err != nil {
		t.Fatalf("create passwordless user: %v", err)
	}
	if u.PasswordEnabled {
		t.Fatalf("user %s has a password", u.ID)
	}
	return u.ID
}

// posts counts the POST requests em received on paths ending in suffix.
func posts(em *clerktest.Emulator, suffix string) int {
	n := 0
	for _, r := range em.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, suffix) {
			n++
		}
	}
	return n
}

func contextCanceled(t *testing.T) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	return ctx, cancel
}

func progressOf(done, skipped, failed, total int64) batch.Progress {
	n := done + skipped + failed
	return batch.Progress{Done: done, Skipped: skipped, Failed: failed, Total: total + 2, Rate: 3.5, ETA: time.Duration(float64(total+2-n) / 3.5 * float64(time.Second))}
}
