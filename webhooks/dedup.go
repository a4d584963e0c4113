package webhooks

import (
	"context"
	"encoding/hex"
	"time"
)

// Default de-duplication limits, used when WithDeduplication gets zero or
// negative values. Svix retries a failed delivery for about a day.
const (
	DefaultDedupWindow   = 24 * time.Hour
	DefaultDedupCapacity = 10000
	// DefaultDedupLease is how long a delivery may stay in flight before a
	// replica that crashed while handling it is assumed gone, and the
	// delivery may run again.
	DefaultDedupLease = 10 * time.Minute
)

// dedup remembers deliveries through a DedupStore: in flight while the
// handler runs, done for the window after it succeeded. With the default
// in-memory store a delivery in flight is never evicted, however many others
// arrive meanwhile; with a shared store (redisstore) every replica sees the
// same claims.
type dedup struct {
	store     DedupStore
	namespace string // names this endpoint without revealing its secret
	window    time.Duration
	lease     time.Duration
}

func newDedup(v *Verifier, store DedupStore, window time.Duration, capacity int) *dedup {
	if window <= 0 {
		window = DefaultDedupWindow
	}
	if store == nil {
		store = newMemoryDedupStore(capacity, v.now)
	}
	return &dedup{store: store, namespace: "clerk:webhook:" + v.fingerprint() + ":", window: window, lease: DefaultDedupLease}
}

// begin claims the delivery id; the token is for finish.
func (d *dedup) begin(ctx context.Context, id string) (ClaimState, string, error) {
	return d.store.Claim(ctx, d.namespace+id, d.lease)
}

// finish records the outcome of a delivery begun with begin: a success is
// remembered for the window, a failure is forgotten so a retry runs again.
func (d *dedup) finish(ctx context.Context, id, token string, ok bool) error {
	return d.store.Release(context.WithoutCancel(ctx), d.namespace+id, token, ok, d.window)
}

// fingerprint is a stable name for the verifier's secret that cannot be
// turned back into it: an HMAC of a fixed label under the secret.
func (v *Verifier) fingerprint() string {
	st := v.macs.Get().(*macState)
	defer v.macs.Put(st)
	st.mac.Reset()
	st.mac.Write([]byte("clerkgo webhook de-duplication"))
	sum := st.mac.Sum(st.sum[:0])
	return hex.EncodeToString(sum[:12])
}
