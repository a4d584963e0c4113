package redisstore_test

import (
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/redisstore"
)

func TestReserveAndPause(t *testing.T) {
	t.Parallel()
	addr := startRedis(t)
	s := redisstore.New(client(t, addr), redisstore.WithPrefix(t.Name()+":"))
	ctx := t.Context()
	const iv = time.Hour // long, so the server's clock cannot catch up mid-test
	if w, err := s.Reserve(ctx, "k", iv, 1); err != nil || w != 0 {
		t.Fatalf("first slot: wait %v, %v; want 0", w, err)
	}
	w, err := s.Reserve(ctx, "k", iv, 1)
	if err != nil || w <= iv-time.Minute || w > iv {
		t.Fatalf("second slot: wait %v, %v; want about %v", w, err, iv)
	}
	w3, _ := s.Reserve(ctx, "k", iv, 1)
	if w3 <= w+iv-time.Minute || w3 > 2*iv {
		t.Fatalf("third slot: wait %v; want about %v", w3, 2*iv)
	}
	// A burst of 3 lets three through at once on a fresh schedule.
	for i, want := range []bool{true, true, true, false} {
		w, err := s.Reserve(ctx, "burst", iv, 3)
		if err != nil || (w == 0) != want {
			t.Fatalf("burst slot %d: wait %v, %v", i, w, err)
		}
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

func TestClaims(t *testing.T) {
	t.Parallel()
	s := redisstore.New(client(t, startRedis(t)), redisstore.WithPrefix(t.Name()+":"))
	ctx := t.Context()
	claim := func(key string, want clerk.ClaimState) string {
		t.Helper()
		got, token, err := s.Claim(ctx, key, time.Minute)
		if err != nil || got != want {
			t.Fatalf("Claim(%s) = %v, %v; want %v", key, got, err, want)
		}
		return token
	}
	tok := claim("a", clerk.ClaimNew)
	claim("a", clerk.ClaimInFlight)
	if err := s.Release(ctx, "a", "stale-token", true, time.Hour); err != nil {
		t.Fatal(err)
	}
	claim("a", clerk.ClaimInFlight) // a stale token changes nothing
	if err := s.Release(ctx, "a", tok, false, time.Hour); err != nil {
		t.Fatal(err)
	}
	tok = claim("a", clerk.ClaimNew) // a failure is forgotten
	if err := s.Release(ctx, "a", tok, true, time.Hour); err != nil {
		t.Fatal(err)
	}
	claim("a", clerk.ClaimDone)
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
		if st == clerk.ClaimNew {
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
