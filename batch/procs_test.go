package batch_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/batch"
	"github.com/clerkgo/clerk/clerktest"
)

// The child process: a forced password reset run over a target file with a
// journal, as the CLI runs it, reporting each item on a line.
const childEnv = "BATCH_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(childMain())
	}
	os.Exit(m.Run())
}

func childMain() int {
	rate, _ := strconv.Atoi(os.Getenv("CHILD_RATE"))
	conc, _ := strconv.Atoi(os.Getenv("CHILD_CONCURRENCY"))
	opts := []clerk.Option{clerk.WithBaseURL(os.Getenv("CHILD_URL"))}
	if rate > 0 {
		opts = append(opts, clerk.WithRateLimit(clerk.RateLimit{Requests: rate, Per: time.Second}))
	}
	c, err := clerk.NewClient(os.Getenv("CHILD_KEY"), opts...)
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	j, err := batch.OpenJournal(os.Getenv("CHILD_JOURNAL"), batch.SyncEach)
	if err != nil {
		fmt.Println("journal-error:", err)
		return 3
	}
	defer j.Close()
	if os.Getenv("CHILD_HOLD") != "" {
		// Hold the journal open until the parent says go.
		fmt.Println("opened")
		if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
			return 1
		}
	}
	file, err := os.Open(os.Getenv("CHILD_TARGETS"))
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	defer file.Close()
	sum, err := batch.Run(context.Background(), batch.FromReader(file, "targets"), batch.ForcePasswordReset(c), batch.Options{
		Concurrency: conc, Journal: j,
		OnItem: func(it batch.Item) { fmt.Println("item", it.Status) },
	})
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	fmt.Printf("summary done=%d skipped=%d failed=%d\n", sum.Done, sum.Skipped, sum.Failed)
	return 0
}

// inflight is a reverse proxy in front of the emulator that knows how many
// requests it is still handling. It carries each request through even when
// its client is gone, so that a test can wait until every request a killed
// process sent has been fully handled by the emulator before it looks at
// the state: no request is still on its way when the rerun checks.
type inflight struct {
	srv *httptest.Server
	wg  sync.WaitGroup
}

func newInflight(t *testing.T, target string) *inflight {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := &inflight{}
	proxy := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: u.Scheme, Host: u.Host})
	proxy.ErrorLog = log.New(io.Discard, "", 0) // a write to a killed client fails, as expected
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.wg.Add(1)
		defer p.wg.Done()
		// Neither the request's context nor a close notification (the
		// bare ResponseWriter hides it) cancels the forwarded request.
		proxy.ServeHTTP(struct{ http.ResponseWriter }{w}, r.WithContext(context.WithoutCancel(r.Context())))
	}))
	t.Cleanup(p.srv.Close)
	return p
}

// child starts a child process on f's emulator (through proxy, when set).
func (f *fleet) child(t *testing.T, journal, targets string, rate, concurrency int, hold bool, proxy ...*inflight) (*exec.Cmd, io.WriteCloser, *bufio.Scanner) {
	t.Helper()
	base := f.em.URL()
	if len(proxy) > 0 {
		base = proxy[0].srv.URL + "/v1"
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1", "CHILD_URL="+base, "CHILD_KEY="+f.em.SecretKey(),
		"CHILD_JOURNAL="+journal, "CHILD_TARGETS="+targets, "CHILD_RATE="+strconv.Itoa(rate), "CHILD_CONCURRENCY="+strconv.Itoa(concurrency))
	if hold {
		cmd.Env = append(cmd.Env, "CHILD_HOLD=1")
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	t.Cleanup(func() {
		_ = syscall.Kill(pid, syscall.SIGKILL) // by PID, if still running
		_ = cmd.Wait()
	})
	return cmd, stdin, bufio.NewScanner(stdout)
}

func (f *fleet) targetFile(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "targets.txt")
	if err := os.WriteFile(p, []byte(strings.Join(f.ids, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// until reads lines until one starts with prefix, and returns it.
func until(t *testing.T, sc *bufio.Scanner, prefix string) string {
	t.Helper()
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), prefix) {
			return sc.Text()
		}
	}
	t.Fatalf("child ended without saying %q", prefix)
	return ""
}

// Row 2: two processes started on the same journal by mistake. The second
// refuses to start while the first holds the journal; run again after the
// first ends, it finds everything done.
func TestSecondProcessOnAJournalRefuses(t *testing.T) {
	t.Parallel()
	f := newFleet(t, 60)
	journal := filepath.Join(t.TempDir(), "journal")
	targets := f.targetFile(t)
	first, firstIn, firstOut := f.child(t, journal, targets, 0, 4, true)
	until(t, firstOut, "opened")
	second, _, secondOut := f.child(t, journal, targets, 0, 4, false)
	var said []string
	for secondOut.Scan() {
		said = append(said, secondOut.Text())
	}
	err := second.Wait()
	t.Logf("second process: %v: %s", err, strings.Join(said, " | "))
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 3 || len(said) == 0 || !strings.Contains(said[0], "in use by another run") {
		t.Errorf("the second process on a busy journal: %v, said %q; want it refused with a clear message", err, said)
	}
	if _, err := io.WriteString(firstIn, "go\n"); err != nil {
		t.Fatal(err)
	}
	until(t, firstOut, "summary")
	for firstOut.Scan() {
	}
	if err := first.Wait(); err != nil {
		t.Fatalf("first process: %v", err)
	}
	// The recovery: run it again.
	rerun := runReset(t, f.em.Client(), journal, f.ids, batch.Options{Concurrency: 4})
	t.Logf("rerun: %+v", rerun.Progress)
	f.expectExactlyOnce(t, journal)
}

// Row 3: the process is killed (SIGKILL) mid-run. The start record is
// written as a request leaves, after the limiter's wait, so only requests
// in flight are in doubt; the rerun settles them from the sessions and
// resets nobody twice and everybody once.
func TestKilledRunIsResumedExactlyOnce(t *testing.T) {
	t.Parallel()
	f := newFleet(t, 80)
	// Slow answers keep requests in flight when the kill lands.
	if err := f.em.InjectFault(clerktest.Fault{Method: "POST", Path: "/users/*/password/set_compromised", Kind: clerktest.FaultLatency, Latency: 150 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	journal := filepath.Join(t.TempDir(), "journal")
	proxy := newInflight(t, f.em.URL())
	cmd, _, out := f.child(t, journal, f.targetFile(t), 40, 8, false, proxy)
	for n := 0; n < 25; {
		until(t, out, "item")
		n++
	}
	if err := syscall.Kill(cmd.Process.Pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	// Requests the child had sent are finished by the emulator before
	// anything is counted or checked.
	proxy.wg.Wait()
	before := len(f.resets())
	var checked atomic.Int32
	rerun := runReset(t, f.em.Client(), journal, f.ids, batch.Options{Concurrency: 4, SettleTime: time.Millisecond, OnItem: func(it batch.Item) {
		if strings.HasPrefix(it.Detail, "checked:") {
			checked.Add(1)
		}
	}})
	t.Logf("killed after %d users were reset; rerun: %+v, %d in doubt settled by a check", before, rerun.Progress, checked.Load())
	f.expectExactlyOnce(t, journal)
	if rerun.Failed != 0 || rerun.InDoubt != 0 {
		t.Errorf("rerun: %d failed, %d in doubt; want none", rerun.Failed, rerun.InDoubt)
	}
}
