package webhooks

import (
	"container/list"
	"context"
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// DedupStore keeps the de-duplication's claims on deliveries (see
// WithDedupStore), so that every replica behind one endpoint runs a
// delivery once.
//
// MemoryDedupStore is the default, private to one process. The module
// github.com/clerkgo/clerk/redisstore shares the claims through Redis. Keys
// are chosen by the Dispatcher and never contain the signing secret.
type DedupStore interface {
	// Claim marks the work named key as in flight unless it is already in
	// flight or done. A new claim comes with a token for Release and lasts at
	// most lease, after which a crashed owner's work may be claimed again.
	Claim(ctx context.Context, key string, lease time.Duration) (ClaimState, string, error)
	// Release ends the claim with the given token: when done, the key is
	// remembered as done for keep; otherwise it is forgotten so the work
	// may run again.
	Release(ctx context.Context, key, token string, done bool, keep time.Duration) error
}

// ClaimState is what DedupStore.Claim found.
type ClaimState int

// Outcomes of DedupStore.Claim.
const (
	// ClaimNew means the caller now owns the work.
	ClaimNew ClaimState = iota + 1
	// ClaimInFlight means someone else is doing the work right now.
	ClaimInFlight
	// ClaimDone means the work was done recently.
	ClaimDone
)

// String names the state.
func (s ClaimState) String() string {
	switch s {
	case ClaimNew:
		return "new"
	case ClaimInFlight:
		return "in flight"
	case ClaimDone:
		return "done"
	}
	return "unknown"
}

// MemoryDedupStore is the in-process DedupStore, the one a Dispatcher uses
// unless WithDedupStore names another. It is safe for concurrent use. Done
// claims are bounded in count (the oldest are forgotten first) and in time;
// claims in flight are never evicted, so a slow delivery is never run twice
// because others came in meanwhile.
type MemoryDedupStore struct {
	now      func() time.Time
	capacity int

	mu        sync.Mutex
	inFlight  map[string]claim
	done      map[string]*list.Element // of *doneEntry
	doneOrder *list.List               // oldest first
}

type claim struct {
	token   string
	expires time.Time
}

type doneEntry struct {
	key     string
	expires time.Time
}

// NewMemoryDedupStore returns an empty MemoryDedupStore that remembers at
// most capacity done claims (DefaultDedupCapacity when zero or less).
func NewMemoryDedupStore(capacity int) *MemoryDedupStore {
	return newMemoryDedupStore(capacity, time.Now)
}

// newMemoryDedupStore reads the time from now: the verifier's clock, which
// tests can move.
func newMemoryDedupStore(capacity int, now func() time.Time) *MemoryDedupStore {
	if capacity <= 0 {
		capacity = DefaultDedupCapacity
	}
	return &MemoryDedupStore{
		now: now, capacity: capacity,
		inFlight: map[string]claim{}, done: map[string]*list.Element{}, doneOrder: list.New(),
	}
}

// Claim implements DedupStore.
func (m *MemoryDedupStore) Claim(_ context.Context, key string, lease time.Duration) (ClaimState, string, error) {
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
	token := newClaimToken()
	m.inFlight[key] = claim{token: token, expires: now.Add(lease)}
	return ClaimNew, token, nil
}

// Release implements DedupStore. A token that no longer owns the key (its
// lease ran out and someone else claimed it) changes nothing.
func (m *MemoryDedupStore) Release(_ context.Context, key, token string, done bool, keep time.Duration) error {
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
func (m *MemoryDedupStore) expire(now time.Time) {
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

func (m *MemoryDedupStore) forget(el *list.Element) {
	delete(m.done, el.Value.(*doneEntry).key)
	m.doneOrder.Remove(el)
}

// Len reports how many claims the store holds, done and in flight.
func (m *MemoryDedupStore) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.done) + len(m.inFlight)
}

func newClaimToken() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
