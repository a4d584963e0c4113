package webhooks

import (
	"container/list"
	"sync"
	"time"
)

// Default de-duplication limits, used when WithDeduplication gets zero or
// negative values. Svix retries a failed delivery for about a day.
const (
	DefaultDedupWindow   = 24 * time.Hour
	DefaultDedupCapacity = 10000
)

// dedupState is what the window knows about a delivery id.
type dedupState int

const (
	dedupNew dedupState = iota
	dedupInFlight
	dedupDone
)

// dedup remembers recently handled delivery ids, bounded in both time and
// count. Expired entries are dropped lazily on each call, so it needs no
// background goroutine.
type dedup struct {
	mu       sync.Mutex
	window   time.Duration
	capacity int
	now      func() time.Time
	entries  map[string]*list.Element // of *dedupEntry
	order    *list.List               // oldest first
}

type dedupEntry struct {
	id   string
	at   time.Time
	done bool
}

func newDedup(window time.Duration, capacity int, now func() time.Time) *dedup {
	if window <= 0 {
		window = DefaultDedupWindow
	}
	if capacity <= 0 {
		capacity = DefaultDedupCapacity
	}
	return &dedup{window: window, capacity: capacity, now: now, entries: map[string]*list.Element{}, order: list.New()}
}

// begin reports the id's state; when it is new, the id is marked in flight.
func (d *dedup) begin(id string) dedupState {
	d.mu.Lock()
	defer d.mu.Unlock()
	now := d.now()
	d.evict(now)
	if el, ok := d.entries[id]; ok {
		if el.Value.(*dedupEntry).done {
			return dedupDone
		}
		return dedupInFlight
	}
	for d.order.Len() >= d.capacity {
		d.remove(d.order.Front())
	}
	d.entries[id] = d.order.PushBack(&dedupEntry{id: id, at: now})
	return dedupNew
}

// finish records the outcome of a delivery begun with begin: a success is
// remembered for the window, a failure is forgotten so a retry runs again.
func (d *dedup) finish(id string, ok bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	el, found := d.entries[id]
	if !found {
		return // evicted meanwhile
	}
	if !ok {
		d.remove(el)
		return
	}
	e := el.Value.(*dedupEntry)
	e.done, e.at = true, d.now()
	d.order.MoveToBack(el)
}

// evict drops completed entries older than the window from the front.
func (d *dedup) evict(now time.Time) {
	for el := d.order.Front(); el != nil; {
		e := el.Value.(*dedupEntry)
		if !e.done || now.Sub(e.at) <= d.window {
			return
		}
		next := el.Next()
		d.remove(el)
		el = next
	}
}

func (d *dedup) remove(el *list.Element) {
	delete(d.entries, el.Value.(*dedupEntry).id)
	d.order.Remove(el)
}

// len is the number of remembered ids.
func (d *dedup) len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.order.Len()
}
