package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Status is the outcome of one item.
type Status string

// Outcomes of an item.
const (
	// Done means the change was made (or, in a dry run, would be).
	Done Status = "done"
	// Skipped means no change was needed: done in an earlier run, a
	// duplicate, or nothing to do for this user.
	Skipped Status = "skipped"
	// Failed means the change was not made, or (in doubt) may have been
	// made by a run that died before recording it.
	Failed Status = "failed"
	// Interrupted means the item was not started because the run stopped.
	Interrupted Status = "interrupted"
)

// Resolved is a target once its user is known.
type Resolved struct {
	// Target is the entry the user was resolved from.
	Target Target
	// UserID is the user the target names.
	UserID string
	// Skip, when not empty, says why the user needs no change.
	Skip string
	// Problem, when not empty, says why the target names no single user;
	// the item fails.
	Problem string
}

// Action is what a batch does to each user. Resolve may only read; Apply
// makes the change, and is the step the journal brackets.
type Action struct {
	// Name identifies the action in the journal, e.g. "ban".
	Name string
	// Repeatable says that applying the change twice is harmless, so an
	// item left in doubt by a crash is simply run again.
	Repeatable bool
	// Plan describes the change for a dry run, e.g. "would ban".
	Plan string
	// Resolve finds the user a target names. In a dry run it may check
	// more (that a user ID exists), since Apply will not run.
	Resolve func(ctx context.Context, t Target, dryRun bool) (Resolved, error)
	// Apply makes the change and describes it. Returning an error made
	// with Skip marks the item skipped instead of failed.
	Apply func(ctx context.Context, r Resolved) (string, error)
	// ResolveEmails, when set, resolves up to EmailChunk email addresses
	// with one request; the map is keyed by the address in lower case, and
	// an address missing from it names no user. Resolve still serves the
	// other targets.
	ResolveEmails func(ctx context.Context, emails []string, dryRun bool) (map[string]Resolved, error)
}

// EmailChunk is how many email targets one ResolveEmails call resolves:
// the Backend API's limit for one user list filtered by email address.
const EmailChunk = 100

// skipError marks an Apply failure that means "nothing to do".
type skipError struct{ reason string }

func (e *skipError) Error() string { return "skipped: " + e.reason }

// Skip returns an error for Apply that marks the item skipped for reason.
func Skip(reason string) error { return &skipError{reason: reason} }

// Item is the outcome of one target.
type Item struct {
	// Target is the entry as the source gave it.
	Target Target
	// Status is the outcome.
	Status Status
	// UserID is the user the target resolved to, when known.
	UserID string
	// Detail says what happened, in a few words.
	Detail string
	// Err is the failure behind a Failed item, if any.
	Err error
}

// Progress is a snapshot of a run, given to Options.OnProgress after each item.
type Progress struct {
	// Done, Skipped, Failed and Interrupted count the items with each
	// outcome so far.
	Done, Skipped, Failed, Interrupted int64
	// Total is Options.Total: the number of targets, or 0 when unknown.
	Total int64
	// Elapsed is the time since the run started.
	Elapsed time.Duration
	// Rate is the number of items finished per second so far.
	Rate float64
	// ETA estimates the time left; zero when Total is unknown.
	ETA time.Duration
}

// Finished is the number of items with an outcome other than Interrupted.
func (p Progress) Finished() int64 { return p.Done + p.Skipped + p.Failed }

// Summary is the result of Run: the last Progress, and whether the run
// stopped before the end of its source.
type Summary struct {
	Progress
	// Stopped is true when the context ended the run early; targets not
	// yet read from the source are in no count.
	Stopped bool
}

// Options configure Run.
type Options struct {
	// Concurrency is how many items run at once; zero means 4. The
	// client's rate limiter, not this number, should bound the request
	// rate.
	Concurrency int
	// Journal, when set, makes the run resumable; see the package comment.
	Journal *Journal
	// DryRun resolves every target and reports what would change, without
	// changing anything or writing the journal.
	DryRun bool
	// RetryInDoubt runs again the items an earlier run started without
	// recording their outcome, even for an action that is not Repeatable.
	RetryInDoubt bool
	// Total is the number of targets, when known, for the ETA.
	Total int64
	// StopGrace bounds how long items already started may take to finish
	// once the context ends; zero means 30 s. An item cut short is left in
	// doubt in the journal.
	StopGrace time.Duration
	// OnItem, when set, is called with each item's outcome, one call at a
	// time.
	OnItem func(Item)
	// OnProgress, when set, is called after each item, one call at a time.
	OnProgress func(Progress)
}

// DefaultStopGrace is Options.StopGrace's default.
const DefaultStopGrace = 30 * time.Second

