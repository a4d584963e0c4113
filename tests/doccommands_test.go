package tests

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The documents whose commands TestDocCommands runs, relative to the
// repository root.
var commandDocs = []string{"README.md", "MIGRATING.md", "BENCHMARKS.md", "cmd/clerk/README.md"}

// docCommand is one command of a document: a line of a ```sh block
// (continuation lines joined), or a "$ " line of a ```console block with
// the exit status its "[exit N]" line shows.
type docCommand struct {
	doc  string
	line int
	text string
	exit int
	// longRunning is a console command shown without an exit status (it
	// runs until Ctrl-C).
	longRunning bool
}

// notRun lists the commands TestDocCommands does not run, each with the
// reason. The test fails when one of them is no longer in the documents,
// so the list cannot outlive what it excuses.
var notRun = map[string]string{
	"clerk users force-password-reset --yes --journal team.journal --from-file team.txt":                                         "a captured run with injected server faults (a 500 and a connection reset after the write) and its rerun; batch's TestFaultAfterTheWriteResetsNobodyTwice and cmd/clerk's tests reproduce it against the emulator's faults",
	"./scripts/test                 # every check and test of every module (what CI runs); see Development for what it installs": "it is the script that runs this test; CI runs it (.ci/run)",
	"./scripts/test": "it is the script that runs this test; CI runs it (.ci/run)",
	"CLERK_SECRET_KEY=sk_test_... go run ./examples/quickstart    # your instance, read-only (add --write to create and delete two demo users)": "talks to your own Clerk instance (the key is a placeholder); the line above runs the same program against its in-process emulator",
	"go install github.com/clerkgo/clerk/cmd/clerk@latest":                                                              "the module is not published yet (the README says so); the README's box runs the form that works today",
	"source <(clerk completion zsh)       # zsh":                                                                        "a zsh command; the bash line beside it is run",
	"clerk completion fish | source       # fish":                                                                       "a fish command; the bash line beside it is run",
	"CLERK_BATCH_FULL=1 go test -run '^$' -bench SustainedRate -benchtime 1x ./batch   # full scale, about 3.5 minutes": "three and a half minutes; the next line runs the same benchmark at the scale scripts/test uses (CLERK_DOC_COMMANDS_FULL=1 runs it too)",
	"clerk apikeys revoke --yes ak_e2eeb73a2571ec6071fda190ee4c4075 --reason rotated":                                   "names an API key ID of the captured run; API key IDs are random and cannot be seeded",
	"clerk webhooks verify --secret \"$CLERK_WEBHOOK_SIGNING_SECRET\" --body hooks/msg_35WB84zh7s2TurdzJBMiz7ztwvU.json --headers hooks/msg_35WB84zh7s2TurdzJBMiz7ztwvU.headers": "names a delivery file saved in the captured run; delivery IDs are random",
}

// inConsumer are the commands a user runs in their own module beside a
// clone of this repository (README's "Not published yet" box): the test
// runs them in a new module whose ../clerkgo is this repository.
var inConsumer = map[string]bool{
	"go mod edit -replace github.com/clerkgo/clerk=../clerkgo":                          true,
	"go get github.com/clerkgo/clerk@v0.2.0":                                            true,
	"cd ../clerkgo && go install ./cmd/clerk   # the command-line tool, from the clone": true,
}

// withAccount are the README commands shown for a user whose key is
// exported: they run with the documented emulator's CLERK_API_URL and
// CLERK_SECRET_KEY (the other README commands run without them, as on a
// fresh machine).
var withAccount = map[string]bool{
	"go run ./cmd/clerk users force-password-reset --from-file users.txt --journal reset.journal --concurrency 8 --yes": true,
	"go run ./cmd/clerk users force-password-reset --email-domain example.com --journal reset.journal --yes":            true,
}

// docSeed is the emulator state every cmd/clerk/README.md command starts
// from: the users, organization and plan its captured output names, with
// their IDs.
const docSeed = `{
  "users": [
    {"id": "user_Mpjftv61vuuDIOHRiDkGCR5Rg1s", "username": "ada", "first_name": "Ada", "email_addresses": ["ada@example.com"]},
    {"id": "user_EXUCvLe9pYGhMPzIrWgP5OBY4MM", "first_name": "Grace", "email_addresses": ["grace@example.com"]},
    {"id": "user_5GBi6GRhTeZFclZIc7gnGTC64Lt", "first_name": "Alan", "email_addresses": ["alan@example.com"]},
    {"id": "user_2zV8D24GyGABl5qFVUUj7ILW3Is", "first_name": "Katherine", "email_addresses": ["katherine@example.com"]},
    {"id": "user_Ce287cWnWovFBOJ9TpDUukAW5qq", "username": "edsger", "first_name": "Edsger", "email_addresses": ["edsger@example.com"]}
  ],
  "organizations": [{"name": "Acme", "slug": "acme", "created_by": "ada"}],
  "plans": [{"name": "Pro", "slug": "pro", "payer_type": "user", "monthly_fee": 2000}]
}`

