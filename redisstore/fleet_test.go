package redisstore_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/redisstore"
	"github.com/clerkgo/clerk/users"
	"github.com/redis/go-redis/v9"
)

// The child process: a client that sends requests through its limiter and
// reports how many succeeded and how many were refused.
const childEnv = "REDISSTORE_TEST_CHILD"

func childMain() int {
	n, _ := strconv.Atoi(os.Getenv("CHILD_REQUESTS"))
	rate, _ := strconv.Atoi(os.Getenv("CHILD_RATE"))
	workers, _ := strconv.Atoi(os.Getenv("CHILD_WORKERS"))
	var store clerk.LimiterStore
	if addr := os.Getenv("CHILD_REDIS"); addr != "" {
		rdb := redis.NewClient(&redis.Options{Addr: addr})
		defer rdb.Close()
		// The limits here are per second: so is the window a lost
		// schedule waits.
		store = redisstore.New(rdb, redisstore.WithPrefix(os.Getenv("CHILD_PREFIX")), redisstore.WithWindow(time.Second))
	}
	c, err := clerk.NewClient(os.Getenv("CHILD_KEY"), clerk.WithBaseURL(os.Getenv("CHILD_URL")), clerk.WithMaxRetries(0),
		clerk.WithRateLimit(clerk.RateLimit{Requests: rate, Per: time.Second, Store: store}))
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	var ok, refused atomic.Int64
	var wg sync.WaitGroup
	next := make(chan struct{})
	for range max(workers, 4) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range next {
				if _, err := users.New(c).List(context.Background(), nil); err != nil {
					refused.Add(1)
					continue
				}
				ok.Add(1)
			}
		}()
	}
	for range n {
		next <- struct{}{}
	}
	close(next)
	wg.Wait()
	fmt.Printf("ok %d refused %d\n", ok.Load(), refused.Load())
	return 0
}

// runPair runs two child processes at once against em and returns the
// requests they got through.
func runPair(t *testing.T, em *clerktest.Emulator, redisAddr string, requests, rate int) int {
	t.Helper()
	return runPairWith(t, em, redisAddr, requests, rate, 4, nil)
}

// runPairWith is runPair with workers per process, and during, when not
// nil, called while the children run.
func runPairWith(t *testing.T, em *clerktest.Emulator, redisAddr string, requests, rate, workers int, during func()) int {
	t.Helper()
	var outs [2]bytes.Buffer
	var cmds [2]*exec.Cmd
	for i := range cmds {
		cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"=1", "CHILD_URL="+em.URL(), "CHILD_KEY="+em.SecretKey(), "CHILD_WORKERS="+strconv.Itoa(workers),
			"CHILD_REDIS="+redisAddr, "CHILD_PREFIX="+t.Name()+":", "CHILD_REQUESTS="+strconv.Itoa(requests), "CHILD_RATE="+strconv.Itoa(rate))
		cmd.Stdout, cmd.Stderr = &outs[i], &outs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds[i] = cmd
	}
	if during != nil {
		during()
	}
	total := 0
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("child %d: %v: %s", i, err, outs[i].String())
		}
		var ok, refused int
		if _, err := fmt.Sscanf(strings.TrimSpace(outs[i].String()), "ok %d refused %d", &ok, &refused); err != nil {
			t.Fatalf("child %d said %q", i, outs[i].String())
		}
		total += ok
	}
	return total
}

// TestTwoProcessesShareOneBudget runs two clients in two processes against
// one emulator that enforces the same limit as their limiters. Sharing one
// Redis, they never exceed it together: the emulator refuses nothing.
// Each with its own in-memory budget, they send twice the rate, and the
// emulator refuses some: the check can fail.
func TestTwoProcessesShareOneBudget(t *testing.T) {
	t.Parallel()
	addr := startRedis(t)
	const rate, requests = 50, 100 // each; 4 s in all when shared
	shared := clerktest.New(clerktest.WithServerRateLimit(rate, time.Second))
	t.Cleanup(shared.Close)
	if got := runPair(t, shared, addr, requests, rate); got != 2*requests || shared.RateLimited() != 0 {
		t.Fatalf("sharing Redis: %d of %d requests went through, the emulator refused %d", got, 2*requests, shared.RateLimited())
	}
	apart := clerktest.New(clerktest.WithServerRateLimit(rate, time.Second))
	t.Cleanup(apart.Close)
	runPair(t, apart, "", 3*requests/2, rate) // 3 s each: a late start still overlaps
	if apart.RateLimited() == 0 {
		t.Fatal("two processes with their own budgets were never refused: the shared case proves nothing")
	}
	t.Logf("shared budget: 0 of %d refused; separate budgets: %d refused", 2*requests, apart.RateLimited())
}

// TestFlushAllNeverLetsTheFleetExceedTheLimit flushes Redis while two
// processes, with many requests each waiting for their slot, share one
// budget. The schedule starts again empty, after the slots already handed
// out, so the emulator (enforcing the same limit) refuses nothing. A
// schedule that started again full would double the rate while the old
// slots drain.
func TestFlushAllNeverLetsTheFleetExceedTheLimit(t *testing.T) {
	t.Parallel()
	addr := startRedis(t)
	const rate, requests, workers = 20, 50, 24 // 48 slots booked ahead: 2.4 s
	em := clerktest.New(clerktest.WithServerRateLimit(rate, time.Second), clerktest.WithLogSize(1000))
	t.Cleanup(em.Close)
	rdb := client(t, addr)
	got := runPairWith(t, em, addr, requests, rate, workers, func() {
		deadline := time.Now().Add(time.Minute)
		for len(em.Requests()) < 30 {
			if time.Now().After(deadline) {
				t.Fatal("the children sent fewer than 30 requests in a minute")
			}
			time.Sleep(20 * time.Millisecond) // polling the emulator's log, with a deadline
		}
		if err := rdb.FlushAll(t.Context()).Err(); err != nil {
			t.Error(err)
		}
	})
	t.Logf("%d of %d requests went through, the emulator refused %d", got, 2*requests, em.RateLimited())
	if got != 2*requests || em.RateLimited() != 0 {
		t.Fatalf("after FLUSHALL: %d of %d requests went through, the emulator refused %d; want none refused", got, 2*requests, em.RateLimited())
	}
}