// Run applies a to every target of src. It returns when the source is
// exhausted or ctx ends and every started item is finished; the error is a
// failure of the source or of the journal (which stops the run), never an
// item's failure, which is counted instead.
func Run(ctx context.Context, src Source, a Action, o Options) (Summary, error) {
	if a.Name == "" || a.Resolve == nil || a.Apply == nil {
		return Summary{}, errors.New("batch: an Action needs a Name, Resolve and Apply")
	}
	j := o.Journal
	if j == nil || o.DryRun {
		j = memoryJournal()
	}
	if err := j.bind(a.Name); err != nil {
		return Summary{}, err
	}
	workers := o.Concurrency
	if workers <= 0 {
		workers = 4
	}
	grace := o.StopGrace
	if grace <= 0 {
		grace = DefaultStopGrace
	}
	// feedCtx stops reading targets: on the caller's cancellation, or on a
	// journal failure. applyCtx outlives the caller by the grace period so
	// that a started change is finished and recorded.
	feedCtx, stopFeed := context.WithCancelCause(ctx)
	defer stopFeed(nil)
	applyCtx, stopApply := context.WithCancel(context.WithoutCancel(ctx))
	defer stopApply()
	stopTimer := context.AfterFunc(ctx, func() { time.AfterFunc(grace, stopApply) })
	defer stopTimer()

	r := &runner{a: a, o: o, j: j, feedCtx: feedCtx, applyCtx: applyCtx, fatal: stopFeed, start: time.Now()}
	// Targets flow from feed to the workers, except email targets of an
	// action with ResolveEmails, which go in chunks through the resolvers
	// first, so that a hundred users cost one lookup.
	work := make(chan job)
	chunks := make(chan []Target)
	var workersDone, resolversDone sync.WaitGroup
	for range workers {
		workersDone.Add(1)
		go func() {
			defer workersDone.Done()
			for jb := range work {
				r.report(r.process(jb))
			}
		}()
	}
	for range max(1, workers/4) {
		resolversDone.Add(1)
		go func() {
			defer resolversDone.Done()
			for c := range chunks {
				r.resolveChunk(c, work)
			}
		}()
	}
	srcErr := r.feed(src, work, chunks)
	close(chunks)
	resolversDone.Wait()
	close(work)
	workersDone.Wait()
	sum := Summary{Progress: r.snapshot(), Stopped: ctx.Err() != nil}
	if cause := context.Cause(feedCtx); errors.Is(cause, ErrJournal) {
		return sum, cause
	}
	return sum, srcErr
}

type runner struct {
	a        Action
	o        Options
	j        *Journal
	feedCtx  context.Context
	applyCtx context.Context
	fatal    context.CancelCauseFunc
	start    time.Time

	mu   sync.Mutex
	prog Progress
}

// job is one target for a worker, resolved already or not.
type job struct {
	t        Target
	resolved bool
	res      Resolved
}

// feed reads the source until it ends or the run stops.
func (r *runner) feed(src Source, work chan<- job, chunks chan<- []Target) error {
	var pending []Target
	flush := func() {
		if len(pending) == 0 {
			return
		}
		select {
		case chunks <- pending:
		case <-r.feedCtx.Done():
			for _, t := range pending {
				r.report(r.interrupted(Item{Target: t}))
			}
		}
		pending = nil
	}
	defer flush()
	for {
		if r.feedCtx.Err() != nil {
			return nil
		}
		t, err := src.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if t.Kind == Email && r.a.ResolveEmails != nil {
			if pending = append(pending, t); len(pending) == EmailChunk {
				flush()
			}
			continue
		}
		select {
		case work <- job{t: t}:
		case <-r.feedCtx.Done():
			r.report(r.interrupted(Item{Target: t}))
			return nil
		}
	}
}

// resolveChunk claims a chunk of email targets, resolves them with one
// call and hands them to the workers.
func (r *runner) resolveChunk(chunk []Target, work chan<- job) {
	var claimed []Target
	var emails []string
	for _, t := range chunk {
		if r.feedCtx.Err() != nil {
			r.report(r.interrupted(Item{Target: t}))
			continue
		}
		if it, ok := r.claim(Item{Target: t}, t.Key()); !ok {
			r.report(it)
			continue
		}
		claimed, emails = append(claimed, t), append(emails, t.Value)
	}
	if len(claimed) == 0 {
		return
	}
	found, err := r.a.ResolveEmails(r.feedCtx, emails, r.o.DryRun)
	for _, t := range claimed {
		it := Item{Target: t}
		res, ok := found[strings.ToLower(t.Value)]
		switch {
		case err != nil && r.feedCtx.Err() != nil:
			r.j.unclaim(t.Key())
			r.report(r.interrupted(it))
		case err != nil:
			r.j.unclaim(t.Key())
			r.report(r.outcome(it, Failed, "", "resolve: "+errText(err), err))
		case !ok:
			r.j.unclaim(t.Key())
			r.report(r.outcome(it, Failed, "", "resolve: no user with this email address", nil))
		default:
			select {
			case work <- job{t: t, resolved: true, res: res}:
			case <-r.feedCtx.Done():
				r.j.unclaim(t.Key())
				r.report(r.interrupted(it))
			}
		}
	}
}

