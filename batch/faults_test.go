package batch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/batch"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/sessions"
	"github.com/clerkgo/clerk/users"
)

// The tests in this file and in procs_test.go play the rows of issue 18's
// table: a fault a network or an operator can produce, then the documented
// recovery (run the same command again), then the emulator's log is
// counted per user. Every user must have been reset exactly once, none
// missed, and the journal must still open.

// fleet is an emulator with n users who have a password and one session
// each, opened a minute before the run by the emulator's clock (so that a
// reset in doubt can be settled from the sessions).
type fleet struct {
	em     *clerktest.Emulator
	ids    []string
	emails []string
}

func newFleet(tb testing.TB, n int) *fleet {
	tb.Helper()
	var offset atomic.Int64
	offset.Store(int64(-time.Minute))
	em := clerktest.New(clerktest.WithLogSize(1<<16), clerktest.WithNow(func() time.Time {
		return time.Now().Add(time.Duration(offset.Load()))
	}))
	tb.Cleanup(em.Close)
	em.SetServerRateLimit(0, 0)
	c := em.Client()
	f := &fleet{em: em}
	for i := range n {
		email := fmt.Sprintf("member%d@example.com", i)
		u, err := users.New(c).Create(tb.Context(), &users.CreateParams{
			EmailAddress: clerk.Value([]string{email}), Password: clerk.String(fmt.Sprintf("correct-horse-%d-battery", i)),
		})
		if err != nil {
			tb.Fatalf("seed user %d: %v", i, err)
		}
		if _, err := sessions.New(c).Create(tb.Context(), &sessions.CreateParams{UserID: u.ID}); err != nil {
			tb.Fatalf("seed session %d: %v", i, err)
		}
		f.ids, f.emails = append(f.ids, u.ID), append(f.emails, email)
	}
	offset.Store(0)
	em.ResetRequests()
	return f
}

// resets counts, per user, the set_compromised requests the emulator
// acted on: answered, or failed by a fault injected after the write.
func (f *fleet) resets() map[string]int {
	out := map[string]int{}
	for _, r := range f.em.Requests() {
		if r.Method != "POST" || !strings.HasSuffix(r.Path, "/password/set_compromised") {
			continue
		}
		if r.Fault == "status" || r.Fault == "reset" {
			continue // refused before the handler ran
		}
		id := strings.TrimSuffix(strings.TrimPrefix(r.Path, "/v1/users/"), "/password/set_compromised")
		out[id]++
	}
	return out
}

// tally counts the users reset twice or more and those never reset.
func (f *fleet) tally() (twice, missed int) {
	n := f.resets()
	for _, id := range f.ids {
		switch c := n[id]; {
		case c > 1:
			twice++
		case c == 0:
			missed++
		}
	}
	return twice, missed
}

// expectExactlyOnce fails unless every user was reset exactly once and the
// journal at path still opens.
func (f *fleet) expectExactlyOnce(t *testing.T, path string) {
	t.Helper()
	twice, missed := f.tally()
	t.Logf("%d users: %d reset twice or more, %d never reset", len(f.ids), twice, missed)
	if twice != 0 || missed != 0 {
		t.Errorf("%d users reset twice or more, %d never reset; want every user exactly once", twice, missed)
	}
	if path == "" {
		return
	}
	j, err := batch.OpenJournal(path, batch.SyncNever)
	if err != nil {
		t.Fatalf("the journal no longer opens: %v", err)
	}
	j.Close()
}

// runReset runs a forced password reset over targets with a journal at
// path, opened for this run only.
func runReset(t *testing.T, c *clerk.Client, path string, targets []string, o batch.Options) batch.Summary {
	t.Helper()
	j, err := batch.OpenJournal(path, batch.SyncNever)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	o.Journal = j
	sum, err := batch.Run(t.Context(), batch.FromSlice("targets", targets), batch.ForcePasswordReset(c), o)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// Row 1: the server performs the reset, then answers 500, resets the
// connection, or cuts the answer short. Those users are in doubt, not
// failed; the rerun settles them from their sessions and resets nobody
// twice. A connection reset before the write is in doubt too, and the
// rerun finds it did not land and resets those users once.
func TestFaultAfterTheWriteResetsNobodyTwice(t *testing.T) {
	t.Parallel()
	f := newFleet(t, 120)
	const each = 5
	for _, fault := range []clerktest.Fault{
		{Method: "POST", Path: "/users/*/password/set_compromised", Count: each, Kind: clerktest.FaultStatusAfterWrite, Status: 500},
		{Method: "POST", Path: "/users/*/password/set_compromised", Count: each, Kind: clerktest.FaultResetAfterWrite},
		{Method: "POST", Path: "/users/*/password/set_compromised", Count: each, Kind: clerktest.FaultTruncate},
		// Reset before the write: in doubt too (the client cannot tell),
		// and the rerun finds the sessions untouched and resets them.
		{Method: "POST", Path: "/users/*/password/set_compromised", Count: each, Kind: clerktest.FaultReset},
	} {
		if err := f.em.InjectFault(fault); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "journal")
	targets := append(append([]string{}, f.emails[:60]...), f.ids[60:]...)
	c := f.em.Client()
	first := runReset(t, c, path, targets, batch.Options{Concurrency: 4})
	t.Logf("first run: %+v", first.Progress)
	// The faulty answers came back, so the server is done with them; no
	// need to let them settle.
	rerun := runReset(t, c, path, targets, batch.Options{Concurrency: 4, SettleTime: time.Millisecond})
	t.Logf("rerun: %+v", rerun.Progress)
	f.expectExactlyOnce(t, path)
	if first.Failed != 0 || first.InDoubt != 4*each {
		t.Errorf("first run: %d failed, %d in doubt; want 0 and %d", first.Failed, first.InDoubt, 4*each)
	}
	if rerun.InDoubt != 0 || rerun.Failed != 0 {
		t.Errorf("rerun left %d in doubt and %d failed", rerun.InDoubt, rerun.Failed)
	}
}

// Rows 4 and 5: transient errors never fail a user. A burst of 429s (on
// lookups and changes alike) is retried, paced by the client's limiter,
// within Options.RetryFor; an email lookup that fails (three 500s in a
// row, more than the client's own retries) is retried and does not fail
// its group of a hundred.
func TestTransientErrorsFailNobody(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		users, byEmail int
		fault          clerktest.Fault
	}{
		"a burst of 50 429s":    {60, 30, clerktest.Fault{Count: 50, Kind: clerktest.FaultStatus, Status: 429}},
		"a failed email lookup": {150, 150, clerktest.Fault{Method: "GET", Path: "/users", Count: 3, Kind: clerktest.FaultStatus, Status: 500}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFleet(t, tc.users)
			if err := f.em.InjectFault(tc.fault); err != nil {
				t.Fatal(err)
			}
			c := f.em.Client(clerk.WithRetryWait(time.Millisecond, 20*time.Millisecond))
			targets := append(append([]string{}, f.emails[:tc.byEmail]...), f.ids[tc.byEmail:]...)
			sum := runReset(t, c, filepath.Join(t.TempDir(), "journal"), targets, batch.Options{Concurrency: 4})
			t.Logf("run: %+v", sum.Progress)
			if sum.Failed != 0 || sum.Done != int64(tc.users) {
				t.Errorf("%d failed, %d done; want 0 and %d", sum.Failed, sum.Done, tc.users)
			}
			f.expectExactlyOnce(t, "")
		})
	}
}

