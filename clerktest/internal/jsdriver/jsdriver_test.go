// Package jsdriver holds the test that drives the standalone emulator
// (the clerk emulator command) with Clerk's JavaScript Backend SDK.
package jsdriver

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// need skips the test when a prerequisite is missing, except under
// CI=true, where it fails.
func need(t *testing.T, ok bool, why string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (run scripts/jsdriver-setup)", why)
	}
	t.Skipf("%s: run scripts/jsdriver-setup to install @clerk/backend", why)
}

// TestClerkBackendSDKAgainstStandaloneEmulator builds the clerk command,
// starts `clerk emulator` with fixed keys, and runs driver.mjs against it.
func TestClerkBackendSDKAgainstStandaloneEmulator(t *testing.T) {
	node, err := exec.LookPath("node")
	need(t, err == nil, "node is not installed")
	_, err = os.Stat(filepath.Join("node_modules", "@clerk", "backend", "package.json"))
	need(t, err == nil, "@clerk/backend is not installed in clerktest/internal/jsdriver/node_modules")

	dir := t.TempDir()
	bin := filepath.Join(dir, "clerk")
	build := exec.Command("go", "build", "-o", bin, "github.com/clerkgo/clerk/cmd/clerk")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build clerk: %v\n%s", err, out)
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	der, _ := x509.MarshalPKCS8PrivateKey(key)
	keyFile := filepath.Join(dir, "jwt.pem")
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	pubDER, _ := x509.MarshalPKIXPublicKey(&key.PublicKey)
	pubPEM := string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER}))
	const secret = "sk_test_jsdriverfixedsecretkey0123456789"

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	srv := exec.CommandContext(ctx, bin, "emulator", "--port", "0", "--no-demo-data",
		"--secret-key", secret, "--jwt-key", keyFile, "--state", filepath.Join(dir, "state.json"))
	stdout, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	srv.Stderr = os.Stderr
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = srv.Process.Signal(os.Interrupt)
		_ = srv.Wait()
	}()
	var apiURL string
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		if rest, ok := strings.CutPrefix(lines.Text(), "Clerk emulator listening on "); ok {
			apiURL = strings.TrimSuffix(strings.TrimSpace(rest), "/v1")
			break
		}
	}
	if apiURL == "" {
		t.Fatal("the emulator did not print its address")
	}
	go func() { // keep draining stdout so the server never blocks on it
		for lines.Scan() {
		}
	}()

	cmd := exec.CommandContext(ctx, node, "driver.mjs")
	cmd.Env = append(os.Environ(), "CLERK_API_URL="+apiURL, "CLERK_SECRET_KEY="+secret, "CLERK_JWT_KEY="+pubPEM)
	out, err := cmd.CombinedOutput()
	t.Logf("driver output:\n%s", out)
	if err != nil {
		t.Fatalf("driver: %v", err)
	}
	if n := strings.Count(string(out), "\nok ") + 1; !strings.HasPrefix(string(out), "ok ") || n < 15 {
		t.Errorf("driver ran %d steps, want 15", n)
	}
}
