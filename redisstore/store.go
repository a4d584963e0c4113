// Package redisstore keeps the SDK's shared state on Redis, for fleets of
// replicas that share one Clerk secret key or one webhook endpoint: its Store
// is both a clerk.LimiterStore and a webhooks.DedupStore.
//
// Give it to clerk.WithRateLimit and every client of the same secret key, in
// any process, draws from one request budget and honours one pause after a
// 429; give it to webhooks.WithDedupStore and every replica behind one endpoint
// runs a delivery once, even while its first attempt is still running:
//
//	rdb := redis.NewClient(&redis.Options{Addr: "redis:6379"})
//	store := redisstore.New(rdb)
//	c, err := clerk.NewClient(key, clerk.WithRateLimit(clerk.RateLimit{Store: store}))
//	h := webhooks.NewDispatcher(v, webhooks.WithDedupStore(store))
//
// Each operation is one Lua script, atomic on the Redis server, and every
// time is read from the server's clock, so replicas whose clocks disagree
// still share one schedule. Keys expire by themselves when idle for a day.
// Secrets never reach Redis: the SDK names keys by hashes.
//
// The store never lets a fleet exceed its limit. A schedule Redis lost (a
// FLUSHALL, a restart without persistence, an eviction) starts with an empty
// budget: its first slot is a window (10 s for Clerk's limits, WithWindow)
// away, and after every slot the replicas already hold. A Redis that does
// not answer makes each operation fail within WithTimeout (2 s by default):
// the client's calls then fail before anything is sent, so while Redis is
// down the fleet sends nothing, and its calls return errors that say so.
package redisstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/internal/redisscript"
	"github.com/clerkgo/clerk/webhooks"
	"github.com/redis/go-redis/v9"
)

// Store keeps the rate limiter's schedule (a clerk.LimiterStore) and the
// webhook de-duplication's claims (a webhooks.DedupStore) in Redis. It is
// safe for concurrent use.
type Store struct {
	rdb     redis.UniversalClient
	prefix  string
	window  time.Duration
	timeout time.Duration
	held    sync.Map // schedule key -> latest slot this Store handed out (server µs)
}

// DefaultTimeout is how long a Store waits for Redis by default.
const DefaultTimeout = 2 * time.Second

var (
	_ clerk.LimiterStore  = (*Store)(nil)
	_ webhooks.DedupStore = (*Store)(nil)
)

// Option configures a Store.
type Option func(*Store)

// WithPrefix puts prefix before every key (default "clerkgo:"), to share one
// Redis database between applications.
func WithPrefix(prefix string) Option { return func(s *Store) { s.prefix = prefix } }

// WithWindow sets how long a schedule that Redis lost (a FLUSHALL, a
// restart without persistence, an eviction, or simply its first use) waits
// before its first slot: the budget starts empty, since requests sent in
// the last window may be missing from it. The default is
// clerk.RateLimitWindow, the window of Clerk's limits; give the window of
// your own limit if you set one.
func WithWindow(d time.Duration) Option { return func(s *Store) { s.window = max(d, 0) } }

// WithTimeout bounds each operation (default DefaultTimeout): a Redis that
// does not answer in time (frozen, unreachable, partitioned) makes the
// operation fail with an error matching context.DeadlineExceeded, whatever
// the client's own timeouts and retries. The rate limiter then fails the
// call before sending it: a fleet whose Redis is down sends nothing rather
// than exceeding the limit.
func WithTimeout(d time.Duration) Option {
	return func(s *Store) {
		if d > 0 {
			s.timeout = d
		}
	}
}

// New returns a Store on rdb (a *redis.Client, *redis.ClusterClient or any
// redis.UniversalClient). It sends nothing until used.
func New(rdb redis.UniversalClient, opts ...Option) *Store {
	s := &Store{rdb: rdb, prefix: "clerkgo:", window: clerk.RateLimitWindow, timeout: DefaultTimeout}
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	return s
}

var (
	reserve = redis.NewScript(redisscript.Reserve)
	pause   = redis.NewScript(redisscript.Pause)
	claim   = redis.NewScript(redisscript.Claim)
	release = redis.NewScript(redisscript.Release)
)

// bounded runs fn with the Store's timeout, and gives up waiting for it
// when the timeout passes even if the client does not (its own read
// timeouts and retries can add up to many seconds).
func (s *Store) bounded(ctx context.Context, op string, fn func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- fn(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("redisstore: %s: %w", op, err)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("redisstore: %s: no answer from Redis: %w", op, context.Cause(ctx))
	}
}

// Reserve implements clerk.LimiterStore. A schedule Redis lost starts with an
// empty budget (see WithWindow).
func (s *Store) Reserve(ctx context.Context, key string, interval time.Duration, burst int) (time.Duration, error) {
	var held int64
	if v, ok := s.held.Load(key); ok {
		held = v.(int64)
	}
	var res []int64
	err := s.bounded(ctx, "reserve", func(ctx context.Context) (err error) {
		res, err = reserve.Run(ctx, s.rdb, []string{s.prefix + key}, interval.Microseconds(), max(burst, 1),
			s.window.Microseconds(), held, redisscript.IdleKeep).Int64Slice()
		return err
	})
	if err != nil {
		return 0, err
	}
	if len(res) != 2 {
		return 0, fmt.Errorf("redisstore: reserve: unexpected answer %v", res)
	}
	for {
		v, loaded := s.held.LoadOrStore(key, res[1])
		if !loaded || v.(int64) >= res[1] || s.held.CompareAndSwap(key, v, res[1]) {
			break
		}
	}
	return time.Duration(res[0]) * time.Microsecond, nil
}

// Pause implements clerk.LimiterStore.
func (s *Store) Pause(ctx context.Context, key string, d time.Duration) error {
	return s.bounded(ctx, "pause", func(ctx context.Context) error {
		return pause.Run(ctx, s.rdb, []string{s.prefix + key}, d.Microseconds(), redisscript.IdleKeep).Err()
	})
}

// Claim implements webhooks.DedupStore.
func (s *Store) Claim(ctx context.Context, key string, lease time.Duration) (webhooks.ClaimState, string, error) {
	token := newToken()
	var state int64
	err := s.bounded(ctx, "claim", func(ctx context.Context) (err error) {
		state, err = claim.Run(ctx, s.rdb, []string{s.prefix + key}, token, max(lease.Milliseconds(), 1)).Int64()
		return err
	})
	if err != nil {
		return 0, "", err
	}
	switch state {
	case 0:
		return webhooks.ClaimNew, token, nil
	case 1:
		return webhooks.ClaimInFlight, "", nil
	}
	return webhooks.ClaimDone, "", nil
}

// Release implements webhooks.DedupStore.
func (s *Store) Release(ctx context.Context, key, token string, done bool, keep time.Duration) error {
	flag := "0"
	if done {
		flag = "1"
	}
	return s.bounded(ctx, "release", func(ctx context.Context) error {
		return release.Run(ctx, s.rdb, []string{s.prefix + key}, token, flag, max(keep.Milliseconds(), 1)).Err()
	})
}

func newToken() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
