package clerk

import (
	"container/list"
	"context"
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// DefaultMemoryStoreCapacity is how many done claims a MemoryStore keeps when
// NewMemoryStore gets zero or less.
const DefaultMemoryStoreCapacity = 10000

// MemoryStore is the in-process Store. It is safe for concurrent use. Done
// claims are bounded in count (the oldest are forgotten first) and in time;
// claims in flight are never evicted, so a slow piece of work is never run
// twice because others came in meanwhile.
type MemoryStore struct {
	now      func() time.Time
	capacity int

	mu        sync.Mutex
	schedules map[string]*schedule
	inFlight  map[string]claim
	done      map[string]*list.Element // of *doneEntry
	doneOrder *list.List               // oldest first
}

type schedule struct {
	next   time.Time // the theoretical time of the next slot
	paused time.Time // no slot before this
}

type claim struct {
	token   string
	expires time.Time
}

type doneEntry struct {
	key     string
	expires time.Time
}

// NewMemoryStore returns an empty MemoryStore that remembers at most
// capacity done claims and reads the time from now (time.Now when nil).
func NewMemoryStore(capacity int, now func() time.Time) *MemoryStore {
	if capacity <= 0 {
		capacity = DefaultMemoryStoreCapacity
	}
	if now == nil {
		now = time.Now
	}
	return &MemoryStore{
		now: now, capacity: capacity,
		schedules: map[string]*schedule{}, inFlight: map[string]claim{},
		done: map[string]*list.Element{}, doneOrder: list.New(),
	}
}

// Reserve implements Store with the generic cell rate algorithm: each slot
// is interval after the previous one, and up to burst slots may be early.
func (m *MemoryStore) Reserve(_ context.Context, key string, interval time.Duration, burst int) (time.Duration, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	s := m.schedule(key)
	tolerance := time.Duration(max(burst-1, 0)) * interval
	allow := latest(s.next.Add(-tolerance), now, s.paused)
	s.next = latest(s.next, allow).Add(interval)
	return allow.Sub(now), nil
}

// Pause implements Store.
func (m *MemoryStore) Pause(_ context.Context, key string, d time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.schedule(key)
	s.paused = latest(s.paused, m.now().Add(d))
	return nil
}

func (m *MemoryStore) schedule(key string) *schedule {
	s, ok := m.schedules[key]
	if !ok {
		s = &schedule{}
		m.schedules[key] = s
	}
	return s
}

// Claim implements Store.
func (m *MemoryStore) Claim(_ context.Context, key string, lease time.Duration) (ClaimState, string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	m.expire(now)
	if el, ok := m.done[key]; ok {
		if now.Before(el.Value.(*doneEntry).expires) {
			return ClaimDone, "", nil
		}
		m.forget(el)
	}
	if c, ok := m.inFlight[key]; ok && now.Before(c.expires) {
		return ClaimInFlight, "", nil
	}
	token := newToken()
	m.inFlight[key] = claim{token: token, expires: now.Add(lease)}
	return ClaimNew, token, nil
}

// Release implements Store. A token that no longer owns the key (its lease
// ran out and someone else claimed it) changes nothing.
func (m *MemoryStore) Release(_ context.Context, key, token string, done bool, keep time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.inFlight[key]
	if !ok || c.token != token {
		return nil
	}
	delete(m.inFlight, key)
	if !done {
		return nil
	}
	for m.doneOrder.Len() >= m.capacity {
		m.forget(m.doneOrder.Front())
	}
	m.done[key] = m.doneOrder.PushBack(&doneEntry{key: key, expires: m.now().Add(keep)})
	return nil
}

// expire drops done claims whose time is up, oldest first, and claims in
// flight whose lease ran out.
func (m *MemoryStore) expire(now time.Time) {
	for el := m.doneOrder.Front(); el != nil; el = m.doneOrder.Front() {
		if now.Before(el.Value.(*doneEntry).expires) {
			break
		}
		m.forget(el)
	}
	for k, c := range m.inFlight {
		if !now.Before(c.expires) {
			delete(m.inFlight, k)
		}
	}
}

func (m *MemoryStore) forget(el *list.Element) {
	delete(m.done, el.Value.(*doneEntry).key)
	m.doneOrder.Remove(el)
}

// Len reports how many claims the store holds, done and in flight.
func (m *MemoryStore) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.done) + len(m.inFlight)
}

func latest(t time.Time, more ...time.Time) time.Time {
	for _, u := range more {
		if u.After(t) {
			t = u
		}
	}
	return t
}

func newToken() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