// process runs one target through the journal, Resolve (unless it was
// resolved in a chunk) and Apply.
func (r *runner) process(jb job) Item {
	t := jb.t
	it := Item{Target: t}
	if t.Kind == Invalid {
		return r.outcome(it, Failed, "", t.Problem, nil)
	}
	key := t.Key()
	res := jb.res
	if !jb.resolved {
		if r.feedCtx.Err() != nil {
			return r.interrupted(it)
		}
		if it, ok := r.claim(it, key); !ok {
			return it
		}
		var err error
		if res, err = r.a.Resolve(r.feedCtx, t, r.o.DryRun); err != nil {
			r.j.unclaim(key)
			if r.feedCtx.Err() != nil {
				return r.interrupted(it)
			}
			return r.outcome(it, Failed, "", "resolve: "+errText(err), err)
		}
	}
	it.UserID = res.UserID
	if res.Problem != "" {
		r.j.unclaim(key)
		return r.outcome(it, Failed, "", "resolve: "+res.Problem, nil)
	}
	res.Target = t
	if res.UserID != "" && res.UserID != key {
		if other, ok := r.claim(it, res.UserID); !ok {
			if other.Status != Skipped {
				r.j.unclaim(key)
				return other
			}
			// Recorded under this target's key only: the user's own
			// record stays as it is.
			it.UserID = ""
			it = r.outcome(it, Skipped, key, "same user as another entry", nil)
			it.UserID = res.UserID
			return it
		}
	}
	if res.Skip != "" {
		return r.outcome(it, Skipped, key, res.Skip, nil)
	}
	if r.o.DryRun {
		return r.outcome(it, Done, "", r.a.Plan, nil)
	}
	if r.feedCtx.Err() != nil {
		r.j.unclaim(key)
		r.j.unclaim(res.UserID)
		return r.interrupted(it)
	}
	if err := r.j.write(record{State: "start", Key: key, User: res.UserID}); err != nil {
		r.fatal(err)
		return r.outcome(it, Failed, "", "journal: "+err.Error(), err)
	}
	detail, err := r.a.Apply(r.applyCtx, res)
	var skip *skipError
	switch {
	case err == nil:
		return r.outcome(it, Done, key, detail, nil)
	case errors.As(err, &skip):
		return r.outcome(it, Skipped, key, skip.reason, nil)
	case r.applyCtx.Err() != nil:
		// Cut short by the stop: whether the change landed is unknown, so
		// the journal keeps the bare start record.
		it.Status, it.Detail, it.Err = Failed, "in doubt: stopped while the change was in flight", err
		return it
	default:
		return r.outcome(it, Failed, key, errText(err), err)
	}
}

// claim takes key for this run; when it is not free it returns the item's
// outcome and false.
func (r *runner) claim(it Item, key string) (Item, bool) {
	switch r.j.claim(key) {
	case stateNone, stateFailed:
		return it, true
	case stateDone:
		it.Status, it.Detail = Skipped, "done in an earlier run"
	case stateSkipped:
		it.Status, it.Detail = Skipped, "skipped in an earlier run"
	case stateClaimed:
		it.Status, it.Detail = Skipped, "duplicate of an earlier entry"
	case stateStarted:
		if r.a.Repeatable || r.o.RetryInDoubt {
			r.j.mu.Lock()
			r.j.index.set(hashKey(key), stateClaimed)
			r.j.mu.Unlock()
			return it, true
		}
		it.Status, it.Detail = Failed, "in doubt: an earlier run started this change without recording its outcome; not repeated (see RetryInDoubt)"
	}
	return it, false
}

// outcome finishes an item; with a key it is also recorded in the journal.
func (r *runner) outcome(it Item, st Status, key, detail string, err error) Item {
	it.Status, it.Detail, it.Err = st, detail, err
	if key == "" || r.o.DryRun {
		return it
	}
	if werr := r.j.write(record{State: string(st), Key: key, User: it.UserID, Detail: detail}); werr != nil {
		r.fatal(werr)
	}
	return it
}

func (r *runner) interrupted(it Item) Item {
	it.Status, it.Detail = Interrupted, "not started: the run stopped"
	return it
}

// report counts an item and calls the callbacks.
func (r *runner) report(it Item) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch it.Status {
	case Done:
		r.prog.Done++
	case Skipped:
		r.prog.Skipped++
	case Failed:
		r.prog.Failed++
	default:
		r.prog.Interrupted++
	}
	if r.o.OnItem != nil {
		r.o.OnItem(it)
	}
	if r.o.OnProgress != nil {
		r.o.OnProgress(r.snapshotLocked())
	}
}

func (r *runner) snapshot() Progress {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.snapshotLocked()
}

func (r *runner) snapshotLocked() Progress {
	p := r.prog
	p.Total = r.o.Total
	p.Elapsed = time.Since(r.start)
	if secs := p.Elapsed.Seconds(); secs > 0 {
		p.Rate = float64(p.Finished()) / secs
	}
	if left := p.Total - p.Finished() - p.Interrupted; p.Total > 0 && left > 0 && p.Rate > 0 {
		p.ETA = time.Duration(float64(left) / p.Rate * float64(time.Second))
	}
	return p
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return fmt.Sprint(err)
}
