// Package redisscript holds the Lua scripts of the Redis store, shared by
// the redisstore module (on go-redis) and the clerk tool's own small Redis
// client, so that both keep one schedule in exactly the same way. Times
// are read from the Redis server's clock, in microseconds.
package redisscript

// Reserve books a slot of the schedule KEYS[1]. ARGV: the interval between
// slots and the burst, the window a lost schedule must wait (all in
// microseconds but the burst), the latest slot this caller already holds
// (absolute server time, 0 if none), and how long an idle schedule is kept
// (milliseconds). It returns {wait, slot}: how long to wait, and the slot's
// absolute time.
//
// A schedule Redis does not have (first use, FLUSHALL, a restart without
// persistence, an eviction) starts with an empty budget: requests sent in
// the last window may be missing from it, so its first slot is a window
// away, and never before a slot its caller already holds.
const Reserve = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tolerance = (burst - 1) * interval
local v = redis.call('HMGET', KEYS[1], 'next', 'paused')
local nxt = tonumber(v[1])
local paused = tonumber(v[2]) or 0
if not nxt then
  nxt = math.max(now + math.max(tonumber(ARGV[3]), interval), tonumber(ARGV[4]) + interval) + tolerance
end
local allow = math.max(nxt - tolerance, now, paused)
nxt = math.max(nxt, allow) + interval
redis.call('HSET', KEYS[1], 'next', string.format('%.0f', nxt))
redis.call('PEXPIRE', KEYS[1], math.ceil((math.max(nxt, paused) - now) / 1000) + tonumber(ARGV[5]))
return {allow - now, allow}
`

// Pause moves the pause of schedule KEYS[1] to now + ARGV[1] microseconds,
// unless it is already later; ARGV[2] is how long an idle schedule is kept
// (milliseconds).
const Pause = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = tonumber(redis.call('HGET', KEYS[1], 'paused')) or 0
local want = now + tonumber(ARGV[1])
if want > paused then
  redis.call('HSET', KEYS[1], 'paused', string.format('%.0f', want))
  local nxt = tonumber(redis.call('HGET', KEYS[1], 'next')) or 0
  redis.call('PEXPIRE', KEYS[1], math.ceil((math.max(nxt, want) - now) / 1000) + tonumber(ARGV[2]))
end
return 0
`

// Claim returns 0 (new: claimed with token ARGV[1] for ARGV[2] ms), 1 (in
// flight) or 2 (done).
const Claim = `
local v = redis.call('GET', KEYS[1])
if v == 'done' then return 2 end
if v then return 1 end
redis.call('SET', KEYS[1], 'inflight:' .. ARGV[1], 'PX', ARGV[2])
return 0
`

// Release ends the claim with token ARGV[1] if it still owns the key: done
// (ARGV[2] == '1') is kept ARGV[3] ms, anything else forgets the key.
const Release = `
if redis.call('GET', KEYS[1]) ~= 'inflight:' .. ARGV[1] then return 0 end
if ARGV[2] == '1' then
  redis.call('SET', KEYS[1], 'done', 'PX', ARGV[3])
else
  redis.call('DEL', KEYS[1])
end
return 1
`

// IdleKeep is how long a schedule nobody uses is kept, in milliseconds: a
// day, so that only a real loss, not a quiet night, empties the budget.
const IdleKeep = 24 * 60 * 60 * 1000
