package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/internal/redistest"
	"github.com/clerkgo/clerk/users"
)

// Two CLI runs at once against an emulator that enforces the same limit
// as their --rate: sharing Redis they are never refused; each with its own
// budget, they are (so the check can fail).
func TestRedisSharesTheBudgetBetweenRuns(t *testing.T) {
	t.Parallel()
	addr, _ := redistest.Start(t)
	const n = 12
	run2 := func(redis string) *clerktest.Emulator {
		em := clerktest.New(clerktest.WithServerRateLimit(10, time.Second))
		t.Cleanup(em.Close)
		em.SetServerRateLimit(0, 0)
		var ids [2][]string
		for i := range 2 * n {
			u, err := users.New(em.Client()).Create(t.Context(), &users.CreateParams{
				EmailAddress: clerk.Value([]string{fmt.Sprintf("r%d@example.com", i)}), Password: clerk.String("correct-horse-battery")})
			if err != nil {
				t.Fatal(err)
			}
			ids[i%2] = append(ids[i%2], u.ID)
		}
		em.SetServerRateLimit(10, time.Second)
		env := map[string]string{"CLERK_SECRET_KEY": em.SecretKey(), "CLERK_API_URL": em.URL(), "CLERK_REDIS_URL": redis}
		var wg sync.WaitGroup
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				args := append([]string{"users", "ban", "--yes", "--rate", "10/1s", "--max-retries", "0", "--concurrency", "4"}, ids[i]...)
				runWith(t.Context(), env, "", args...)
			}()
		}
		wg.Wait()
		return em
	}
	shared := run2("redis://" + addr)
	if got := shared.RateLimited(); got != 0 {
		t.Errorf("sharing Redis, the emulator refused %d requests", got)
	}
	apart := run2("")
	if apart.RateLimited() == 0 {
		t.Error("two runs with their own budgets were never refused: the shared case proves nothing")
	}
}

// A Redis that accepts connections but never answers (frozen) fails the
// call within the store's timeout, saying so.
func TestRedisThatDoesNotAnswer(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // held open, never answered
		}
	}()
	s, err := newRedisStore("redis://"+ln.Addr().String(), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	s.timeout = 200 * time.Millisecond
	_, err = s.Reserve(context.Background(), "k", time.Second, 1)
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "no answer from Redis") {
		t.Fatalf("Reserve on a silent Redis: %v", err)
	}
}

func TestRedisURLs(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		"redis://h":                  "h:6379",
		"redis://:pw@h:7000/2":       "h:7000",
		"rediss://user:pw@h.example": "h.example:6379",
	} {
		s, err := newRedisStore(raw, time.Second)
		if err != nil || s.addr != want {
			t.Errorf("%s: %+v, %v", raw, s, err)
		}
	}
	for _, bad := range []string{"http://h", "redis://", "redis://:secretpw@h/x", "h:6379"} {
		if _, err := newRedisStore(bad, time.Second); err == nil || strings.Contains(err.Error(), "secretpw") {
			t.Errorf("%s: %v", bad, err)
		}
	}
	em := newEmulator(t)
	if got := runCLI(t, em, "", "users", "list", "--redis", "redis://:secretpw@h/x"); got.code != exitUsage || strings.Contains(got.stderr, "secretpw") {
		t.Errorf("bad --redis: exit %d, %s", got.code, got.stderr)
	}
	if got := runCLI(t, em, "", "users", "list", "--rate", "off", "--redis", "redis://h"); got.code != exitUsage {
		t.Errorf("--redis with --rate off: exit %d", got.code)
	}
}
