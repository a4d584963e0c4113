package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/sessions"
	"github.com/clerkgo/clerk/users"
)

// Outcomes of one batch item.
const (
	statusDone    = "done"
	statusSkipped = "skipped"
	statusFailed  = "failed"
)

// result is the outcome of one batch item.
type result struct {
	Input           string `json:"input"`
	Source          string `json:"source"`
	UserID          string `json:"user_id,omitempty"`
	Status          string `json:"status"`
	Reason          string `json:"reason,omitempty"`
	SessionsRevoked int    `json:"sessions_revoked,omitempty"`
	ErrorCode       string `json:"error_code,omitempty"`
	TraceID         string `json:"trace_id,omitempty"`
}

// summary is what force-password-reset prints at the end.
type summary struct {
	DryRun  bool     `json:"dry_run"`
	Done    int      `json:"done"`
	Skipped int      `json:"skipped"`
	Failed  int      `json:"failed"`
	Results []result `json:"results"`
}

func forcePasswordReset(a *app, args []string) error {
	fs := a.flags()
	var ids, emails stringList
	fs.Var(&ids, "user", "user ID (repeatable)")
	fs.Var(&emails, "email", "email address of a user (repeatable)")
	file := fs.String("from-file", "", "file with one user ID or email per line (- for stdin; # comments)")
	revoke := fs.Bool("revoke-sessions", false, "also revoke each user's active sessions")
	dryRun := fs.Bool("dry-run", false, "resolve users and report what would happen, change nothing")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	targets, err := collectTargets(a, ids, emails, *file)
	if err != nil {
		return err
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	r := &resetter{users: users.New(c), sessions: sessions.New(c), a: a, revoke: *revoke, dryRun: *dryRun,
		seenInput: map[string]string{}, seenUser: map[string]string{}}
	prog := newProgress(a.stderr, len(targets))
	sum := summary{DryRun: *dryRun}
	for i, t := range targets {
		res := r.do(t)
		sum.Results = append(sum.Results, res)
		switch res.Status {
		case statusDone:
			sum.Done++
		case statusSkipped:
			sum.Skipped++
		default:
			sum.Failed++
		}
		prog.step(i+1, res)
	}
	prog.finish()
	if err := a.output(sum, func(w io.Writer) error { return summaryTable(w, &sum) }); err != nil {
		return err
	}
	if sum.Failed > 0 {
		return errBatchFailed
	}
	return nil
}

// collectTargets gathers the batch from the flags; a malformed flag value or
// an unreadable file is a usage error, a malformed file line is not.
func collectTargets(a *app, ids, emails []string, file string) ([]target, error) {
	var out []target
	for _, id := range ids {
		if kind, problem := classify(id); kind != kindID {
			if problem == "" {
				problem = "an email address; use --email"
			}
			return nil, usagef("--user %q: %s", id, problem)
		}
		out = append(out, target{input: id, source: "--user", kind: kindID})
	}
	for _, e := range emails {
		if kind, problem := classify(e); kind != kindEmail {
			if problem == "" {
				problem = "a user ID; use --user"
			}
			return nil, usagef("--email %q: %s", e, problem)
		}
		out = append(out, target{input: e, source: "--email", kind: kindEmail})
	}
	if file != "" {
		var rd io.Reader = a.stdin
		name := "stdin"
		if file != "-" {
			f, err := os.Open(file)
			if err != nil {
				return nil, usagef("--from-file: %v", err)
			}
			defer f.Close()
			rd, name = f, file
		}
		ts, err := readTargets(rd, name)
		if err != nil {
			return nil, usagef("--from-file: %v", err)
		}
		out = append(out, ts...)
	}
	if len(out) == 0 {
		return nil, usagef("no users given: use --user, --email or --from-file")
	}
	return out, nil
}

// resetter processes batch items one at a time; it remembers what it has
// seen so a repeated entry is never acted on twice.
type resetter struct {
	a        *app
	users    *users.Service
	sessions *sessions.Service
	revoke   bool
	dryRun   bool

	seenInput map[string]string // normalized input -> source of its first appearance
	seenUser  map[string]string // user ID -> source that resolved to it first
}

func (r *resetter) do(t target) result {
	res := result{Input: t.input, Source: t.source}
	if t.kind == kindInvalid {
		return failed(res, t.problem, nil)
	}
	key := t.input
	if t.kind == kindEmail {
		key = strings.ToLower(key)
	}
	if first, ok := r.seenInput[key]; ok {
		res.Status, res.Reason = statusSkipped, "duplicate of "+first
		return res
	}
	r.seenInput[key] = t.source
	if err := r.a.ctx.Err(); err != nil {
		return failed(res, "interrupted before this entry", nil)
	}
	u, res, ok := r.resolve(t, res)
	if !ok {
		return res
	}
	res.UserID = u.ID
	if first, ok := r.seenUser[u.ID]; ok {
		res.Status, res.Reason = statusSkipped, "same user as "+first
		return res
	}
	r.seenUser[u.ID] = t.source
	if !u.PasswordEnabled {
		res.Status, res.Reason = statusSkipped, "user has no password"
		return res
	}
	if r.dryRun {
		return r.plan(u, res)
	}
	if _, err := r.users.SetPasswordCompromised(r.a.ctx, u.ID, &users.SetPasswordCompromisedParams{}); err != nil {
		return failed(res, "mark password compromised", err)
	}
	res.Status, res.Reason = statusDone, "password marked compromised"
	if !r.revoke {
		return res
	}
	n, err := r.revokeSessions(u.ID)
	res.SessionsRevoked = n
	if err != nil {
		return failed(res, fmt.Sprintf("password marked compromised, %s revoked, then", plural(n, "session")), err)
	}
	res.Reason += ", " + plural(n, "session") + " revoked"
	return res
}

// resolve finds the user a target names.
func (r *resetter) resolve(t target, res result) (*clerk.User, result, bool) {
	if t.kind == kindID {
		u, err := r.users.Get(r.a.ctx, t.input)
		if errors.Is(err, clerk.ErrNotFound) {
			return nil, failed(res, "no such user", err), false
		}
		if err != nil {
			return nil, failed(res, "look up user", err), false
		}
		return u, res, true
	}
	page, err := r.users.List(r.a.ctx, &users.ListParams{EmailAddress: []string{t.input}, ListParams: clerk.ListParams{Limit: clerk.Int64(2)}})
	if err != nil {
		return nil, failed(res, "look up email", err), false
	}
	switch len(page.Data) {
	case 0:
		return nil, failed(res, "no user with this email address", nil), false
	case 1:
		return page.Data[0], res, true
	default:
		return nil, failed(res, "several users have this email address", nil), false
	}
}

// plan reports what a real run would do, sending GET requests only.
func (r *resetter) plan(u *clerk.User, res result) result {
	res.Status, res.Reason = statusDone, "would mark password compromised"
	if !r.revoke {
		return res
	}
	ids, err := r.activeSessions(u.ID)
	if err != nil {
		return failed(res, "list sessions", err)
	}
	res.Reason += ", would revoke " + plural(len(ids), "session")
	return res
}

func (r *resetter) activeSessions(userID string) ([]string, error) {
	var ids []string
	p := &sessions.ListParams{UserID: clerk.String(userID), Status: clerk.String("active")}
	for s, err := range r.sessions.All(r.a.ctx, p) {
		if err != nil {
			return nil, err
		}
		ids = append(ids, s.ID)
	}
	return ids, nil
}

// revokeSessions revokes every active session of the user; it goes on after
// a failure and returns how many were revoked with the first error.
func (r *resetter) revokeSessions(userID string) (int, error) {
	ids, err := r.activeSessions(userID)
	if err != nil {
		return 0, fmt.Errorf("list sessions: %w", err)
	}
	n := 0
	var first error
	for _, id := range ids {
		if _, err := r.sessions.Revoke(r.a.ctx, id); err != nil {
			if first == nil {
				first = fmt.Errorf("revoke %s: %w", id, err)
			}
			continue
		}
		n++
	}
	return n, first
}

// failed marks res as failed with a reason and, for API errors, the code and
// trace id.
func failed(res result, reason string, err error) result {
	res.Status, res.Reason = statusFailed, reason
	if err != nil {
		res.Reason += ": " + describeError(err)
		var ae *clerk.APIError
		if errors.As(err, &ae) {
			res.ErrorCode, res.TraceID = ae.Code(), ae.TraceID
		}
	}
	res.Reason = oneLine(res.Reason)
	return res
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func summaryTable(w io.Writer, s *summary) error {
	t := newTable(w, "ENTRY", "SOURCE", "USER", "RESULT", "DETAIL")
	for _, r := range s.Results {
		uid := r.UserID
		if uid == "" {
			uid = "-"
		}
		t.row(r.Input, r.Source, uid, r.Status, r.Reason)
	}
	if err := t.flush(); err != nil {
		return err
	}
	if s.DryRun {
		_, err := fmt.Fprintf(w, "\nDry run, nothing changed: %d would be reset, %d skipped, %d failed.\n", s.Done, s.Skipped, s.Failed)
		return err
	}
	_, err := fmt.Fprintf(w, "\nSummary: %d done, %d skipped, %d failed.\n", s.Done, s.Skipped, s.Failed)
	return err
}
