package redisstore_test

import (
	"context"
	"os"
	"testing"

	"github.com/clerkgo/clerk/internal/redistest"
	"github.com/redis/go-redis/v9"
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(childMain())
	}
	os.Exit(m.Run())
}

// startRedis starts a redis-server of the test's own on a loopback port
// (see internal/redistest).
func startRedis(t testing.TB) string {
	t.Helper()
	addr, _ := redistest.Start(t)
	return addr
}

// client returns a Redis client for one test.
func client(t testing.TB, addr string) *redis.Client {
	t.Helper()
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	t.Cleanup(func() { rdb.Close() })
	return rdb
}

func contextDone(t *testing.T) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	return ctx, cancel
}
