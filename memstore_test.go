package clerk

import (
	"context"
	"testing"
	"time"
)

func TestMemoryLimiterStoreSchedule(t *testing.T) {
	t.Parallel()
	now := time.Unix(1000, 0)
	s := newMemoryLimiterStore(func() time.Time { return now })
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
