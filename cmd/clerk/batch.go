package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/batch"
	"github.com/clerkgo/clerk/users"
)

// batchKind names a batch command.
type batchKind string

const (
	kindReset    batchKind = "force-password-reset"
	kindBan      batchKind = "ban"
	kindUnban    batchKind = "unban"
	kindLock     batchKind = "lock"
	kindUnlock   batchKind = "unlock"
	kindDelete   batchKind = "delete"
	kindMetadata batchKind = "update-metadata"
)

// destructive reports whether the command needs a confirmation.
func (k batchKind) destructive() bool { return k != kindUnban && k != kindUnlock }

// verb is how the confirmation names the change.
func (k batchKind) verb() string {
	switch k {
	case kindReset:
		return "force a password reset (and sign out everywhere) for"
	case kindMetadata:
		return "update the metadata of"
	}
	return string(k)
}

// batchDefaultRetries replaces the SDK's 2 retries in batches, so that a
// burst of 429s never fails an item: 429s are always safe to retry.
const batchDefaultRetries = 10

// batchFlags are the flags of every batch command.
type batchFlags struct {
	ids, emails  stringList
	file         *string
	domain       *string
	concurrency  *int
	journal      *string
	dryRun       *bool
	retryInDoubt *bool
	metadata     map[string]*string // update-metadata only
}

func addBatchFlags(fs *flag.FlagSet, kind batchKind) *batchFlags {
	f := &batchFlags{}
	fs.Var(&f.ids, "user", "user ID (repeatable)")
	fs.Var(&f.emails, "email", "email address of a user (repeatable)")
	f.file = fs.String("from-file", "", "file with one user ID or email per line (- for stdin; # comments)")
	f.domain = fs.String("email-domain", "", "every user with an email address at exactly this domain (example.com: not sub.example.com, not example.com.evil.org)")
	f.concurrency = fs.Int("concurrency", 4, "users handled at once (1-64); the rate limit bounds the request rate")
	f.journal = fs.String("journal", "", "journal file: a rerun with the same file skips what is done and retries what failed")
	f.dryRun = fs.Bool("dry-run", false, "resolve users and report what would change, change nothing")
	f.retryInDoubt = fs.Bool("retry-in-doubt", false, "act again on users left in doubt that the API cannot settle (may repeat the change for them)")
	if kind == kindMetadata {
		f.metadata = map[string]*string{}
		for _, m := range []string{"public", "private", "unsafe"} {
			f.metadata[m] = fs.String(m, "", m+" metadata to merge: a JSON object (a key set to null is removed)")
		}
	}
	return f
}

func batchCommand(kind batchKind) handler {
	return func(a *app, args []string) error {
		fs := a.flags()
		f := addBatchFlags(fs, kind)
		pos, err := a.parse(fs, args, "[USER_ID|EMAIL...]")
		if err != nil {
			return err
		}
		if *f.concurrency < 1 || *f.concurrency > 64 {
			return usagef("--concurrency %d: want 1 to 64", *f.concurrency)
		}
		if a.maxRetries < 0 {
			a.maxRetries = batchDefaultRetries
		}
		c, err := a.client()
		if err != nil {
			return err
		}
		src, total, closeSrc, err := f.source(a, c, pos)
		if err != nil {
			return err
		}
		defer closeSrc()
		var meta *users.UpdateMetadataParams
		if kind == kindMetadata {
			if meta, err = f.metadataParams(); err != nil {
				return err
			}
		}
		if kind.destructive() && !*f.dryRun {
			who := plural(int(total), "user")
			if *f.file == "-" {
				// The count of piped targets is unknown until they are read.
				who = "the users listed on standard input"
				if total > 0 {
					who = plural(int(total), "user") + " and " + who
				}
			}
			if err := a.confirm(kind.verb()+" "+who, *f.file == "-"); err != nil {
				return err
			}
		}
		opts := batch.Options{Concurrency: *f.concurrency, DryRun: *f.dryRun, RetryInDoubt: *f.retryInDoubt, Total: total}
		if *f.file == "-" {
			opts.Total = 0 // unknown: no ETA
		}
		if *f.journal != "" && !*f.dryRun {
			j, err := batch.OpenJournal(*f.journal, batch.SyncEach)
			if errors.Is(err, batch.ErrJournalBusy) {
				return fmt.Errorf("--journal: %w", err)
			}
			if err != nil {
				return usagef("--journal: %v", err)
			}
			defer j.Close()
			opts.Journal = j
		}
		act := batchAction(c, kind, meta)
		if opts.Journal != nil && opts.Journal.Action() != "" && opts.Journal.Action() != act.Name {
			return usagef("--journal %s belongs to %q, not %q", *f.journal, opts.Journal.Action(), act.Name)
		}
		return a.runBatch(src, act, opts, *f.journal)
	}
}

