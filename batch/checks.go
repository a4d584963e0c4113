package batch

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/sessions"
	"github.com/clerkgo/clerk/users"
)

// ClockSlack is how far this machine's clock and the server's may differ
// when Check compares the time an attempt was sent with the times the API
// reports: a session opened within ClockSlack before the attempt is not
// taken as proof either way.
const ClockSlack = 5 * time.Second

// resetCheck settles a forced password reset in doubt from what the API
// shows, in this order:
//   - the user is gone, or has no password: not made (acting again is
//     refused or skipped, so it is safe);
//   - the password was changed after the attempt: made (the user already
//     chose a new one; another reset would ask again);
//   - a session opened before the attempt is still active: not made (the
//     reset revokes every session at once);
//   - a session was revoked after the attempt: made;
//   - otherwise (the user had no session then): unclear.
//
// It costs two requests: the user, and the user's sessions.
func resetCheck(us *users.Service, ss *sessions.Service) func(context.Context, Resolved, time.Time) (CheckResult, string, error) {
	return func(ctx context.Context, r Resolved, since time.Time) (CheckResult, string, error) {
		if since.IsZero() {
			return Unclear, "the journal has no time for the attempt", nil
		}
		u, err := us.Get(ctx, r.UserID)
		if errors.Is(err, clerk.ErrNotFound) {
			return NotMade, "the user no longer exists", nil
		}
		if err != nil {
			return Unclear, "", err
		}
		if !u.PasswordEnabled {
			return NotMade, "the user has no password", nil
		}
		edge := since.Add(-ClockSlack).UnixMilli()
		if u.GetPasswordLastUpdatedAt() >= edge {
			return Made, "the password was changed after the attempt", nil
		}
		page, err := ss.List(ctx, &sessions.ListParams{UserID: clerk.String(r.UserID), ListParams: clerk.ListParams{Limit: clerk.Int64(100)}})
		if err != nil {
			return Unclear, "", err
		}
		for _, s := range page.Data {
			if s.Status == "active" && s.CreatedAt < edge {
				return NotMade, fmt.Sprintf("session %s, opened before the attempt, is still active", s.ID), nil
			}
		}
		for _, s := range page.Data {
			if s.Status == "revoked" && s.UpdatedAt >= edge {
				return Made, fmt.Sprintf("session %s was revoked after the attempt", s.ID), nil
			}
		}
		return Unclear, "the user had no session that would show it", nil
	}
}

// stateCheck settles a change in doubt whose effect shows on the user:
// made when has says so, not made otherwise. One request.
func stateCheck(us *users.Service, what string, has func(*clerk.User) bool) func(context.Context, Resolved, time.Time) (CheckResult, string, error) {
	return func(ctx context.Context, r Resolved, _ time.Time) (CheckResult, string, error) {
		u, err := us.Get(ctx, r.UserID)
		if errors.Is(err, clerk.ErrNotFound) {
			return NotMade, "the user no longer exists", nil
		}
		if err != nil {
			return Unclear, "", err
		}
		if has(u) {
			return Made, "the user is " + what, nil
		}
		return NotMade, "the user is not " + what, nil
	}
}

// goneCheck settles a deletion in doubt: made when the user is gone.
func goneCheck(us *users.Service) func(context.Context, Resolved, time.Time) (CheckResult, string, error) {
	return func(ctx context.Context, r Resolved, _ time.Time) (CheckResult, string, error) {
		_, err := us.Get(ctx, r.UserID)
		switch {
		case errors.Is(err, clerk.ErrNotFound):
			return Made, "the user no longer exists", nil
		case err != nil:
			return Unclear, "", err
		}
		return NotMade, "the user still exists", nil
	}
}
