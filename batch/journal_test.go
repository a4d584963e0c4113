package batch_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/batch"
)

// fakeAction counts the changes it applies per user and can fail some.
type fakeAction struct {
	applied    map[string]*atomic.Int32
	failFirst  map[string]*atomic.Bool // fail the first attempt once
	repeatable bool
}

func newFake(ids []string) *fakeAction {
	f := &fakeAction{applied: map[string]*atomic.Int32{}, failFirst: map[string]*atomic.Bool{}}
	for _, id := range ids {
		f.applied[id], f.failFirst[id] = new(atomic.Int32), new(atomic.Bool)
	}
	return f
}

func (f *fakeAction) action() batch.Action {
	return batch.Action{
		Name: "fake", Repeatable: f.repeatable, Plan: "would fake",
		Resolve: func(_ context.Context, t batch.Target, _ bool) (batch.Resolved, error) {
			return batch.Resolved{UserID: t.Value}, nil
		},
		Apply: func(_ context.Context, r batch.Resolved) (string, error) {
			if f.failFirst[r.UserID].CompareAndSwap(true, false) {
				return "", &clerk.APIError{StatusCode: 400} // refused: not made
			}
			f.applied[r.UserID].Add(1)
			return "faked", nil
		},
	}
}

func ids(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "user_" + strings.Repeat("a", i+1)
	}
	return out
}

func openJournal(t *testing.T, path string) *batch.Journal {
	t.Helper()
	j, err := batch.OpenJournal(path, batch.SyncEach)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	return j
}

// runJournal runs a with a journal at path, opened for this run only (a
// journal is locked while open).
func runJournal(t *testing.T, ctx context.Context, path string, targets []string, a batch.Action, o batch.Options) (batch.Summary, error) {
	t.Helper()
	o.Journal = openJournal(t, path)
	defer o.Journal.Close()
	return batch.Run(ctx, batch.FromSlice("t", targets), a, o)
}

func TestJournalResumesAfterCancel(t *testing.T) {
	t.Parallel()
	targets := ids(20)
	f := newFake(targets)
	f.failFirst[targets[1]].Store(true)
	path := filepath.Join(t.TempDir(), "journal")
	ctx, cancel := context.WithCancel(t.Context())
	var done atomic.Int32
	sum, err := runJournal(t, ctx, path, targets, f.action(), batch.Options{
		Concurrency: 2,
		OnItem: func(it batch.Item) {
			if it.Status == batch.Done && done.Add(1) == 5 {
				cancel()
			}
		},
	})
	if err != nil || !sum.Stopped || sum.Done < 5 || sum.Failed > 1 {
		t.Fatalf("first run: %+v, %v", sum, err)
	}
	first := sum.Done
	// The injected failure belongs to the first run only: whether the
	// cancelled run reached targets[1] depends on scheduling, and the rerun
	// must retry a failed item and succeed either way.
	f.failFirst[targets[1]].Store(false)
	sum, err = runJournal(t, t.Context(), path, targets, f.action(), batch.Options{Concurrency: 3})
	if err != nil || sum.Stopped || sum.Failed != 0 {
		t.Fatalf("rerun: %+v, %v", sum, err)
	}
	if sum.Skipped != first || sum.Done != 20-first {
		t.Fatalf("rerun: %+v; want %d skipped (done before) and %d done", sum, first, 20-first)
	}
	for id, n := range f.applied {
		if n.Load() != 1 {
			t.Errorf("%s applied %d times", id, n.Load())
		}
	}
}

func TestJournalInDoubt(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal")
	// A run that died between "start" and its outcome.
	header := `{"journal":"clerkgo-batch/1","action":"fake","at":1}` + "\n"
	started := `{"state":"start","key":"user_a","user":"user_a","at":2}` + "\n"
	torn := `{"state":"done","key":"us`
	if err := os.WriteFile(path, []byte(header+started+torn), 0o600); err != nil {
		t.Fatal(err)
	}
	targets := []string{"user_a", "user_aa"}
	f := newFake(targets)
	sum, err := runJournal(t, t.Context(), path, targets, f.action(), batch.Options{})
	if err != nil || sum.InDoubt != 1 || sum.Failed != 0 || sum.Done != 1 || f.applied["user_a"].Load() != 0 {
		t.Fatalf("not repeatable: %+v, %v, applied %d", sum, err, f.applied["user_a"].Load())
	}
	// The torn line was dropped, and the file is well formed again.
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), `"us`+"{") || !strings.HasSuffix(string(data), "\n") {
		t.Fatalf("journal after repair:\n%s", data)
	}
	sum, err = runJournal(t, t.Context(), path, targets, f.action(), batch.Options{RetryInDoubt: true})
	if err != nil || sum.Done != 1 || sum.Skipped != 1 || f.applied["user_a"].Load() != 1 {
		t.Fatalf("RetryInDoubt: %+v, %v", sum, err)
	}
	// A repeatable action reruns an item in doubt without being asked.
	path2 := filepath.Join(t.TempDir(), "journal")
	_ = os.WriteFile(path2, []byte(header+started), 0o600)
	f2 := newFake(targets)
	f2.repeatable = true
	sum, err = runJournal(t, t.Context(), path2, targets[:1], f2.action(), batch.Options{})
	if err != nil || sum.Done != 1 {
		t.Fatalf("repeatable: %+v, %v", sum, err)
	}
}

func TestJournalRefusesBadFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cases := map[string]string{
		"not a journal": "hello\n",
		"wrong format":  `{"journal":"other/9","action":"fake","at":1}` + "\n",
		"corrupt":       `{"journal":"clerkgo-batch/1","action":"fake","at":1}` + "\n" + "garbage\n" + `{"state":"done","key":"k","at":1}` + "\n",
		"no key":        `{"journal":"clerkgo-batch/1","action":"fake","at":1}` + "\n" + `{"state":"done","at":1}` + "\n",
	}
	for name, content := range cases {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_"))
		_ = os.WriteFile(p, []byte(content), 0o600)
		if _, err := batch.OpenJournal(p, batch.SyncNever); !errors.Is(err, batch.ErrJournal) {
			t.Errorf("%s: err = %v, want ErrJournal", name, err)
		}
	}
	if _, err := batch.OpenJournal(filepath.Join(dir, "missing", "j"), batch.SyncNever); !errors.Is(err, batch.ErrJournal) {
		t.Errorf("unopenable path: err = %v", err)
	}
	// A journal belongs to one action.
	p := filepath.Join(dir, "owned")
	f := newFake(ids(1))
	if _, err := runJournal(t, t.Context(), p, ids(1), f.action(), batch.Options{}); err != nil {
		t.Fatal(err)
	}
	other := f.action()
	other.Name = "other"
	if _, err := runJournal(t, t.Context(), p, ids(1), other, batch.Options{}); !errors.Is(err, batch.ErrJournal) {
		t.Fatalf("another action resumed the journal: %v", err)
	}
}

func TestJournalWriteFailureStopsTheRun(t *testing.T) {
	t.Parallel()
	j := openJournal(t, filepath.Join(t.TempDir(), "j"))
	targets := ids(50)
	f := newFake(targets)
	a := f.action()
	apply := a.Apply
	var n atomic.Int32
	a.Apply = func(ctx context.Context, r batch.Resolved) (string, error) {
		if n.Add(1) == 3 {
			j.Close()
		}
		return apply(ctx, r)
	}
	sum, err := batch.Run(t.Context(), batch.FromSlice("t", targets), a, batch.Options{Concurrency: 1, Journal: j})
	if !errors.Is(err, batch.ErrJournal) || sum.Finished() >= 50 {
		t.Fatalf("run went on without its journal: %+v, %v", sum, err)
	}
}

// One journal, one run: a second open (here in the same process; the
// two-process case is in procs_test.go) is refused while the first holds it.
func TestJournalIsLocked(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal")
	first := openJournal(t, path)
	if _, err := batch.OpenJournal(path, batch.SyncNever); !errors.Is(err, batch.ErrJournalBusy) || !errors.Is(err, batch.ErrJournal) {
		t.Fatalf("second open of a journal in use: %v; want ErrJournalBusy", err)
	}
	first.Close()
	if j, err := batch.OpenJournal(path, batch.SyncNever); err != nil {
		t.Fatalf("open after the first closed: %v", err)
	} else {
		j.Close()
	}
}

// A last record that lost only its newline is kept and completed; a
// damaged line that is not the last says how to recover.
func TestJournalRepairsOnlyItsLastLine(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	header := `{"journal":"clerkgo-batch/1","action":"fake","at":1}` + "\n"
	whole := filepath.Join(dir, "whole")
	_ = os.WriteFile(whole, []byte(header+`{"state":"done","key":"user_a","user":"user_a","at":2}`), 0o600)
	f := newFake([]string{"user_a"})
	sum, err := runJournal(t, t.Context(), whole, []string{"user_a"}, f.action(), batch.Options{})
	if err != nil || sum.Skipped != 1 || f.applied["user_a"].Load() != 0 {
		t.Fatalf("a last record without its newline was not kept: %+v, %v", sum, err)
	}
	if data, _ := os.ReadFile(whole); !strings.HasSuffix(string(data), "\n") || strings.Count(string(data), "\n") != 2 {
		t.Fatalf("journal after completion:\n%s", data)
	}
	damaged := filepath.Join(dir, "damaged")
	_ = os.WriteFile(damaged, []byte(header+`{"state":"do`+"\n"+`{"state":"done","key":"user_b","at":3}`+"\n"), 0o600)
	_, err = batch.OpenJournal(damaged, batch.SyncNever)
	if !errors.Is(err, batch.ErrJournal) || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), "To recover") {
		t.Fatalf("damaged line: %v", err)
	}
}
