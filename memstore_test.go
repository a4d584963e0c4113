package clerk_test

import (
	"context"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
)

func TestMemoryStoreSchedule(t *testing.T) {
	t.Parallel()
	now := time.Unix(1000, 0)
	s := clerk.NewMemoryStore(0, func() time.Time { return now })
	ctx := context.Background()
	const iv = 100 * time.Millisecond
	steps := []struct {
		advance time.Duration
		burst   int
		pause   time.Duration
		want    time.Duration
	}{
		{0, 1, 0, 0},                             // the first slot is free
		{0, 1, 0, iv},                            // then one every interval
		{0, 1, 0, 2 * iv},                        // queued behind the second
		{time.Second, 1, 0, 0},                   // idle time is not banked
		{0, 1, 3 * time.Second, 3 * time.Second}, // a pause delays the next slot
		{0, 1, 0, 3*time.Second + iv},            // and the ones after it
	}
	for i, st := range steps {
		now = now.Add(st.advance)
		if st.pause > 0 {
			if err := s.Pause(ctx, "k", st.pause); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Reserve(ctx, "k", iv, st.burst)
		if err != nil || got != st.want {
			t.Fatalf("step %d: Reserve = %v, %v; want %v", i, got, err, st.want)
		}
	}
	// Another key has its own schedule; a burst of 3 lets 3 through at once.
	for i, want := range []time.Duration{0, 0, 0, iv} {
		if got, _ := s.Reserve(ctx, "other", iv, 3); got != want {
			t.Fatalf("burst slot %d: wait %v, want %v", i, got, want)
		}
	}
}

func TestMemoryStoreClaims(t *testing.T) {
	t.Parallel()
	now := time.Unix(1000, 0)
	s := clerk.NewMemoryStore(2, func() time.Time { return now })
	ctx := context.Background()
	claim := func(key string, want clerk.ClaimState) string {
		t.Helper()
		got, token, err := s.Claim(ctx, key, time.Minute)
		if err != nil || got != want {
			t.Fatalf("Claim(%s) = %v, %v; want %v", key, got, err, want)
		}
		return token
	}
	slow := claim("slow", clerk.ClaimNew)
	// Many deliveries finish while "slow" is in flight: with capacity 2 the
	// done ones evict each other, never the one in flight.
	for _, k := range []string{"a", "b", "c", "d"} {
		tok := claim(k, clerk.ClaimNew)
		if err := s.Release(ctx, k, tok, true, time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	claim("slow", clerk.ClaimInFlight)
	claim("d", clerk.ClaimDone)
	claim("a", clerk.ClaimNew) // evicted by capacity
	// A failed run is forgotten, so the retry runs.
	if err := s.Release(ctx, "slow", slow, false, time.Hour); err != nil {
		t.Fatal(err)
	}
	tok := claim("slow", clerk.ClaimNew)
	// A stale token changes nothing.
	_ = s.Release(ctx, "slow", "stale", true, time.Hour)
	claim("slow", clerk.ClaimInFlight)
	_ = s.Release(ctx, "slow", tok, true, time.Minute)
	claim("slow", clerk.ClaimDone)
	now = now.Add(2 * time.Minute) // past keep: forgotten
	claim("slow", clerk.ClaimNew)
	now = now.Add(2 * time.Minute) // past the lease: a crashed owner's claim lapses
	claim("slow", clerk.ClaimNew)
	if n := s.Len(); n > 4 {
		t.Fatalf("store holds %d claims", n)
	}
}

func TestClaimStateString(t *testing.T) {
	t.Parallel()
	for s, want := range map[clerk.ClaimState]string{clerk.ClaimNew: "new", clerk.ClaimInFlight: "in flight", clerk.ClaimDone: "done", 0: "unknown"} {
		if s.String() != want {
			t.Errorf("%d.String() = %q", s, s.String())
		}
	}
}
