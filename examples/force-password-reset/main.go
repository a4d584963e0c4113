// Command force-password-reset marks the passwords of a list of users as
// compromised and revokes their active sessions: the batch behind
// "clerk users force-password-reset", in one page.
//
//	go run ./examples/force-password-reset [user_ID|email ...]
//
// Without CLERK_SECRET_KEY it runs against the clerktest emulator with demo users.
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/clerkgo/clerk"
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
		c = em.Client()
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
		if c, err = clerk.NewClientFromEnv(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	us, ss := users.New(c), sessions.New(c)
	done, skipped, failed := 0, 0, 0
	for _, t := range targets {
		// Resolve the entry: an email address goes through the list filter.
		params := &users.ListParams{UserID: []string{t}}
		if !strings.HasPrefix(t, "user_") {
			params = &users.ListParams{EmailAddress: []string{t}}
		}
		page, err := us.List(ctx, params)
		switch {
		case err != nil:
			failed++
			fmt.Printf("%-22s failed: %v\n", t, err)
			continue
		case len(page.Data) != 1:
			failed++
			fmt.Printf("%-22s failed: no such user\n", t)
			continue
		case !page.Data[0].PasswordEnabled:
			skipped++
			fmt.Printf("%-22s skipped: no password\n", t)
			continue
		}
		id := page.Data[0].ID
		if _, err := us.SetPasswordCompromised(ctx, id, &users.SetPasswordCompromisedParams{}); err != nil {
			failed++
			fmt.Printf("%-22s failed: %v\n", t, err)
			continue // never retried: a batch must not repeat a call that may have succeeded
		}
		revoked := 0
		for s, err := range ss.All(ctx, &sessions.ListParams{UserID: clerk.String(id), Status: clerk.String("active")}) {
			if err == nil {
				_, err = ss.Revoke(ctx, s.ID)
			}
			if err != nil {
				fmt.Printf("%-22s warning: %v\n", t, err)
				break
			}
			revoked++
		}
		done++
		fmt.Printf("%-22s done: %s, password marked compromised, %d session(s) revoked\n", t, id, revoked)
	}
	fmt.Printf("\n%d done, %d skipped, %d failed\n", done, skipped, failed)
}