// docUsersFile is the users.txt of cmd/clerk/README.md's batch examples.
const docUsersFile = "not-a-user\nuser_Mpjftv61vuuDIOHRiDkGCR5Rg1s\nnobody@example.com\ngrace@example.com\nada@example.com\n"

// docCommands extracts the commands of one document.
func docCommands(t *testing.T, root, doc string) []docCommand {
	t.Helper()
	text, err := os.ReadFile(filepath.Join(root, doc))
	if err != nil {
		t.Fatal(err)
	}
	var out []docCommand
	kind := "" // "sh", "console" or "other" inside a block
	pending := ""
	sc := bufio.NewScanner(bytes.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		line = strings.TrimPrefix(strings.TrimPrefix(line, ">"), " ") // fences inside a blockquote
		if strings.HasPrefix(line, "```") {
			switch {
			case kind != "":
				kind = ""
			case line == "```sh" || line == "```console":
				kind = strings.TrimPrefix(line, "```")
			default:
				kind = "other"
			}
			continue
		}
		switch kind {
		case "sh":
			if pending != "" {
				line = pending + " " + strings.TrimSpace(line)
				pending = ""
			}
			if strings.HasSuffix(line, "\\") {
				pending = strings.TrimSuffix(line, "\\")
				continue
			}
			if s := strings.TrimSpace(line); s != "" && !strings.HasPrefix(s, "#") {
				out = append(out, docCommand{doc: doc, line: n, text: s})
			}
		case "console":
			if cmd, ok := strings.CutPrefix(line, "$ "); ok {
				out = append(out, docCommand{doc: doc, line: n, text: cmd, longRunning: true})
				continue
			}
			if v, ok := strings.CutPrefix(line, "[exit "); ok && len(out) > 0 && out[len(out)-1].longRunning {
				code, err := strconv.Atoi(strings.TrimSuffix(v, "]"))
				if err != nil {
					t.Fatalf("%s:%d: unreadable %q", doc, n, line)
				}
				out[len(out)-1].exit, out[len(out)-1].longRunning = code, false
			}
		}
	}
	return out
}

