// Command force-password-reset marks the passwords of a list of users as
// compromised and revokes all their sessions, with the batch package that
// "clerk users force-password-reset" runs: one request per user (plus one
// per hundred email addresses), paced by the client's rate limiter.
//
//	go run ./examples/force-password-reset [user_ID|email ...]
//
// Without CLERK_SECRET_KEY it runs against the clerktest emulator with demo
// users. It exits with status 1 when a user failed or is in doubt.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/batch"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/sessions"
	"github.com/clerkgo/clerk/users"
)

func main() {
	ctx, targets := context.Background(), os.Args[1:]
	var c *clerk.Client
	if os.Getenv("CLERK_SECRET_KEY") == "" {
		em := clerktest.New(clerktest.WithDemoData())
		defer em.Close()
		c = em.Client(clerk.WithRateLimit(clerk.RateLimit{})) // Clerk's limit for the key: 100 per 10 s
		fmt.Println("No CLERK_SECRET_KEY: using the clerktest emulator")
		if len(targets) == 0 {
			targets = []string{"ada@example.com", "grace@example.com", "nobody@example.com"}
		}
		// Give Ada a signed-in session, so there is one to revoke.
		if p, err := users.New(c).List(ctx, &users.ListParams{EmailAddress: targets[:1]}); err == nil && len(p.Data) == 1 {
			_, _ = sessions.New(c).Create(ctx, &sessions.CreateParams{UserID: p.Data[0].ID})
		}
	} else {
		var err error
		if c, err = clerk.NewClientFromEnv(clerk.WithRateLimit(clerk.RateLimit{})); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	// One set_compromised call per user, which also revokes every session;
	// email addresses are resolved a hundred per request. The client's rate
	// limiter keeps the job within Clerk's per-instance limit, and OnItem
	// reports each user as it is done (in completion order).
	sum, err := batch.Run(ctx, batch.FromSlice("args", targets), batch.ForcePasswordReset(c), batch.Options{
		Concurrency: 4,
		OnItem: func(it batch.Item) {
			fmt.Printf("%-22s %s: %s\n", it.Target.Value, it.Status, it.Detail)
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("\n%d done, %d skipped, %d failed, %d in doubt\n", sum.Done, sum.Skipped, sum.Failed, sum.InDoubt)
	if sum.InDoubt > 0 {
		// Their request may have reached Clerk without an answer: check
		// them (rerun with a batch.Journal, as the CLI's --journal does)
		// before resetting them again.
		fmt.Println("in doubt: the reset may or may not have been made for those users")
	}
	if sum.Failed > 0 || sum.InDoubt > 0 {
		os.Exit(1)
	}
}
