package batch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/batch"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// Force a password reset for users listed in a file, resumably: run it
// again with the same journal and only what is not done yet is sent.
func ExampleRun() {
	em := clerktest.New()
	defer em.Close()
	c := em.Client(clerk.WithRateLimit(clerk.RateLimit{})) // 100 requests per 10 s for sk_test_ keys
	for _, email := range []string{"ada@example.com", "alan@example.com"} {
		_, _ = users.New(c).Create(context.Background(), &users.CreateParams{
			EmailAddress: clerk.Value([]string{email}), Password: clerk.String("correct-horse-battery")})
	}

	dir, _ := os.MkdirTemp("", "batch")
	defer os.RemoveAll(dir)
	journal, _ := batch.OpenJournal(filepath.Join(dir, "reset.journal"), batch.SyncEach)
	defer journal.Close()

	list := "ada@example.com\nalan@example.com\nnobody@example.com\n"
	for run := 1; run <= 2; run++ {
		sum, err := batch.Run(context.Background(), batch.FromReader(strings.NewReader(list), "users.txt"),
			batch.ForcePasswordReset(c), batch.Options{Concurrency: 4, Journal: journal})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("run %d: %d done, %d skipped, %d failed\n", run, sum.Done, sum.Skipped, sum.Failed)
	}
	// Output:
	// run 1: 2 done, 0 skipped, 1 failed
	// run 2: 0 done, 2 skipped, 1 failed
}
