package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"
	"sync"
	"time"

	"github.com/clerkgo/clerk"
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
	// Failed means the change was not made: refused by the server (a 4xx
	// other than 408 and 429), never sent (a connection refused, an error
	// of the rate limiter or of the parameters), or rate limited until
	// Options.RetryFor ran out. A rerun tries it again.
	Failed Status = "failed"
	// InDoubt means the change may or may not have been made: its request
	// may have reached the server, but no answer said how it went (a 5xx or
	// 408, a connection broken after the request was written, an answer cut
	// short, a timeout or a stop after sending, a process killed). A rerun
	// finds out with Action.Check where the action has one and acts only
	// when the change is known not to have been made; otherwise it leaves
	// the item alone and reports it again, unless Options.RetryInDoubt.
	InDoubt Status = "in-doubt"
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
	// ResolveIDs, when set, checks up to EmailChunk user IDs with one
	// request in a dry run (a real run needs no lookup for an ID); the map
	// is keyed by user ID, and an ID missing from it names no user.
	ResolveIDs func(ctx context.Context, ids []string) (map[string]Resolved, error)
	// Check, when set, finds out whether a change left in doubt took
	// effect: since is when the earliest attempt in doubt was sent, by this
	// machine's clock (zero when unknown). It must only read. See
	// CheckResult.
	Check func(ctx context.Context, r Resolved, since time.Time) (CheckResult, string, error)
}

// CheckResult is what Action.Check found out about a change in doubt; its
// string explains it in a few words.
type CheckResult int

const (
	// Unclear means the API does not tell: the item stays in doubt and is
	// not acted on (unless Options.RetryInDoubt).
	Unclear CheckResult = iota
	// NotMade means the change did not take effect: it is made now.
	NotMade
	// Made means the change took effect: the item is recorded as done
	// without acting again.
	Made
)

// EmailChunk is how many email targets one ResolveEmails call resolves:
// the Backend API's limit for one user list filtered by email address.
// ResolveIDs takes as many user IDs.
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
	// Done, Skipped, Failed, InDoubt and Interrupted count the items with
	// each outcome so far.
	Done, Skipped, Failed, InDoubt, Interrupted int64
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
func (p Progress) Finished() int64 { return p.Done + p.Skipped + p.Failed + p.InDoubt }

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
	// RetryInDoubt acts again on the items an earlier run left in doubt
	// that Action.Check cannot settle (or all of them, for an action
	// without Check), even for an action that is not Repeatable. It risks
	// making the change twice for those whose change did land: for a
	// forced password reset, signing the user out again and asking for a
	// second new password.
	RetryInDoubt bool
	// SettleTime is how long after an attempt that got no answer (the run
	// died or stopped while it was in flight, the connection broke, the
	// client timed out) a rerun waits before checking it, since the server
	// may still be acting on the request; zero means DefaultSettleTime.
	SettleTime time.Duration
	// RetryFor bounds how long one lookup or one change is tried again
	// after transient errors (429s; 5xx and broken connections on lookups,
	// which only read); zero means DefaultRetryFor. The client's rate
	// limiter paces the attempts; the run's context bounds them too.
	RetryFor time.Duration
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

// DefaultSettleTime is Options.SettleTime's default.
const DefaultSettleTime = 30 * time.Second

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
	if o.RetryFor <= 0 {
		o.RetryFor = DefaultRetryFor
	}
	if o.SettleTime <= 0 {
		o.SettleTime = DefaultSettleTime
	}
	// feedCtx stops reading targets and starting changes: on the caller's
	// cancellation, or on a journal failure. applyCtx outlives the caller by
	// the grace period so that a change already sent is finished and
	// recorded.
	feedCtx, stopFeed := context.WithCancelCause(ctx)
	defer stopFeed(nil)
	applyCtx, stopApply := context.WithCancel(context.WithoutCancel(ctx))
	defer stopApply()
	stopTimer := context.AfterFunc(ctx, func() { time.AfterFunc(grace, stopApply) })
	defer stopTimer()

	r := &runner{a: a, o: o, j: j, feedCtx: feedCtx, applyCtx: applyCtx, fatal: stopFeed, start: time.Now(),
		base: context.WithoutCancel(ctx), inflight: map[*itemSend]context.CancelFunc{}}
	// One watcher per run, not per item, stops the changes in flight: on a
	// stop those not yet sent, at the end of the grace period all of them.
	stopUnsent := context.AfterFunc(feedCtx, func() { r.cancelInflight(false) })
	defer stopUnsent()
	stopAll := context.AfterFunc(applyCtx, func() { r.cancelInflight(true) })
	defer stopAll()
	// Targets flow from feed to the workers, except those an action can
	// resolve in chunks (email addresses; user IDs in a dry run), which go
	// through the resolvers first, so that a hundred users cost one lookup.
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
	watch    sendWatch

	// base is the caller's context without its cancellation: each change's
	// context derives from it, so that deriving registers nothing shared,
	// and is cancelled through inflight instead.
	base       context.Context
	inflightMu sync.Mutex
	inflight   map[*itemSend]context.CancelFunc
	stopping   int // 1: stop the unsent, 2: stop all

	mu   sync.Mutex
	prog Progress
}

