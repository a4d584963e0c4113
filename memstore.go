package clerk

import (
	"context"
	"sync"
	"time"
)

// MemoryLimiterStore is the in-process LimiterStore, the one a client uses
// when RateLimit.Store is nil. Give one to several clients to make them
// share a budget within one process. It is safe for concurrent use.
type MemoryLimiterStore struct {
	now func() time.Time

	mu        sync.Mutex
	schedules map[string]*schedule
}

type schedule struct {
	next   time.Time // the theoretical time of the next slot
	paused time.Time // no slot before this
}

// NewMemoryLimiterStore returns an empty MemoryLimiterStore.
func NewMemoryLimiterStore() *MemoryLimiterStore {
	return newMemoryLimiterStore(time.Now)
}

// newMemoryLimiterStore reads the time from now, so that tests can move it.
func newMemoryLimiterStore(now func() time.Time) *MemoryLimiterStore {
	return &MemoryLimiterStore{now: now, schedules: map[string]*schedule{}}
}

// Reserve implements LimiterStore with the generic cell rate algorithm: each
// slot is interval after the previous one, and up to burst slots may be
// early.
func (m *MemoryLimiterStore) Reserve(_ context.Context, key string, interval time.Duration, burst int) (time.Duration, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	s := m.schedule(key)
	tolerance := time.Duration(max(burst-1, 0)) * interval
	allow := latest(s.next.Add(-tolerance), now, s.paused)
	s.next = latest(s.next, allow).Add(interval)
	return allow.Sub(now), nil
}

// Pause implements LimiterStore.
func (m *MemoryLimiterStore) Pause(_ context.Context, key string, d time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.schedule(key)
	s.paused = latest(s.paused, m.now().Add(d))
	return nil
}

func (m *MemoryLimiterStore) schedule(key string) *schedule {
	s, ok := m.schedules[key]
	if !ok {
		s = &schedule{}
		m.schedules[key] = s
	}
	return s
}

func latest(t time.Time, more ...time.Time) time.Time {
	for _, u := range more {
		if u.After(t) {
			t = u
		}
	}
	return t
}
