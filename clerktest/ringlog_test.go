package clerktest

import (
	"slices"
	"testing"
)

func TestRingLogKeepsTheNewest(t *testing.T) {
	t.Parallel()
	l := newRingLog[int](3)
	for i := range 5 {
		l.add(i)
	}
	if got := l.snapshot(func(v int) int { return v }); !slices.Equal(got, []int{2, 3, 4}) {
		t.Fatalf("log %v, want [2 3 4]", got)
	}
	l.reset()
	l.add(9)
	if got := l.snapshot(func(v int) int { return v }); !slices.Equal(got, []int{9}) {
		t.Fatalf("after reset: %v", got)
	}
}

// A log sized for a whole job (a million entries) reserves memory as it
// fills, not up front.
func TestRingLogGrowsOnDemand(t *testing.T) {
	t.Parallel()
	l := newRingLog[Request](1_000_000)
	if c := cap(l.buf); c > 1024 {
		t.Fatalf("an empty log reserved %d entries", c)
	}
	for range 5000 {
		l.add(Request{})
	}
	if n := len(l.snapshot(func(r Request) Request { return r })); n != 5000 {
		t.Fatalf("%d entries kept of 5000", n)
	}
}
