package redisstore_test

import (
	"context"
	"errors"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clerkgo/clerk/internal/redistest"
	"github.com/clerkgo/clerk/redisstore"
	"github.com/clerkgo/clerk/webhooks"
)

func TestReserveAndPause(t *testing.T) {
	t.Parallel()
	addr := startRedis(t)
	s := redisstore.New(client(t, addr), redisstore.WithPrefix(t.Name()+":"), redisstore.WithWindow(time.Minute))
	ctx := t.Context()
	const iv = time.Hour // long, so the server's clock cannot catch up mid-test
	// A new schedule starts with an empty budget: its first slot is one
	// interval (here longer than the window) away.
	w, err := s.Reserve(ctx, "k", iv, 1)
	if err != nil || w <= iv-time.Minute || w > iv {
		t.Fatalf("first slot: wait %v, %v; want about %v", w, err, iv)
	}
	w2, _ := s.Reserve(ctx, "k", iv, 1)
	if w2 <= w+iv-time.Minute || w2 > 2*iv {
		t.Fatalf("second slot: wait %v; want about %v", w2, 2*iv)
	}
	// A pause holds back the next slot of an idle schedule.
	if err := s.Pause(ctx, "paused", 90*time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.Pause(ctx, "paused", time.Minute); err != nil { // shorter: no effect
		t.Fatal(err)
	}
	if w, _ := s.Reserve(ctx, "paused", time.Second, 1); w <= 89*time.Minute || w > 90*time.Minute {
		t.Fatalf("slot after a 90 min pause: wait %v", w)
	}
	ttl, err := client(t, addr).PTTL(ctx, t.Name()+":paused").Result()
	if err != nil || ttl <= 90*time.Minute {
		t.Fatalf("schedule key TTL %v, %v: it must outlive the pause", ttl, err)
	}
}

// After a FLUSHALL the budget starts empty, not full: the first slot is a
// window away, and after every slot this store already handed out.
func TestLostScheduleStartsEmpty(t *testing.T) {
	t.Parallel()
	addr := startRedis(t)
	rdb := client(t, addr)
	s := redisstore.New(rdb, redisstore.WithWindow(time.Hour))
	ctx := t.Context()
	const iv = time.Second
	first, err := s.Reserve(ctx, "k", iv, 10)
	if err != nil || first <= 59*time.Minute || first > time.Hour {
		t.Fatalf("first slot of a new schedule: wait %v, %v; want about an hour (the window)", first, err)
	}
	held, _ := s.Reserve(ctx, "k", iv, 10)
	if err := rdb.FlushAll(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	after, err := s.Reserve(ctx, "k", iv, 10)
	if err != nil || after <= held {
		t.Fatalf("after FLUSHALL: wait %v, %v; want after the slot already held (%v)", after, err, held)
	}
	// Another store (another replica) knows of no slot: it still waits a
	// window.
	other, err := redisstore.New(rdb, redisstore.WithWindow(time.Hour)).Reserve(ctx, "fresh", iv, 10)
	if err != nil || other <= 59*time.Minute {
		t.Fatalf("a fresh schedule in another store: wait %v, %v", other, err)
	}
}

// A frozen Redis (SIGSTOP: the connection is open, nothing answers) makes
// each operation fail within the store's timeout, with an error that says
// so, instead of hanging for the client's retries.
func TestFrozenRedisFailsInBoundedTime(t *testing.T) {
	t.Parallel()
	addr, pid := redistest.Start(t)
	s := redisstore.New(client(t, addr), redisstore.WithPrefix(t.Name()+":"), redisstore.WithTimeout(300*time.Millisecond))
	ctx := t.Context()
	if _, err := s.Reserve(ctx, "k", time.Millisecond, 1); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	defer syscall.Kill(pid, syscall.SIGCONT)
	_, err := s.Reserve(ctx, "k", time.Millisecond, 1)
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "no answer from Redis") {
		t.Fatalf("Reserve on a frozen Redis: %v; want a deadline error saying Redis did not answer", err)
	}
	if _, _, err := s.Claim(ctx, "c", time.Minute); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Claim on a frozen Redis: %v", err)
	}
}

func TestClaims(t *testing.T) {
	t.Parallel()
	s := redisstore.New(client(t, startRedis(t)), redisstore.WithPrefix(t.Name()+":"))
	ctx := t.Context()
	claim := func(key string, want webhooks.ClaimState) string {
		t.Helper()
		got, token, err := s.Claim(ctx, key, time.Minute)
		if err != nil || got != want {
			t.Fatalf("Claim(%s) = %v, %v; want %v", key, got, err, want)
		}
		return token
	}
	tok := claim("a", webhooks.ClaimNew)
	claim("a", webhooks.ClaimInFlight)
	if err := s.Release(ctx, "a", "stale-token", true, time.Hour); err != nil {
		t.Fatal(err)
	}
	claim("a", webhooks.ClaimInFlight) // a stale token changes nothing
	if err := s.Release(ctx, "a", tok, false, time.Hour); err != nil {
		t.Fatal(err)
	}
	tok = claim("a", webhooks.ClaimNew) // a failure is forgotten
	if err := s.Release(ctx, "a", tok, true, time.Hour); err != nil {
		t.Fatal(err)
	}
	claim("a", webhooks.ClaimDone)
	// A lease that runs out frees the work of a crashed owner.
	if _, _, err := s.Claim(ctx, "short", time.Millisecond); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		st, _, err := s.Claim(ctx, "short", time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if st == webhooks.ClaimNew {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("an expired lease still blocks the work")
		}
		time.Sleep(5 * time.Millisecond) // polling Redis's own expiry, with a deadline
	}
}

func TestErrorsAreWrapped(t *testing.T) {
	t.Parallel()
	s := redisstore.New(client(t, startRedis(t)))
	ctx, cancel := contextDone(t)
	defer cancel()
	if _, err := s.Reserve(ctx, "k", time.Second, 1); err == nil {
		t.Fatal("Reserve on a cancelled context succeeded")
	}
	if _, _, err := s.Claim(ctx, "k", time.Second); err == nil {
		t.Fatal("Claim on a cancelled context succeeded")
	}
}
