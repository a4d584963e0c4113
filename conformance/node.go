package conformance

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clerkgo/clerk/internal/spec"
)

// Call is what a Node driver prints for one call ("@@call" lines).
type Call struct {
	Name   string `json:"name"`   // "api.method", with an optional "#variant"
	Expect string `json:"expect"` // "ok", "error", or "error:<code>" for a Clerk error of that code
	Local  bool   `json:"local"`  // the call may make no request
	// CheckFailed is set when an answer decoded but did not say what
	// Clerk's would (a check of the driver failed).
	CheckFailed string     `json:"check_failed"`
	Returned    bool       `json:"returned"`  // the call returned (did not throw)
	Threw       *Thrown    `json:"threw"`     // what it threw, if it did
	Exchanges   []Exchange `json:"exchanges"` // every HTTP exchange it made, in order
}

// Thrown is what a call threw, as the driver describes it.
type Thrown struct {
	Name    string        `json:"name"`    // the error's class or kind
	Message string        `json:"message"` // its message
	Status  int           `json:"status"`  // the HTTP status of a Clerk API error, else 0
	Errors  []ThrownError `json:"errors"`  // the errors of a Clerk API error
}

// ThrownError is one error of a Clerk error answer, as a client surfaced it.
type ThrownError struct {
	Code        string `json:"code"`         // Clerk's error code
	LongMessage string `json:"long_message"` // its long message
}

// String gives the status, first error code and long message of an API
// error, or the error's name and message when the client threw otherwise.
func (th *Thrown) String() string {
	if th.Status != 0 && len(th.Errors) > 0 {
		return fmt.Sprintf("%d %s (%s)", th.Status, th.Errors[0].Code, th.Errors[0].LongMessage)
	}
	return th.Name + ": " + th.Message
}

// NodeRun is the output of one run of a Node driver.
type NodeRun struct {
	Methods []string // from the "@@methods" line, when the driver prints one
	Calls   []Call   // one per call the driver made, in order
}

// NeedNode returns the node binary and the js directory with Clerk's
// packages installed by scripts/setup-conformance; without them the test
// skips, except under CI, where it fails.
func NeedNode(t testing.TB) (node, dir string) {
	t.Helper()
	dir, err := filepath.Abs("js")
	if err != nil {
		t.Fatal(err)
	}
	node, err = exec.LookPath("node")
	if err == nil {
		_, err = os.Stat(filepath.Join(dir, "node_modules", "@clerk", "backend", "package.json"))
	}
	if err != nil {
		if spec.InCI() {
			t.Fatalf("Clerk's JavaScript packages are not installed (%v): scripts/setup-conformance installs them", err)
		}
		t.Skipf("Clerk's JavaScript packages are not installed (%v): run scripts/setup-conformance", err)
	}
	return node, dir
}

// RunNode runs script (in the js directory) against the emulator and parses
// its output.
func RunNode(t testing.TB, e *Emulator, script string, env ...string) NodeRun {
	t.Helper()
	node, dir := NeedNode(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CLERK_API_URL="+e.BaseURL, "CLERK_SECRET_KEY="+e.SecretKey,
		"CLERK_PUBLISHABLE_KEY="+e.PublishableKey, "CLERK_JWT_KEY="+e.JWTKey, "CLERK_MACHINE_SECRET_KEY="+e.MachineKey, "CLERK_PROXY_URL="+e.ProxyURL,
		"CLERK_TELEMETRY_DISABLED=1")
	cmd.Env = append(cmd.Env, env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, stderr.String())
	}
	var run NodeRun
	lines := bufio.NewScanner(bytes.NewReader(out))
	lines.Buffer(make([]byte, 1<<20), 16<<20)
	for lines.Scan() {
		line := lines.Text()
		switch {
		case strings.HasPrefix(line, "@@methods "):
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "@@methods ")), &run.Methods); err != nil {
				t.Fatalf("%s: methods line: %v", script, err)
			}
		case strings.HasPrefix(line, "@@call "):
			var c Call
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "@@call ")), &c); err != nil {
				t.Fatalf("%s: call line: %v", script, err)
			}
			run.Calls = append(run.Calls, c)
		}
	}
	if len(run.Calls) == 0 {
		t.Fatalf("%s ran no call; stderr:\n%s", script, stderr.String())
	}
	return run
}

// Call judges one call of a Clerk client: nil when it got what Clerk would
// give. Every answer must be one the spec allows (or, for a route outside
// the spec, a Clerk error that is not a generic route-not-found); a call
// expected to succeed must not throw, and one expected to fail must throw
// Clerk's error.
func (j *Judge) Call(c Call) error {
	expect, code, _ := strings.Cut(c.Expect, ":")
	if c.CheckFailed != "" {
		return errors.New(c.CheckFailed)
	}
	if len(c.Exchanges) == 0 {
		switch {
		case !c.Local && c.Threw != nil:
			return fmt.Errorf("made no request: %s", c.Threw)
		case !c.Local:
			return errors.New("made no request")
		case expect == "error" && c.Threw == nil:
			return errors.New("succeeded where Clerk's client refuses")
		case expect != "error" && c.Threw != nil:
			return fmt.Errorf("threw %s", c.Threw)
		}
		return nil
	}
	for _, x := range c.Exchanges {
		err := j.Check(x)
		if errors.Is(err, ErrNotInSpec) {
			err = CheckOutsideSpec(x)
		}
		if err != nil {
			return err
		}
	}
	last := c.Exchanges[len(c.Exchanges)-1]
	switch {
	case expect == "error" && c.Threw != nil && code != "" && ErrorCode(last.Body) != code:
		return fmt.Errorf("answered %d %s where Clerk answers %s", last.Status, ErrorCode(last.Body), code)
	case expect == "error" && c.Threw == nil:
		return fmt.Errorf("succeeded (%s %d) where Clerk answers with an error", last.Method, last.Status)
	case expect == "error" && last.Status < 400 && !c.Local:
		return fmt.Errorf("threw %s after a %d answer, where Clerk answers with an error", c.Threw, last.Status)
	case expect != "error" && c.Threw != nil:
		return fmt.Errorf("threw %s", c.Threw)
	}
	return nil
}

// Results judges every call of a run.
func (j *Judge) Results(run NodeRun) []Result {
	out := make([]Result, 0, len(run.Calls))
	for _, c := range run.Calls {
		out = append(out, Result{Name: c.Name, Err: j.Call(c)})
	}
	return out
}