// TestDocCommands runs every command of README.md, MIGRATING.md,
// BENCHMARKS.md and cmd/clerk/README.md exactly as written, with bash,
// and checks its exit status: 0, or the "[exit N]" a console block shows.
// It is slow (it runs the examples and builds the documented benchmarks), so
// scripts/test runs it as a step of its own with CLERK_DOC_COMMANDS=1.
//
// Where the commands run:
//   - README.md, MIGRATING.md and BENCHMARKS.md: at the repository root,
//     without CLERK_SECRET_KEY (a fresh machine), except the commands of
//     withAccount, and those of inConsumer, which run in a new module
//     beside a ../clerkgo that is this repository.
//   - cmd/clerk/README.md: in a scratch folder holding users.txt, with
//     the clerk tool built from this repository first on PATH, against the
//     emulator its own "clerk emulator" command starts (run as written),
//     whose exports (CLERK_API_URL, CLERK_SECRET_KEY,
//     CLERK_WEBHOOK_SIGNING_SECRET) and printed session token (TOKEN) are
//     in the environment, with SECRET holding a fresh API key's secret.
//     Before each command the emulator is reset and seeded with the
//     users its output names (docSeed), so each runs from the same state.
//   - BENCHMARKS.md: each benchmark runs once (benchOnce: -benchtime 1x,
//     -count 1), and must match at least one benchmark; with
//     CLERK_DOC_COMMANDS_FULL=1 they run as written, with their counts.
//   - No command reaches the network: GOPROXY=off and GOSUMDB=off (the
//     modules come from the cache the earlier steps filled), GOBIN in a
//     temporary folder.
//
// The commands of notRun are not run, for the reason given there.
// CLERK_DOC_COMMANDS_DOCS=cmd/clerk/README.md (a comma-separated list)
// runs the commands of those documents only, while working on them. The
// example programs that README's table names are run by
// TestExamplesRun; this test runs the commands of fenced sh and console
// blocks.
func TestDocCommands(t *testing.T) {
	if os.Getenv("CLERK_DOC_COMMANDS") != "1" {
		t.Skip("slow: scripts/test runs it as a step of its own (CLERK_DOC_COMMANDS=1)")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	var cmds []docCommand
	for _, doc := range commandDocs {
		cmds = append(cmds, docCommands(t, root, doc)...)
	}
	present := map[string]bool{}
	for _, c := range cmds {
		present[c.text] = true
	}
	for text := range notRun {
		if !present[text] {
			t.Errorf("notRun excuses %q, which no document has any more", text)
		}
	}
	for text := range inConsumer {
		if !present[text] {
			t.Errorf("inConsumer names %q, which no document has any more", text)
		}
	}

	tmp := t.TempDir()
	bin := filepath.Join(tmp, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "clerk"), "./cmd/clerk")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building clerk: %v\n%s", err, out)
	}
	base := append(os.Environ(),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GOPROXY=off", "GOSUMDB=off", "GOBIN="+filepath.Join(tmp, "gobin"),
	)
	base = withoutEnv(base, "CLERK_SECRET_KEY", "CLERK_API_URL", "CLERK_WEBHOOK_SIGNING_SECRET")

	scratch := filepath.Join(tmp, "scratch")
	if err := os.MkdirAll(scratch, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(scratch, "users.txt"), []byte(docUsersFile), 0o644); err != nil {
		t.Fatal(err)
	}
	consumer := filepath.Join(tmp, "app")
	if err := os.MkdirAll(consumer, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(root, filepath.Join(tmp, "clerkgo")); err != nil {
		t.Fatal(err)
	}
	initMod := exec.Command("go", "mod", "init", "example.com/app")
	initMod.Dir, initMod.Env = consumer, base
	if out, err := initMod.CombinedOutput(); err != nil {
		t.Fatalf("go mod init: %v\n%s", err, out)
	}

	var emuText string
	for _, c := range cmds {
		if c.longRunning && strings.HasPrefix(c.text, "clerk emulator ") {
			emuText = c.text
		}
	}
	if emuText == "" {
		t.Fatal("cmd/clerk/README.md shows no clerk emulator command")
	}
	emu := startDocEmulator(t, emuText, scratch, base)

	only := os.Getenv("CLERK_DOC_COMMANDS_DOCS") // a comma-separated subset, when set
	// README's force-password-reset runs at the root (the files are
	// git-ignored there): give it a users.txt, unless one exists, and
	// remove what it leaves.
	if only == "" || strings.Contains(","+only+",", ",README.md,") {
		for _, name := range []string{"users.txt", "reset.journal"} {
			if _, err := os.Stat(filepath.Join(root, name)); err == nil {
				t.Fatalf("%s exists at the repository root; the README's batch command would use it", name)
			}
			t.Cleanup(func() { os.Remove(filepath.Join(root, name)) })
		}
		if err := os.WriteFile(filepath.Join(root, "users.txt"), []byte("ada@example.com\ngrace@example.com\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ran := 0
	for _, c := range cmds {
		if only != "" && !strings.Contains(","+only+",", ","+c.doc+",") {
			continue
		}
		if reason, skip := notRun[c.text]; skip {
			if os.Getenv("CLERK_DOC_COMMANDS_FULL") != "1" || !strings.HasPrefix(c.text, "CLERK_BATCH_FULL=1") {
				t.Logf("%s:%d: not run (%s): %s", c.doc, c.line, reason, c.text)
				continue
			}
		}
		if c.longRunning {
			continue // the emulator, started above
		}
		env, dir := base, root
		switch {
		case inConsumer[c.text]:
			dir = consumer
		case c.doc == "cmd/clerk/README.md":
			dir, env = scratch, append(append([]string{}, base...), emu.prepare(t)...)
		case withAccount[c.text]:
			env = append(append([]string{}, base...), emu.prepare(t)...)
		}
		text := c.text
		if c.doc == "BENCHMARKS.md" && os.Getenv("CLERK_DOC_COMMANDS_FULL") != "1" {
			text = benchOnce(text)
		}
		cmd := exec.Command("bash", "-c", text)
		cmd.Dir, cmd.Env = dir, env
		start := time.Now()
		out, err := cmd.CombinedOutput()
		code := 0
		if err != nil {
			exitErr, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatalf("%s:%d: %v", c.doc, c.line, err)
			}
			code = exitErr.ExitCode()
		}
		ran++
		if strings.Contains(text, " -bench ") && !bytes.Contains(out, []byte("\nBenchmark")) {
			t.Errorf("%s:%d: %s\nran no benchmark: the pattern matches none; output:\n%s", c.doc, c.line, text, tail(out, 3000))
			continue
		}
		if code != c.exit {
			t.Errorf("%s:%d: %s\nexit %d, the document says %d; output:\n%s", c.doc, c.line, c.text, code, c.exit, tail(out, 3000))
			continue
		}
		how := "as written"
		if text != c.text {
			how = "adapted to " + text
		}
		t.Logf("%s:%d: exit %d as documented, %s, %s: %s", c.doc, c.line, code, time.Since(start).Round(time.Millisecond), how, c.text)
	}
	t.Logf("%d commands run (BENCHMARKS.md's adapted as benchOnce says unless CLERK_DOC_COMMANDS_FULL=1), %d listed as not run", ran, len(notRun))
}

// docEmulator is the emulator cmd/clerk/README.md's own command starts.
type docEmulator struct {
	url, key string
	env      []string
}

// startDocEmulator runs a "clerk emulator" command in dir and reads what
// it prints: its exports and its session token.
func startDocEmulator(t *testing.T, text, dir string, env []string) *docEmulator {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, "bash", "-c", "exec "+text)
	cmd.Dir, cmd.Env = dir, env
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
	})
	e := &docEmulator{}
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	tokenNext := false
	for sc.Scan() {
		line := sc.Text()
		if tokenNext && line != "" {
			e.env = append(e.env, "TOKEN="+line)
			break
		}
		if strings.HasPrefix(line, "Session token for ") {
			tokenNext = true
		}
		if kv, ok := strings.CutPrefix(line, "export "); ok {
			e.env = append(e.env, kv)
			k, v, _ := strings.Cut(kv, "=")
			switch k {
			case "CLERK_API_URL":
				e.url = v
			case "CLERK_SECRET_KEY":
				e.key = v
			}
		}
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	if e.url == "" || e.key == "" || !tokenNext {
		t.Fatalf("%s printed no CLERK_API_URL, CLERK_SECRET_KEY or session token", text)
	}
	return e
}