// track registers the cancellation of a change in flight, and returns the
// function that forgets it; a change that starts after a stop is cancelled
// at once (when unsent, or after the grace period).
func (r *runner) track(s *itemSend, cancel context.CancelFunc) func() {
	r.inflightMu.Lock()
	r.inflight[s] = cancel
	stopping := r.stopping
	r.inflightMu.Unlock()
	if stopping == 2 || stopping == 1 && !s.sent.Load() {
		cancel()
	}
	return func() {
		r.inflightMu.Lock()
		delete(r.inflight, s)
		r.inflightMu.Unlock()
	}
}

// cancelInflight cancels the changes in flight: all of them, or those whose
// request has not left yet.
func (r *runner) cancelInflight(all bool) {
	r.inflightMu.Lock()
	defer r.inflightMu.Unlock()
	r.stopping = max(r.stopping, 1)
	if all {
		r.stopping = 2
	}
	for s, cancel := range r.inflight {
		if all || !s.sent.Load() {
			cancel()
		}
	}
}

// job is one target for a worker, resolved already or not.
type job struct {
	t        Target
	resolved bool
	res      Resolved
	doubt    bool // an earlier run left the target in doubt
}

// chunked reports whether targets of kind t go through a chunk resolver.
func (r *runner) chunked(t Target) bool {
	return t.Kind == Email && r.a.ResolveEmails != nil || t.Kind == UserID && r.o.DryRun && r.a.ResolveIDs != nil
}

