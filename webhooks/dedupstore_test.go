package webhooks

import (
	"context"
	"testing"
	"time"
)

func TestMemoryDedupStoreClaims(t *testing.T) {
	t.Parallel()
	now := time.Unix(1000, 0)
	s := newMemoryDedupStore(2, func() time.Time { return now })
	ctx := context.Background()
	claim := func(key string, want ClaimState) string {
		t.Helper()
		got, token, err := s.Claim(ctx, key, time.Minute)
		if err != nil || got != want {
			t.Fatalf("Claim(%s) = %v, %v; want %v", key, got, err, want)
		}
		return token
	}
	slow := claim("slow", ClaimNew)
	// Many deliveries finish while "slow" is in flight: with capacity 2 the
	// done ones evict each other, never the one in flight.
	for _, k := range []string{"a", "b", "c", "d"} {
		tok := claim(k, ClaimNew)
		if err := s.Release(ctx, k, tok, true, time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	claim("slow", ClaimInFlight)
	claim("d", ClaimDone)
	claim("a", ClaimNew) // evicted by capacity
	// A failed run is forgotten, so the retry runs.
	if err := s.Release(ctx, "slow", slow, false, time.Hour); err != nil {
		t.Fatal(err)
	}
	tok := claim("slow", ClaimNew)
	// A stale token changes nothing.
	_ = s.Release(ctx, "slow", "stale", true, time.Hour)
	claim("slow", ClaimInFlight)
	_ = s.Release(ctx, "slow", tok, true, time.Minute)
	claim("slow", ClaimDone)
	now = now.Add(2 * time.Minute) // past keep: forgotten
	claim("slow", ClaimNew)
	now = now.Add(2 * time.Minute) // past the lease: a crashed owner's claim lapses
	claim("slow", ClaimNew)
	if n := s.Len(); n > 4 {
		t.Fatalf("store holds %d claims", n)
	}
}

func TestClaimStateString(t *testing.T) {
	t.Parallel()
	for s, want := range map[ClaimState]string{ClaimNew: "new", ClaimInFlight: "in flight", ClaimDone: "done", 0: "unknown"} {
		if s.String() != want {
			t.Errorf("%d.String() = %q", s, s.String())
		}
	}
}
