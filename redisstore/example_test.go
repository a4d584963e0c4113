package redisstore_test

import (
	"log"
	"os"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/redisstore"
	"github.com/clerkgo/clerk/webhooks"
	"github.com/redis/go-redis/v9"
)

// One Store serves both the rate limiter of every replica's client and the
// webhook de-duplication of every replica's endpoint. (Not run: it needs a
// Redis server; the tests start one.)
func Example() {
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:6379"})
	defer rdb.Close()
	store := redisstore.New(rdb)

	c, err := clerk.NewClient(os.Getenv("CLERK_SECRET_KEY"), clerk.WithRateLimit(clerk.RateLimit{Store: store}))
	if err != nil {
		log.Fatal(err)
	}
	_ = c

	v, err := webhooks.NewVerifierFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	_ = webhooks.NewDispatcher(v, webhooks.WithDedupStore(store))
}