// A lookup the server refuses for good (a 400) is split, so that only the
// addresses it cannot resolve fail.
func TestRefusedLookupFailsOnlyItsBadTargets(t *testing.T) {
	t.Parallel()
	f := newFleet(t, 100)
	if err := f.em.InjectFault(clerktest.Fault{Method: "GET", Path: "/users", Count: 1, Kind: clerktest.FaultStatus, Status: 400}); err != nil {
		t.Fatal(err)
	}
	sum := runReset(t, f.em.Client(), filepath.Join(t.TempDir(), "journal"), f.emails, batch.Options{Concurrency: 4})
	if sum.Failed != 0 || sum.Done != 100 {
		t.Errorf("after a refused lookup: %d failed, %d done; want 0 and 100", sum.Failed, sum.Done)
	}
}

// Row 6: a dry run by user ID checks a hundred IDs per request.
func TestDryRunByIDCostsOneRequestPerHundred(t *testing.T) {
	t.Parallel()
	s := seed(t, 250, 10)
	targets := append(append([]string{}, s.ids...), "user_doesnotexist")
	sum, err := batch.Run(t.Context(), batch.FromSlice("t", targets), batch.ForcePasswordReset(s.em.Client()), batch.Options{DryRun: true, Concurrency: 8})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Done != 240 || sum.Skipped != 10 || sum.Failed != 1 {
		t.Errorf("dry run: %+v", sum.Progress)
	}
	log := s.em.Requests()
	t.Logf("dry run over %d IDs: %d requests", len(targets), len(log))
	if len(log) != 3 {
		t.Errorf("dry run over %d IDs sent %d requests, want 3", len(targets), len(log))
	}
	for _, r := range log {
		if r.Method != "GET" {
			t.Fatalf("a dry run sent %s %s", r.Method, r.Path)
		}
	}
}

// The start record is written as the request leaves, after the limiter's
// wait: a run stopped while a change waits for its slot neither sends it
// nor leaves it in doubt, and the rerun simply makes it.
func TestStartRecordIsWrittenAfterTheLimiterWait(t *testing.T) {
	t.Parallel()
	s := seed(t, 2, 0)
	// One request per hour: the second change waits for its slot.
	c := s.em.Client(clerk.WithRateLimit(clerk.RateLimit{Requests: 1, Per: time.Hour}))
	path := filepath.Join(t.TempDir(), "journal")
	j, err := batch.OpenJournal(path, batch.SyncNever)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	var first atomic.Bool
	go func() {
		// Stop once the second change is waiting: the first is done and
		// the second has been handed to Apply (polled, with a deadline).
		for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if first.Load() {
				time.Sleep(50 * time.Millisecond)
				break
			}
		}
		cancel()
	}()
	sum, err := batch.Run(ctx, batch.FromSlice("t", s.ids), batch.ForcePasswordReset(c), batch.Options{
		Concurrency: 1, Journal: j, OnItem: func(it batch.Item) { first.Store(true) },
	})
	j.Close()
	if err != nil || sum.Done != 1 || sum.InDoubt != 0 {
		t.Fatalf("stopped run: %+v, %v; want 1 done and none in doubt", sum.Progress, err)
	}
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), `"state":"start","key":"`+s.ids[1]+`"`) {
		t.Fatalf("a start record for a change that never left:\n%s", data)
	}
	rerun := runReset(t, s.em.Client(), path, s.ids, batch.Options{})
	if rerun.Done != 1 || rerun.Skipped != 1 || rerun.InDoubt != 0 {
		t.Fatalf("rerun: %+v", rerun.Progress)
	}
	if n := s.compromisedCalls(); n[s.ids[0]] != 1 || n[s.ids[1]] != 1 {
		t.Fatalf("resets per user: %v", n)
	}
}