func batchAction(c *clerk.Client, kind batchKind, meta *users.UpdateMetadataParams) batch.Action {
	switch kind {
	case kindReset:
		return batch.ForcePasswordReset(c)
	case kindBan:
		return batch.Ban(c)
	case kindUnban:
		return batch.Unban(c)
	case kindLock:
		return batch.Lock(c)
	case kindUnlock:
		return batch.Unlock(c)
	case kindDelete:
		return batch.Delete(c)
	}
	return batch.UpdateMetadata(c, meta)
}

// source gathers the targets: flags and arguments first, then the users at
// --email-domain, then the file. It returns how many there are, for the
// progress bar and the confirmation (not counting stdin).
func (f *batchFlags) source(a *app, c *clerk.Client, args []string) (batch.Source, int64, func(), error) {
	var inline []string
	for _, id := range f.ids {
		if kind, problem := batch.Classify(id); kind != batch.UserID {
			if problem == "" {
				problem = "an email address; use --email"
			}
			return nil, 0, nil, usagef("--user %q: %s", id, problem)
		}
		inline = append(inline, id)
	}
	for _, e := range f.emails {
		if kind, problem := batch.Classify(e); kind != batch.Email {
			if problem == "" {
				problem = "a user ID; use --user"
			}
			return nil, 0, nil, usagef("--email %q: %s", e, problem)
		}
		inline = append(inline, e)
	}
	inline = append(inline, args...)
	if *f.domain != "" {
		ids, err := batch.EmailDomain(a.ctx, c, *f.domain)
		if errors.Is(err, clerk.ErrInvalidParams) {
			return nil, 0, nil, usagef("--email-domain: %v", err)
		}
		if err != nil {
			return nil, 0, nil, err
		}
		inline = append(inline, ids...)
		if len(ids) == 0 {
			fmt.Fprintf(a.stderr, "clerk: no user has an email address at %s\n", *f.domain)
		}
	}
	sources := []batch.Source{batch.FromSlice("args", inline)}
	total := int64(len(inline))
	closeAll := func() {}
	switch *f.file {
	case "":
	case "-":
		sources = append(sources, batch.FromReader(a.stdin, "stdin"))
	default:
		n, err := countTargets(*f.file)
		if err != nil {
			return nil, 0, nil, usagef("--from-file: %v", err)
		}
		file, err := os.Open(*f.file)
		if err != nil {
			return nil, 0, nil, usagef("--from-file: %v", err)
		}
		closeAll = func() { file.Close() }
		sources = append(sources, batch.FromReader(file, *f.file))
		total += n
	}
	if len(inline) == 0 && *f.file == "" && *f.domain == "" {
		return nil, 0, nil, usagef("no users given: pass user IDs or emails, --user, --email, --email-domain or --from-file")
	}
	return &chain{sources: sources}, total, closeAll, nil
}

// countTargets counts the entries of a target file ahead of the run.
func countTargets(path string) (int64, error) {
	file, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer file.Close()
	src := batch.FromReader(file, path)
	var n int64
	for {
		if _, err := src.Next(); err != nil {
			if errors.Is(err, io.EOF) {
				return n, nil
			}
			return 0, err
		}
		n++
	}
}

// chain reads its sources one after the other.
type chain struct{ sources []batch.Source }

func (c *chain) Next() (batch.Target, error) {
	for len(c.sources) > 0 {
		t, err := c.sources[0].Next()
		if !errors.Is(err, io.EOF) {
			return t, err
		}
		c.sources = c.sources[1:]
	}
	return batch.Target{}, io.EOF
}

// metadataParams reads --public, --private and --unsafe.
func (f *batchFlags) metadataParams() (*users.UpdateMetadataParams, error) {
	p := &users.UpdateMetadataParams{}
	fields := map[string]*clerk.Opt[map[string]any]{"public": &p.PublicMetadata, "private": &p.PrivateMetadata, "unsafe": &p.UnsafeMetadata}
	given := false
	for name, v := range f.metadata {
		if *v == "" {
			continue
		}
		given = true
		var m map[string]any
		if err := json.Unmarshal([]byte(*v), &m); err != nil || m == nil {
			return nil, usagef("--%s: want a JSON object", name)
		}
		*fields[name] = clerk.Value(m)
	}
	if !given {
		return nil, usagef("nothing to update: give --public, --private or --unsafe")
	}
	return p, nil
}

// itemLine is one item under --json.
type itemLine struct {
	Target    string `json:"target"`
	Origin    string `json:"origin"`
	Status    string `json:"status"`
	UserID    string `json:"user_id,omitempty"`
	Detail    string `json:"detail,omitempty"`
	ErrorCode string `json:"error_code,omitempty"`
	TraceID   string `json:"trace_id,omitempty"`
}

