// Package redisstore is a clerk.Store on Redis, for fleets of replicas that
// share one Clerk secret key or one webhook endpoint.
//
// Give it to clerk.WithRateLimit and every client of the same secret key, in
// any process, draws from one request budget and honours one pause after a
// 429; give it to webhooks.WithStore and every replica behind one endpoint
// runs a delivery once, even while its first attempt is still running:
//
//	rdb := redis.NewClient(&redis.Options{Addr: "redis:6379"})
//	store := redisstore.New(rdb)
//	c, err := clerk.NewClient(key, clerk.WithRateLimit(clerk.RateLimit{Store: store}))
//	h := webhooks.NewDispatcher(v, webhooks.WithStore(store))
//
// Each operation is one Lua script, atomic on the Redis server, and every
// time is read from the server's clock, so replicas whose clocks disagree
// still share one schedule. Keys expire by themselves when idle. Secrets
// never reach Redis: the SDK names keys by hashes.
package redisstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/redis/go-redis/v9"
)

// Store is a clerk.Store kept in Redis. It is safe for concurrent use.
type Store struct {
	rdb    redis.UniversalClient
	prefix string
}

var _ clerk.Store = (*Store)(nil)

// Option configures a Store.
type Option func(*Store)

// WithPrefix puts prefix before every key (default "clerkgo:"), to share one
// Redis database between applications.
func WithPrefix(prefix string) Option { return func(s *Store) { s.prefix = prefix } }

// New returns a Store on rdb (a *redis.Client, *redis.ClusterClient or any
// redis.UniversalClient). It sends nothing until used.
func New(rdb redis.UniversalClient, opts ...Option) *Store {
	s := &Store{rdb: rdb, prefix: "clerkgo:"}
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	return s
}

// reserve books a slot; times are in microseconds of the server's clock.
// It returns the wait in microseconds.
var reserve = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tolerance = (tonumber(ARGV[2]) - 1) * interval
local v = redis.call('HMGET', KEYS[1], 'next', 'paused')
local nxt = tonumber(v[1]) or 0
local paused = tonumber(v[2]) or 0
local allow = math.max(nxt - tolerance, now, paused)
nxt = math.max(nxt, allow) + interval
redis.call('HSET', KEYS[1], 'next', string.format('%.0f', nxt))
redis.call('PEXPIRE', KEYS[1], math.ceil((math.max(nxt, paused) - now) / 1000) + 60000)
return allow - now
`)

// pause moves the schedule's pause to now + ARGV[1] microseconds, unless it
// is already later.
var pause = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = tonumber(redis.call('HGET', KEYS[1], 'paused')) or 0
local want = now + tonumber(ARGV[1])
if want > paused then
  redis.call('HSET', KEYS[1], 'paused', string.format('%.0f', want))
  local nxt = tonumber(redis.call('HGET', KEYS[1], 'next')) or 0
  redis.call('PEXPIRE', KEYS[1], math.ceil((math.max(nxt, want) - now) / 1000) + 60000)
end
return 0
`)

// claim returns 0 (new), 1 (in flight) or 2 (done).
var claim = redis.NewScript(`
local v = redis.call('GET', KEYS[1])
if v == 'done' then return 2 end
if v then return 1 end
redis.call('SET', KEYS[1], 'inflight:' .. ARGV[1], 'PX', ARGV[2])
return 0
`)

// release ends the claim with token ARGV[1] if it still owns the key.
var release = redis.NewScript(`
if redis.call('GET', KEYS[1]) ~= 'inflight:' .. ARGV[1] then return 0 end
if ARGV[2] == '1' then
  redis.call('SET', KEYS[1], 'done', 'PX', ARGV[3])
else
  redis.call('DEL', KEYS[1])
end
return 1
`)

// Reserve implements clerk.Store.
func (s *Store) Reserve(ctx context.Context, key string, interval time.Duration, burst int) (time.Duration, error) {
	us, err := reserve.Run(ctx, s.rdb, []string{s.prefix + key}, interval.Microseconds(), max(burst, 1)).Int64()
	if err != nil {
		return 0, fmt.Errorf("redisstore: reserve: %w", err)
	}
	return time.Duration(us) * time.Microsecond, nil
}

// Pause implements clerk.Store.
func (s *Store) Pause(ctx context.Context, key string, d time.Duration) error {
	if err := pause.Run(ctx, s.rdb, []string{s.prefix + key}, d.Microseconds()).Err(); err != nil {
		return fmt.Errorf("redisstore: pause: %w", err)
	}
	return nil
}

// Claim implements clerk.Store.
func (s *Store) Claim(ctx context.Context, key string, lease time.Duration) (clerk.ClaimState, string, error) {
	token := newToken()
	state, err := claim.Run(ctx, s.rdb, []string{s.prefix + key}, token, max(lease.Milliseconds(), 1)).Int64()
	if err != nil {
		return 0, "", fmt.Errorf("redisstore: claim: %w", err)
	}
	switch state {
	case 0:
		return clerk.ClaimNew, token, nil
	case 1:
		return clerk.ClaimInFlight, "", nil
	}
	return clerk.ClaimDone, "", nil
}

// Release implements clerk.Store.
func (s *Store) Release(ctx context.Context, key, token string, done bool, keep time.Duration) error {
	flag := "0"
	if done {
		flag = "1"
	}
	if err := release.Run(ctx, s.rdb, []string{s.prefix + key}, token, flag, max(keep.Milliseconds(), 1)).Err(); err != nil {
		return fmt.Errorf("redisstore: release: %w", err)
	}
	return nil
}

func newToken() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
