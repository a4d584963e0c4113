package conformance

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clerkgo/clerk/auth/proxy"
	"github.com/clerkgo/clerk/internal/spec"
)

// SecretKey is the fixed instance secret key the emulator is started with.
const SecretKey = "sk_test_conformancefixedsecretkey0123456789"

// Emulator is a running standalone emulator (the clerk emulator command).
type Emulator struct {
	BaseURL        string // the server's root, without /v1
	SecretKey      string // the instance's sk_test_ key
	PublishableKey string // the instance's pk_test_ key
	JWTKey         string // PEM public key that verifies its session tokens
	MachineKey     string // the machine secret key of the instance's default machine
	// ProxyURL is a Frontend API proxy (auth/proxy) on loopback in front
	// of the emulator, for the clients' proxy checks.
	ProxyURL string
}

// StartEmulator builds the clerk command of this repository (the root
// module) and starts
// `clerk emulator` on a free loopback port with its demo data, and a
// Frontend API proxy in front of it, stopping both when the test ends.
func StartEmulator(t testing.TB) *Emulator {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "clerk")
	root, err := spec.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", "build", "-o", bin, "./cmd/clerk")
	build.Dir = root // the repository's root module, which the command belongs to
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build clerk: %v\n%s", err, out)
	}
	srv := exec.Command(bin, "emulator", "--port", "0", "--secret-key", SecretKey)
	stdout, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	srv.Stderr = os.Stderr
	if err := srv.Start(); err != nil {
		t.Fatalf("start the emulator: %v", err)
	}
	t.Cleanup(func() {
		_ = srv.Process.Signal(os.Interrupt)
		_ = srv.Wait()
	})
	lines := bufio.NewScanner(stdout)
	var apiURL string
	for lines.Scan() {
		if rest, ok := strings.CutPrefix(lines.Text(), "Clerk emulator listening on "); ok {
			apiURL = strings.TrimSpace(rest)
			break
		}
	}
	if apiURL == "" {
		t.Fatal("the emulator did not print its address")
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }() // never let the server block on its output

	e := &Emulator{BaseURL: strings.TrimSuffix(apiURL, "/v1"), SecretKey: SecretKey}
	var cfg struct {
		PublishableKey string `json:"publishable_key"`
		JWTKey         string `json:"jwt_key"`
		MachineKey     string `json:"machine_secret_key"`
	}
	if err := e.Control(http.MethodGet, "config", &cfg); err != nil {
		t.Fatalf("emulator config: %v", err)
	}
	e.PublishableKey, e.JWTKey, e.MachineKey = cfg.PublishableKey, cfg.JWTKey, cfg.MachineKey
	px, err := proxy.New(proxy.Config{PublishableKey: e.PublishableKey, SecretKey: e.SecretKey, FrontendAPIURL: e.BaseURL})
	if err != nil {
		t.Fatalf("Frontend API proxy: %v", err)
	}
	pxSrv := httptest.NewServer(px)
	t.Cleanup(pxSrv.Close)
	e.ProxyURL = pxSrv.URL + proxy.DefaultPath
	return e
}

// Control calls the emulator's control API and decodes its answer into out.
func (e *Emulator) Control(method, name string, out any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, e.BaseURL+"/__clerktest/"+name, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+e.SecretKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("control %s: status %d", name, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
