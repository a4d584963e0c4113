package jwt

import (
	"context"
	"crypto/rsa"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth/internal/reason"
)

// JWKS cache timing.
const (
	KeysTTL      = time.Hour        // keys are refetched after this
	MinRefetch   = 5 * time.Second  // at most one refetch per interval
	FetchTimeout = 30 * time.Second // bound of one shared fetch
	LogInterval  = time.Minute      // at most one failure log per interval
)

// keySnapshot is one fetched key set; it is never modified once stored.
type keySnapshot struct {
	keys      map[string]*rsa.PublicKey
	fetchedAt time.Time
}

func (s *keySnapshot) fresh(now time.Time) bool {
	return s != nil && now.Sub(s.fetchedAt) < KeysTTL
}

// usable reports whether the keys may still verify: while fresh, or during
// the grace period after a refresh failed.
func (s *keySnapshot) usable(now time.Time, failing bool, grace time.Duration) bool {
	if s == nil {
		return false
	}
	age := now.Sub(s.fetchedAt)
	return age < KeysTTL || (failing && grace > 0 && age < KeysTTL+grace)
}

// fetchCall is one in-flight JWKS fetch shared by every caller waiting on it.
type fetchCall struct {
	done chan struct{}
	err  error
}

// KeySet caches the JWKS of one Client. Reads are lock-free; fetches are
// shared (one request however many callers) and rate limited.
type KeySet struct {
	client  *clerk.Client
	now     func() time.Time
	grace   time.Duration
	logger  *slog.Logger
	cur     atomic.Pointer[keySnapshot]
	failing atomic.Bool // the last refresh failed

	mu          sync.Mutex
	inflight    *fetchCall
	lastAttempt time.Time
	lastErr     error
	lastLog     time.Time
}

// NewKeySet returns an empty cache of c's JWKS; grace is how long the last
// keys keep verifying while every refresh fails (0: not at all).
func NewKeySet(c *clerk.Client, now func() time.Time, grace time.Duration, logger *slog.Logger) *KeySet {
	return &KeySet{client: c, now: now, grace: grace, logger: logger}
}

// Peek returns the cached key for kid, or nil when it is unknown or the set
// is no longer usable. It never fetches.
func (ks *KeySet) Peek(kid string) *rsa.PublicKey {
	s := ks.cur.Load()
	if !s.usable(ks.now(), ks.failing.Load(), ks.grace) {
		return nil
	}
	return s.keys[kid]
}

// fresh returns the key for kid only while the set is within its lifetime.
func (ks *KeySet) fresh(kid string) *rsa.PublicKey {
	s := ks.cur.Load()
	if !s.fresh(ks.now()) {
		return nil
	}
	return s.keys[kid]
}

// Get returns the key for kid, fetching the set when it is cold or stale,
// or once per interval when kid is unknown.
func (ks *KeySet) Get(ctx context.Context, kid string) (*rsa.PublicKey, error) {
	if k := ks.fresh(kid); k != nil {
		return k, nil
	}
	if k := ks.Peek(kid); k != nil && ks.rateLimited() {
		return k, nil // in grace, and a refresh was tried moments ago
	}
	call, err := ks.startOrJoin(ctx, kid)
	if err != nil || call == nil {
		if err != nil {
			return nil, err
		}
		if k := ks.Peek(kid); k != nil {
			return k, nil
		}
		return nil, kidMismatch(kid)
	}
	select {
	case <-call.done:
	case <-ctx.Done():
		return nil, &reason.Error{Reason: reason.RemoteFailedToLoad, Message: "waiting for the JWKS", Err: ctx.Err()}
	}
	if k := ks.Peek(kid); k != nil {
		return k, nil
	}
	if call.err != nil {
		return nil, call.err
	}
	return nil, kidMismatch(kid)
}

// rateLimited reports whether a fetch was attempted within the refetch
// interval.
func (ks *KeySet) rateLimited() bool {
	ks.mu.Lock()
	defer ks.mu.Unlock()
	return !ks.lastAttempt.IsZero() && ks.now().Sub(ks.lastAttempt) < MinRefetch
}

// startOrJoin returns the fetch to wait for, or (nil, nil) when no fetch is
// allowed and the caller should decide from the cached set.
func (ks *KeySet) startOrJoin(ctx context.Context, kid string) (*fetchCall, error) {
	ks.mu.Lock()
	defer ks.mu.Unlock()
	now := ks.now()
	s := ks.cur.Load()
	if s.fresh(now) {
		if s.keys[kid] != nil {
			return nil, nil
		}
		if kid == "" {
			return nil, kidMismatch(kid)
		}
	}
	if ks.inflight != nil {
		return ks.inflight, nil
	}
	if !ks.lastAttempt.IsZero() && now.Sub(ks.lastAttempt) < MinRefetch {
		if ks.lastErr != nil {
			if s.usable(now, true, ks.grace) && s.keys[kid] != nil {
				return nil, nil
			}
			return nil, ks.lastErr
		}
		if s.fresh(now) {
			return nil, nil
		}
	}
	call := &fetchCall{done: make(chan struct{})}
	ks.inflight = call
	ks.lastAttempt = now
	go ks.fetch(context.WithoutCancel(ctx), call)
	return call, nil
}

// fetch loads the key set and publishes it; it runs detached from any one
// caller's cancellation, bounded by FetchTimeout.
func (ks *KeySet) fetch(ctx context.Context, call *fetchCall) {
	ctx, cancel := context.WithTimeout(ctx, FetchTimeout)
	defer cancel()
	keys, err := loadJWKS(ctx, ks.client)
	ks.mu.Lock()
	if err == nil {
		ks.cur.Store(&keySnapshot{keys: keys, fetchedAt: ks.now()})
		ks.lastErr = nil
		ks.failing.Store(false)
	} else {
		ks.lastErr = err
		ks.failing.Store(true)
		if now := ks.now(); ks.logger != nil && (ks.lastLog.IsZero() || now.Sub(ks.lastLog) >= LogInterval) {
			ks.lastLog = now
			inGrace := ks.cur.Load().usable(now, true, ks.grace)
			ks.logger.Warn("clerk auth: JWKS refresh failed", "error", err, "serving_last_keys", inGrace)
		}
	}
	call.err = err
	ks.inflight = nil
	ks.mu.Unlock()
	close(call.done)
}

func kidMismatch(kid string) *reason.Error {
	return &reason.Error{Reason: reason.KidMismatch, Message: fmt.Sprintf("no JWKS key with kid %q", kid)}
}
