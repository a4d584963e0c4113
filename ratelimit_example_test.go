package clerk_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// A client that paces itself to Clerk's limit for its key (100 requests per
// 10 s for sk_test_ keys) and, after a 429 with Retry-After, holds back every
// call until then; the logger shows the pause.
func ExampleWithRateLimit() {
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	c := emu.Client(clerk.WithRateLimit(clerk.RateLimit{}), clerk.WithLogger(logger), clerk.WithMaxRetries(0))
	emu.FailNext(1, 429, time.Second) // the server says: come back in 1 s
	_, err := users.New(c).List(context.Background(), nil)
	fmt.Println(err != nil)
	// Output:
	// level=INFO msg="clerk: rate limited by the server; pausing the client" route=/users retry_after=1s
	// true
}

// Clients of one secret key in several processes share one budget through
// a shared LimiterStore (here the in-memory one, shared by two clients).
func ExampleRateLimit() {
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	shared := clerk.NewMemoryLimiterStore()
	limit := clerk.RateLimit{Requests: 50, Per: time.Second, Store: shared}
	a, b := emu.Client(clerk.WithRateLimit(limit)), emu.Client(clerk.WithRateLimit(limit))
	for _, c := range []*clerk.Client{a, b} {
		if _, err := users.New(c).List(context.Background(), nil); err != nil {
			fmt.Println(err)
		}
	}
	fmt.Println("two clients, one budget of", limit.Requests, "requests per", limit.Per)
	// Output: two clients, one budget of 50 requests per 1s
}
