package redisstore_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clerkgo/clerk/redisstore"
	"github.com/clerkgo/clerk/webhooks"
	"github.com/redis/go-redis/v9"
)

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

// replica is one webhooks.Dispatcher with its own Redis connection, as a
// replica of a service would have.
func replica(t *testing.T, addr, prefix string, fn webhooks.HandlerFunc) *httptest.Server {
	t.Helper()
	v, err := webhooks.NewVerifier(secret)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	t.Cleanup(func() { rdb.Close() })
	h := webhooks.NewDispatcher(v, webhooks.WithDedupStore(redisstore.New(rdb, redisstore.WithPrefix(prefix))))
	h.On(webhooks.UserCreated, fn)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func deliver(t *testing.T, url, id string) int {
	t.Helper()
	body := []byte(`{"type":"user.created","object":"event","data":{"id":"user_1"}}`)
	now := time.Now()
	sig, err := webhooks.Sign(secret, id, now, body)
	if err != nil {
		t.Error(err)
		return 0
	}
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("svix-id", id)
	req.Header.Set("svix-timestamp", strconv.FormatInt(now.Unix(), 10))
	req.Header.Set("svix-signature", sig)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Error(err)
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestReplicasRunADeliveryOnce: a delivery whose first attempt is still
// running on replica A is answered 409 by replica B, and once A is done,
// both answer 204 without running it again.
func TestReplicasRunADeliveryOnce(t *testing.T) {
	t.Parallel()
	var runs atomic.Int32
	started, release := make(chan struct{}), make(chan struct{})
	slow := func(context.Context, *webhooks.Event) error {
		if runs.Add(1) == 1 {
			close(started)
			<-release
		}
		return nil
	}
	addr := startRedis(t)
	a, b := replica(t, addr, "fleet:", slow), replica(t, addr, "fleet:", slow)
	first := make(chan int, 1)
	go func() { first <- deliver(t, a.URL, "msg_slow") }()
	<-started
	if code := deliver(t, b.URL, "msg_slow"); code != http.StatusConflict {
		t.Fatalf("replica B while A runs it: %d, want 409", code)
	}
	close(release)
	if code := <-first; code != http.StatusNoContent {
		t.Fatalf("replica A: %d", code)
	}
	for _, srv := range []*httptest.Server{a, b} {
		if code := deliver(t, srv.URL, "msg_slow"); code != http.StatusNoContent {
			t.Fatalf("redelivery after success: %d", code)
		}
	}
	if n := runs.Load(); n != 1 {
		t.Fatalf("the handler ran %d times, want 1", n)
	}
}

// TestReplicasUnderConcurrentRedelivery fires the same deliveries at both
// replicas at once: each runs exactly once in the fleet.
func TestReplicasUnderConcurrentRedelivery(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	runs := map[string]int{}
	count := func(_ context.Context, e *webhooks.Event) error {
		mu.Lock()
		runs[e.ID]++
		mu.Unlock()
		return nil
	}
	addr := startRedis(t)
	srvs := []*httptest.Server{replica(t, addr, "fleet:", count), replica(t, addr, "fleet:", count)}
	var wg sync.WaitGroup
	for i := range 40 {
		id := "msg_" + strconv.Itoa(i%10)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if code := deliver(t, srvs[i%2].URL, id); code != http.StatusNoContent && code != http.StatusConflict {
				t.Errorf("%s: status %d", id, code)
			}
		}()
	}
	wg.Wait()
	if len(runs) != 10 {
		t.Fatalf("%d deliveries ran, want 10", len(runs))
	}
	for id, n := range runs {
		if n != 1 {
			t.Errorf("%s ran %d times", id, n)
		}
	}
}
