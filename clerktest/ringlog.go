package clerktest

import "sync"

// ringLog keeps the most recent entries up to a fixed capacity, oldest
// dropped first. Its memory grows with the entries, not the capacity, so a
// large capacity (a whole batch job's requests) costs nothing until used.
// It has its own lock, so logging never waits on the state.
type ringLog[T any] struct {
	mu       sync.Mutex
	buf      []T
	capacity int
	start    int // index of the oldest entry when full
	full     bool
	dropped  int64
}

func newRingLog[T any](capacity int) *ringLog[T] {
	return &ringLog[T]{buf: make([]T, 0, min(capacity, 1024)), capacity: max(capacity, 1)}
}

// add appends v, dropping the oldest entry when the log is full.
func (l *ringLog[T]) add(v T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.full {
		l.buf = append(l.buf, v)
		l.full = len(l.buf) == l.capacity
		return
	}
	l.buf[l.start] = v
	l.start = (l.start + 1) % len(l.buf)
	l.dropped++
}

// snapshot returns the entries oldest first, each passed through copyFn.
func (l *ringLog[T]) snapshot(copyFn func(T) T) []T {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]T, 0, len(l.buf))
	for i := range l.buf {
		out = append(out, copyFn(l.buf[(l.start+i)%len(l.buf)]))
	}
	return out
}

// reset empties the log.
func (l *ringLog[T]) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	clear(l.buf)
	l.buf, l.start, l.full = l.buf[:0], 0, false
}