// prepare resets the emulator, loads docSeed and creates an API key, and
// returns the environment of a command: the emulator's exports, TOKEN, and
// SECRET, the new key's secret.
func (e *docEmulator) prepare(t *testing.T) []string {
	t.Helper()
	control := strings.TrimSuffix(e.url, "/v1") + "/__clerktest/"
	e.call(t, http.MethodPost, control+"reset", "", nil)
	e.call(t, http.MethodPost, control+"seed", docSeed, nil)
	var key struct {
		Secret string `json:"secret"`
	}
	e.call(t, http.MethodPost, e.url+"/api_keys", `{"name":"deploy","subject":"user_Mpjftv61vuuDIOHRiDkGCR5Rg1s"}`, &key)
	if key.Secret == "" {
		t.Fatal("the emulator created an API key without a secret")
	}
	return append(append([]string{}, e.env...), "SECRET="+key.Secret)
}

// call sends one request to the emulator with its key and decodes the
// answer into out when out is not nil.
func (e *docEmulator) call(t *testing.T, method, url, body string, out any) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		t.Fatalf("%s %s: %d %s", method, url, resp.StatusCode, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v", method, url, err)
		}
	}
}

// benchOnce adapts a documented benchmark command to run each benchmark
// once: -benchtime becomes 1x and -count 1. The command is otherwise as
// written (same folder, package and pattern, which must match a benchmark).
// With CLERK_DOC_COMMANDS_FULL=1 the commands run as written (several
// minutes on two cores).
func benchOnce(cmd string) string {
	f := strings.Fields(cmd)
	for i := 0; i+1 < len(f); i++ {
		switch f[i] {
		case "-benchtime":
			f[i+1] = "1x"
		case "-count":
			f[i+1] = "1"
		}
	}
	return strings.Join(f, " ")
}

// withoutEnv drops the named variables from env.
func withoutEnv(env []string, names ...string) []string {
	var out []string
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		drop := false
		for _, n := range names {
			drop = drop || k == n
		}
		if !drop {
			out = append(out, kv)
		}
	}
	return out
}

// tail returns the last n bytes of b, for failure messages.
func tail(b []byte, n int) string {
	if len(b) <= n {
		return string(b)
	}
	return fmt.Sprintf("...%s", b[len(b)-n:])
}
