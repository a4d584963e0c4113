package batch

import "testing"

func TestLedger(t *testing.T) {
	t.Parallel()
	l := newLedger()
	ref := map[uint64]state{}
	// Enough keys to grow several times, with colliding low bits and 0.
	for i := uint64(0); i < 20000; i++ {
		h := i * 1024 // same slot modulo the first table sizes
		st := state(i%4 + 1)
		l.set(h, st)
		ref[fixHash(h)] = st
	}
	l.set(7, stateNone) // absent and none: stays absent
	for h, want := range ref {
		if got := l.get(h); got != want {
			t.Fatalf("get(%d) = %d, want %d", h, got, want)
		}
	}
	if l.get(7) != stateNone || l.get(3) != stateNone {
		t.Fatal("absent keys read as present")
	}
	l.set(1024, stateNone)
	if l.get(1024) != stateNone || l.n != len(ref) {
		t.Fatalf("after clearing: %d, n %d", l.get(1024), l.n)
	}
}