// summaryLine is the last line under --json.
type summaryLine struct {
	Summary struct {
		Action      string  `json:"action"`
		DryRun      bool    `json:"dry_run"`
		Done        int64   `json:"done"`
		Skipped     int64   `json:"skipped"`
		Failed      int64   `json:"failed"`
		InDoubt     int64   `json:"in_doubt"`
		Interrupted int64   `json:"interrupted"`
		Stopped     bool    `json:"stopped"`
		Seconds     float64 `json:"elapsed_seconds"`
		Rate        float64 `json:"items_per_second"`
		Journal     string  `json:"journal,omitempty"`
	} `json:"summary"`
}

func toLine(it batch.Item) itemLine {
	l := itemLine{Target: it.Target.Value, Origin: it.Target.Origin, Status: string(it.Status), UserID: it.UserID, Detail: it.Detail}
	var ae *clerk.APIError
	if errors.As(it.Err, &ae) {
		l.ErrorCode, l.TraceID = ae.Code(), ae.TraceID
		l.Detail = describeError(ae)
		switch {
		case strings.HasPrefix(it.Detail, "resolve: "):
			l.Detail = "resolve: " + l.Detail
		case it.Status == batch.InDoubt:
			l.Detail = "in doubt: " + l.Detail
		}
	}
	l.Detail = oneLine(l.Detail)
	return l
}

// itemFormat lays out one item in table mode; widths are fixed because
// items are printed as they finish.
const itemFormat = "%-11s  %-30s  %-32s  %s\n"

// runBatch runs the action, streaming items to stdout and progress to
// stderr, and prints the summary.
func (a *app) runBatch(src batch.Source, act batch.Action, opts batch.Options, journal string) error {
	prog := newProgress(a.stderr)
	enc := json.NewEncoder(a.stdout)
	if !a.json {
		fmt.Fprintf(a.stdout, itemFormat, "RESULT", "TARGET", "USER", "DETAIL")
	}
	opts.OnItem = func(it batch.Item) {
		l := toLine(it)
		if a.json {
			_ = enc.Encode(l)
			return
		}
		prog.finish()
		fmt.Fprintf(a.stdout, itemFormat, l.Status, l.Target, orDash(l.UserID), l.Detail)
	}
	opts.OnProgress = prog.update
	sum, err := batch.Run(a.ctx, src, act, opts)
	prog.finish()
	var s summaryLine
	s.Summary.Action, s.Summary.DryRun, s.Summary.Journal = act.Name, opts.DryRun, journal
	s.Summary.Done, s.Summary.Skipped, s.Summary.Failed, s.Summary.Interrupted = sum.Done, sum.Skipped, sum.Failed, sum.Interrupted
	s.Summary.InDoubt = sum.InDoubt
	s.Summary.Stopped, s.Summary.Seconds, s.Summary.Rate = sum.Stopped, sum.Elapsed.Seconds(), sum.Rate
	if a.json {
		_ = enc.Encode(s)
	} else {
		a.printSummary(s, journal)
	}
	switch {
	case err != nil:
		return err
	case sum.Stopped:
		return errInterrupted
	case sum.Failed > 0 || sum.InDoubt > 0:
		return errBatchFailed
	}
	return nil
}

func (a *app) printSummary(s summaryLine, journal string) {
	m := s.Summary
	if m.DryRun {
		fmt.Fprintf(a.stdout, "\nDry run, nothing changed: %d would change, %d skipped, %d failed.\n", m.Done, m.Skipped, m.Failed)
		return
	}
	fmt.Fprintf(a.stdout, "\nSummary: %d done, %d skipped, %d failed, %d in doubt, %d interrupted (%.1f per second).\n",
		m.Done, m.Skipped, m.Failed, m.InDoubt, m.Interrupted, m.Rate)
	if m.InDoubt > 0 {
		fmt.Fprintf(a.stdout, "In doubt: the change may or may not have been made for %s (listed above as in-doubt).\n", plural(int(m.InDoubt), "user"))
		if journal != "" {
			fmt.Fprintf(a.stdout, "Run the same command again: it checks each of them first and acts only where the change did not land; those it cannot check stay listed.\n")
		} else {
			fmt.Fprintln(a.stdout, "Without --journal a rerun cannot tell them apart: check them by hand before acting again.")
		}
	}
	if m.Stopped {
		if journal != "" {
			fmt.Fprintf(a.stdout, "Stopped before the end: run the same command again to resume from %s.\n", journal)
		} else {
			fmt.Fprintln(a.stdout, "Stopped before the end: pass --journal FILE next time to be able to resume.")
		}
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
