package batch

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/sessions"
	"github.com/clerkgo/clerk/users"
)

// resolver finds users through the Backend API: email addresses cost one
// request per EmailChunk of them (a list filtered by those addresses); a
// user ID costs none, except in a dry run, where it is looked up to check
// that it exists.
type resolver struct {
	users *users.Service
	// check, when set, decides from the user object whether the action
	// has anything to do; it returns the reason to skip.
	check func(*clerk.User) string
}

func (rv resolver) resolve(ctx context.Context, t Target, dryRun bool) (Resolved, error) {
	switch t.Kind {
	case UserID:
		if !dryRun {
			return Resolved{UserID: t.Value}, nil
		}
		u, err := rv.users.Get(ctx, t.Value)
		if errors.Is(err, clerk.ErrNotFound) {
			return Resolved{}, errors.New("no such user")
		}
		if err != nil {
			return Resolved{}, err
		}
		return rv.found(u), nil
	case Email:
		page, err := rv.users.List(ctx, &users.ListParams{EmailAddress: []string{t.Value}, ListParams: clerk.ListParams{Limit: clerk.Int64(2)}})
		if err != nil {
			return Resolved{}, err
		}
		switch len(page.Data) {
		case 0:
			return Resolved{}, errors.New("no user with this email address")
		case 1:
			return rv.found(page.Data[0]), nil
		default:
			return Resolved{}, errors.New("several users have this email address")
		}
	}
	return Resolved{}, fmt.Errorf("batch: cannot resolve %q: %s", t.Value, t.Problem)
}

// resolveEmails looks up to EmailChunk addresses up with one list call.
// An address held by two users (which Clerk does not allow) is a problem,
// not a guess.
func (rv resolver) resolveEmails(ctx context.Context, emails []string, _ bool) (map[string]Resolved, error) {
	page, err := rv.users.List(ctx, &users.ListParams{EmailAddress: emails, ListParams: clerk.ListParams{Limit: clerk.Int64(int64(len(emails)))}})
	if err != nil {
		return nil, err
	}
	wanted := make(map[string]bool, len(emails))
	for _, e := range emails {
		wanted[strings.ToLower(e)] = true
	}
	out := make(map[string]Resolved, len(emails))
	for _, u := range page.Data {
		for _, e := range u.EmailAddresses {
			k := strings.ToLower(e.EmailAddress)
			if !wanted[k] {
				continue
			}
			if prev, dup := out[k]; dup && prev.UserID != u.ID {
				out[k] = Resolved{Problem: "several users have this email address"}
				continue
			}
			out[k] = rv.found(u)
		}
	}
	return out, nil
}

// resolveIDs checks up to EmailChunk user IDs with one list call, for a
// dry run.
func (rv resolver) resolveIDs(ctx context.Context, ids []string) (map[string]Resolved, error) {
	page, err := rv.users.List(ctx, &users.ListParams{UserID: ids, ListParams: clerk.ListParams{Limit: clerk.Int64(int64(len(ids)))}})
	if err != nil {
		return nil, err
	}
	out := make(map[string]Resolved, len(ids))
	for _, u := range page.Data {
		out[u.ID] = rv.found(u)
	}
	return out, nil
}

func (rv resolver) found(u *clerk.User) Resolved {
	r := Resolved{UserID: u.ID}
	if rv.check != nil {
		r.Skip = rv.check(u)
	}
	return r
}

// ForcePasswordReset marks each user's password as compromised and revokes
// all their sessions in the same request (set_compromised with
// revoke_all_sessions), so they must choose a new password at their next
// sign-in. It costs one request per user given by ID, and one per user
// plus one per hundred given by email; a dry run costs one per hundred.
// A user without a password is skipped. It is not Repeatable: a second
// reset would sign the user out of the sessions opened since the first and
// ask for another new password.
//
// The User object does not show whether a password is marked compromised,
// so a reset left in doubt is settled from the user's sessions and password
// time (two requests): a session opened before the attempt and still
// active proves it did not land; a session revoked after the attempt, or a
// password changed since, proves it did. A user who had no session at the
// time stays in doubt and is reported by name.
func ForcePasswordReset(c *clerk.Client) Action {
	svc := users.New(c)
	rv := resolver{users: svc, check: func(u *clerk.User) string {
		if !u.PasswordEnabled {
			return "user has no password"
		}
		return ""
	}}
	return Action{
		Name:          "force-password-reset",
		Plan:          "would mark the password compromised and revoke all sessions",
		Resolve:       rv.resolve,
		ResolveEmails: rv.resolveEmails,
		ResolveIDs:    rv.resolveIDs,
		Check:         resetCheck(svc, sessions.New(c)),
		Apply: func(ctx context.Context, r Resolved) (string, error) {
			_, err := svc.SetPasswordCompromised(ctx, r.UserID, &users.SetPasswordCompromisedParams{RevokeAllSessions: clerk.Bool(true)})
			var ae *clerk.APIError
			if errors.As(err, &ae) && (ae.Code() == "no_password_set" || ae.Code() == "password_not_set") {
				return "", Skip("user has no password")
			}
			if err != nil {
				return "", err
			}
			return "password marked compromised, sessions revoked", nil
		},
	}
}