// feed reads the source until it ends or the run stops.
func (r *runner) feed(src Source, work chan<- job, chunks chan<- []Target) error {
	pending := map[Kind][]Target{}
	flush := func(k Kind) {
		if len(pending[k]) == 0 {
			return
		}
		select {
		case chunks <- pending[k]:
		case <-r.feedCtx.Done():
			for _, t := range pending[k] {
				r.report(r.interrupted(Item{Target: t}))
			}
		}
		pending[k] = nil
	}
	defer flush(UserID)
	defer flush(Email)
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
		if r.chunked(t) {
			if pending[t.Kind] = append(pending[t.Kind], t); len(pending[t.Kind]) == EmailChunk {
				flush(t.Kind)
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

// resolveChunk claims a chunk of targets of one kind, resolves them with
// as few calls as it can and hands them to the workers.
func (r *runner) resolveChunk(chunk []Target, work chan<- job) {
	var claimed []Target
	var values []string
	doubt := map[string]bool{}
	for _, t := range chunk {
		if r.feedCtx.Err() != nil {
			r.report(r.interrupted(Item{Target: t}))
			continue
		}
		it, ok, inDoubt := r.claim(Item{Target: t}, t.Key())
		if !ok {
			r.report(it)
			continue
		}
		doubt[t.Key()] = inDoubt
		claimed, values = append(claimed, t), append(values, t.Value)
	}
	if len(claimed) == 0 {
		return
	}
	found, failed := r.lookup(claimed[0].Kind, values)
	for _, t := range claimed {
		it := Item{Target: t}
		k := t.Value
		if t.Kind == Email {
			k = strings.ToLower(k)
		}
		res, ok := found[k]
		err, bad := failed[k]
		switch {
		case bad && r.feedCtx.Err() != nil:
			r.j.unclaim(t.Key())
			r.report(r.interrupted(it))
		case bad:
			r.j.unclaim(t.Key())
			r.report(r.outcome(it, Failed, "", "resolve: "+errText(err), err))
		case !ok && t.Kind == Email:
			r.j.unclaim(t.Key())
			r.report(r.outcome(it, Failed, "", "resolve: no user with this email address", nil))
		case !ok:
			r.j.unclaim(t.Key())
			r.report(r.outcome(it, Failed, "", "resolve: no such user", nil))
		default:
			select {
			case work <- job{t: t, resolved: true, res: res, doubt: doubt[t.Key()]}:
			case <-r.feedCtx.Done():
				r.j.unclaim(t.Key())
				r.report(r.interrupted(it))
			}
		}
	}
}

// lookup resolves values (all of one kind) in one call, retrying transient
// errors within Options.RetryFor. When the call fails for good, it splits
// the values in halves and tries each, so that one bad value fails alone;
// what it cannot resolve is in the second map, with the error.
func (r *runner) lookup(kind Kind, values []string) (map[string]Resolved, map[string]error) {
	call := func() (map[string]Resolved, error) {
		if kind == Email {
			return r.a.ResolveEmails(r.feedCtx, values, r.o.DryRun)
		}
		return r.a.ResolveIDs(r.feedCtx, values)
	}
	var found map[string]Resolved
	err := persist(r.feedCtx, r.o.RetryFor, transient, func() (err error) {
		found, err = call()
		return err
	})
	if err == nil {
		return found, nil
	}
	if len(values) == 1 || transient(err) || r.feedCtx.Err() != nil {
		failed := make(map[string]error, len(values))
		for _, v := range values {
			if kind == Email {
				v = strings.ToLower(v)
			}
			failed[v] = err
		}
		return nil, failed
	}
	half := len(values) / 2
	found, failed := r.lookup(kind, values[:half])
	found2, failed2 := r.lookup(kind, values[half:])
	if found == nil {
		found = map[string]Resolved{}
	}
	if failed == nil {
		failed = map[string]error{}
	}
	maps.Copy(found, found2)
	maps.Copy(failed, failed2)
	return found, failed
}

// process runs one target through the journal, Resolve (unless it was
// resolved in a chunk), the check of a change in doubt, and Apply.
func (r *runner) process(jb job) Item {
	t := jb.t
	it := Item{Target: t}
	if t.Kind == Invalid {
		return r.outcome(it, Failed, "", t.Problem, nil)
	}
	key := t.Key()
	res := jb.res
	doubt := jb.doubt
	if !jb.resolved {
		if r.feedCtx.Err() != nil {
			return r.interrupted(it)
		}
		it, ok, inDoubt := r.claim(it, key)
		if !ok {
			return it
		}
		doubt = inDoubt
		err := persist(r.feedCtx, r.o.RetryFor, transient, func() (err error) {
			res, err = r.a.Resolve(r.feedCtx, t, r.o.DryRun)
			return err
		})
		if err != nil {
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
		other, ok, inDoubt := r.claim(it, res.UserID)
		if !ok {
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
		doubt = doubt || inDoubt
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
	note := ""
	if doubt {
		settled, why, ok := r.settle(&it, key, res)
		if !ok {
			return settled
		}
		note = why
	}
	return r.apply(it, key, res, note)
}

// settle decides what to do with an item an earlier run left in doubt. It
// returns the item's outcome and false when nothing is to be sent, or a
// note for the detail and true when the change must be made.
func (r *runner) settle(it *Item, key string, res Resolved) (Item, string, bool) {
	if r.a.Check == nil {
		if r.a.Repeatable {
			return Item{}, "repeated after an earlier attempt in doubt (harmless for this action)", true
		}
		if r.o.RetryInDoubt {
			return Item{}, "repeated after an earlier attempt in doubt (RetryInDoubt)", true
		}
		return r.stillInDoubt(*it, "the API cannot tell whether it landed"), "", false
	}
	since, open := r.j.doubtSince(key)
	if s, o := r.j.doubtSince(res.UserID); res.UserID != "" {
		if !s.IsZero() && (since.IsZero() || s.Before(since)) {
			since = s
		}
		if o.After(open) {
			open = o
		}
	}
	// A request that got no answer may still be acted on by the server for
	// a while: look only once it has settled.
	if wait := time.Until(open.Add(r.o.SettleTime)); !open.IsZero() && wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-r.feedCtx.Done():
			t.Stop()
			r.j.unclaim(key)
			r.j.unclaim(res.UserID)
			return r.interrupted(*it), "", false
		}
	}
	var found CheckResult
	var why string
	err := persist(r.feedCtx, r.o.RetryFor, transient, func() (err error) {
		found, why, err = r.a.Check(r.feedCtx, res, since)
		return err
	})
	switch {
	case err != nil && r.feedCtx.Err() != nil:
		r.j.unclaim(key)
		r.j.unclaim(res.UserID)
		return r.interrupted(*it), "", false
	case err != nil:
		return r.stillInDoubt(*it, "the check failed: "+errText(err)), "", false
	case found == Made:
		return r.outcome(*it, Done, key, "checked: "+why+"; not repeated", nil), "", false
	case found == NotMade:
		return Item{}, "checked: " + why, true
	case r.o.RetryInDoubt || r.a.Repeatable:
		return Item{}, "repeated after an earlier attempt in doubt (" + why + ")", true
	}
	return r.stillInDoubt(*it, why), "", false
}

// stillInDoubt reports an item left in doubt by an earlier run that this
// run does not act on; the journal keeps it in doubt.
func (r *runner) stillInDoubt(it Item, why string) Item {
	it.Status = InDoubt
	it.Detail = "in doubt: an earlier run sent this change without learning whether it landed, and " + why + "; not repeated (see RetryInDoubt)"
	return it
}

// apply makes the change: the start record is written just before the
// request leaves (after the rate limiter's wait), a 429 is tried again
// within Options.RetryFor, and an error after the request may have reached
// the server leaves the item in doubt.
func (r *runner) apply(it Item, key string, res Resolved, note string) Item {
	send := &itemSend{}
	start := func() error {
		err := r.j.write(record{State: "start", Key: key, User: res.UserID})
		if err != nil {
			r.fatal(err)
		}
		return err
	}
	if r.watch.upfront() && r.j.path != "" {
		if err := send.begin(start); err != nil {
			return r.outcome(it, Failed, "", "journal: "+err.Error(), err)
		}
	}
	// The change's context: a stop (the caller's, or a journal failure)
	// cancels it while the request still waits for its slot; once sent, it
	// lasts until the grace period ends. A transport known not to report
	// its connections gets the run's context, as nothing can tell sent
	// from unsent there.
	ctx := r.applyCtx
	if !r.watch.untraced.Load() {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(r.base)
		defer cancel()
		defer r.track(send, cancel)()
		ctx = r.watch.context(ctx, send, func() error {
			err := start()
			if err != nil {
				cancel() // unrecorded: try not to send it
			}
			return err
		})
	}
	var detail string
	err := persist(r.feedCtx, r.o.RetryFor, func(err error) bool {
		return classify(err, r.watch.mayHaveSent(send)) == refusedForNow
	}, func() (err error) {
		detail, err = r.a.Apply(ctx, res)
		return err
	})
	if err == nil && !send.sent.Load() && !r.watch.traced.Load() {
		r.watch.untraced.Store(true)
	}
	sent := r.watch.mayHaveSent(send)
	if note != "" {
		detail = note + "; " + detail
	}
	var skip *skipError
	switch {
	case send.err != nil:
		// The start record could not be written, and the run stops.
		it.Status, it.Detail, it.Err = InDoubt, "in doubt: the journal failed as the change was sent: "+send.err.Error(), send.err
		return it
	case err == nil:
		return r.outcome(it, Done, key, detail, nil)
	case errors.As(err, &skip):
		return r.outcome(it, Skipped, key, skip.reason, nil)
	case sent && (classify(err, true) == mayBeMade || ctx.Err() != nil):
		why := "the request may have reached the server: " + errText(err)
		if ctx.Err() != nil {
			why = "stopped while the change was in flight: " + errText(err)
		}
		it.Status, it.Detail, it.Err = InDoubt, "in doubt: "+why, err
		var ae *clerk.APIError
		open := !errors.As(err, &ae) // no answer: the server may still act on it
		if werr := r.j.write(record{State: "doubt", Key: key, User: res.UserID, Detail: it.Detail, Open: open}); werr != nil {
			r.fatal(werr)
		}
		return it
	case !sent && ctx.Err() != nil:
		// Stopped while waiting for its slot: nothing was sent.
		if send.started {
			r.outcome(it, Failed, key, "not sent: the run stopped", err)
		} else {
			r.j.unclaim(key)
			r.j.unclaim(res.UserID)
		}
		return r.interrupted(it)
	}
	return r.outcome(it, Failed, key, errText(err), err)
}

// claim takes key for this run. When it is not free it returns the item's
// outcome and false; doubt says that an earlier run left it in doubt, so
// the change must be settled before it is made.
func (r *runner) claim(it Item, key string) (Item, bool, bool) {
	switch r.j.claim(key) {
	case stateNone, stateFailed:
		return it, true, false
	case stateDoubt:
		return it, true, true
	case stateDone:
		it.Status, it.Detail = Skipped, "done in an earlier run"
	case stateSkipped:
		it.Status, it.Detail = Skipped, "skipped in an earlier run"
	case stateClaimed:
		it.Status, it.Detail = Skipped, "duplicate of an earlier entry"
	}
	return it, false, false
}

// outcome finishes an item; with a key it is also recorded in the journal.
func (r *runner) outcome(it Item, st Status, key, detail string, err error) Item {
	it.Status, it.Detail, it.Err = st, detail, err
	if key == "" || r.o.DryRun || st == InDoubt {
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
	case InDoubt:
		r.prog.InDoubt++
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