// userAction builds a Repeatable action that calls one users method; check,
// when not nil, settles a change in doubt from the user.
func userAction(c *clerk.Client, name, plan, did string, check func(*users.Service) func(context.Context, Resolved, time.Time) (CheckResult, string, error),
	call func(*users.Service, context.Context, string) error) Action {
	svc := users.New(c)
	rv := resolver{users: svc}
	a := Action{
		Name: name, Repeatable: true, Plan: plan, Resolve: rv.resolve, ResolveEmails: rv.resolveEmails, ResolveIDs: rv.resolveIDs,
		Apply: func(ctx context.Context, r Resolved) (string, error) {
			if err := call(svc, ctx, r.UserID); err != nil {
				return "", err
			}
			return did, nil
		},
	}
	if check != nil {
		a.Check = check(svc)
	}
	return a
}

// userState is a check of a flag the User object shows.
func userState(what string, has func(*clerk.User) bool) func(*users.Service) func(context.Context, Resolved, time.Time) (CheckResult, string, error) {
	return func(s *users.Service) func(context.Context, Resolved, time.Time) (CheckResult, string, error) {
		return stateCheck(s, what, has)
	}
}

// Ban bans each user, which also signs them out everywhere. A ban in doubt
// is settled by reading the user's banned flag.
func Ban(c *clerk.Client) Action {
	return userAction(c, "ban", "would ban", "banned", userState("banned", func(u *clerk.User) bool { return u.Banned }), func(s *users.Service, ctx context.Context, id string) error {
		_, err := s.Ban(ctx, id)
		return err
	})
}

// Unban lifts each user's ban; one in doubt is settled by reading the
// banned flag.
func Unban(c *clerk.Client) Action {
	return userAction(c, "unban", "would unban", "unbanned", userState("unbanned", func(u *clerk.User) bool { return !u.Banned }), func(s *users.Service, ctx context.Context, id string) error {
		_, err := s.Unban(ctx, id)
		return err
	})
}

// Lock locks each user out of signing in; one in doubt is settled by
// reading the locked flag.
func Lock(c *clerk.Client) Action {
	return userAction(c, "lock", "would lock", "locked", userState("locked", func(u *clerk.User) bool { return u.Locked }), func(s *users.Service, ctx context.Context, id string) error {
		_, err := s.Lock(ctx, id)
		return err
	})
}

// Unlock lifts each user's lock; one in doubt is settled by reading the
// locked flag.
func Unlock(c *clerk.Client) Action {
	return userAction(c, "unlock", "would unlock", "unlocked", userState("unlocked", func(u *clerk.User) bool { return !u.Locked }), func(s *users.Service, ctx context.Context, id string) error {
		_, err := s.Unlock(ctx, id)
		return err
	})
}

// Delete deletes each user. A user already gone is skipped, so a rerun
// after a crash does not report the users it deleted as failures; a
// deletion in doubt is settled by looking the user up.
func Delete(c *clerk.Client) Action {
	return userAction(c, "delete", "would delete", "deleted", goneCheck, func(s *users.Service, ctx context.Context, id string) error {
		_, err := s.Delete(ctx, id)
		if errors.Is(err, clerk.ErrNotFound) {
			return Skip("no such user")
		}
		return err
	})
}

// UpdateMetadata merges p into each user's metadata (a key set to null is
// removed), as users.Service.UpdateMetadata does. It has no check: an
// update in doubt is simply made again, which merges the same keys.
func UpdateMetadata(c *clerk.Client, p *users.UpdateMetadataParams) Action {
	return userAction(c, "update-metadata", "would update the metadata", "metadata updated", nil, func(s *users.Service, ctx context.Context, id string) error {
		_, err := s.UpdateMetadata(ctx, id, p)
		return err
	})
}
