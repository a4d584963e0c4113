package clerk_test

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
)

// loopbackClient returns a client for srv with fast retry waits.
func loopbackClient(t *testing.T, srv *httptest.Server, opts ...clerk.Option) *clerk.Client {
	t.Helper()
	base := []clerk.Option{clerk.WithBaseURL(srv.URL + "/v1"), clerk.WithRetryWait(time.Millisecond, 2*time.Millisecond)}
	c, err := clerk.NewClient(testKey, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRedirectIsNeverFollowed(t *testing.T) {
	t.Parallel()
	var reached atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
	}))
	defer target.Close()
	for _, status := range []int{301, 302, 303, 307, 308} {
		origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, target.URL+"/steal?token=abc", status)
		}))
		for name, opts := range map[string][]clerk.Option{
			"default client":                         nil,
			"caller's client that follows redirects": {clerk.WithHTTPClient(&http.Client{})},
		} {
			c := loopbackClient(t, origin, opts...)
			for _, method := range []string{http.MethodGet, http.MethodPost} {
				err := c.Do(context.Background(), &clerk.Request{Method: method, Path: "/users", Body: map[string]string{"password": "hunter2"}}, nil)
				if !errors.Is(err, clerk.ErrRedirect) {
					t.Fatalf("%d %s, %s: err = %v, want ErrRedirect", status, method, name, err)
				}
				msg := err.Error()
				if !strings.Contains(msg, http.StatusText(status)) || !strings.Contains(msg, target.URL+"/steal") || strings.Contains(msg, "token=abc") {
					t.Fatalf("%d: error %q should name the status and the target without its query", status, msg)
				}
			}
		}
		origin.Close()
	}
	if n := reached.Load(); n != 0 {
		t.Fatalf("the redirect target received %d requests", n)
	}
}

func TestResponseBodyIsBounded(t *testing.T) {
	t.Parallel()
	const bound = 64 << 10
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v1/big":
			// Streamed (no Content-Length): far past the bound.
			w.Write([]byte(`{"id":"`))
			chunk := []byte(strings.Repeat("x", 4096))
			for i := 0; i < 1024; i++ {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
			w.Write([]byte(`"}`))
		case "/v1/lying":
			// A Content-Length of 2 GiB with a small body: the client must
			// neither trust it for its buffer nor hang past the body.
			hj, _ := w.(http.Hijacker)
			conn, buf, _ := hj.Hijack()
			defer conn.Close()
			buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n{\"id\":\"u\"}")
			buf.Flush()
		case "/v1/exact":
			w.Write([]byte(`"` + strings.Repeat("y", bound-2) + `"`))
		}
	}))
	defer srv.Close()
	c := loopbackClient(t, srv, clerk.WithMaxResponseBytes(bound))
	var out map[string]any
	err := c.Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/big"}, &out)
	if !errors.Is(err, clerk.ErrResponseTooLarge) {
		t.Fatalf("big: err = %v, want ErrResponseTooLarge", err)
	}
	err = c.Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/lying"}, &out, clerk.WithMaxRetries(0))
	if err == nil || errors.Is(err, clerk.ErrResponseTooLarge) {
		t.Fatalf("lying Content-Length: err = %v, want a read error (the body ends early)", err)
	}
	var s string
	if err := c.Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/exact"}, &s); err != nil || len(s) != bound-2 {
		t.Fatalf("a body of exactly the bound: len %d, err %v", len(s), err)
	}
}

func TestCertificateErrorsAreNotRetried(t *testing.T) {
	t.Parallel()
	var handshakes atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	srv.TLS = &tls.Config{GetConfigForClient: func(*tls.ClientHelloInfo) (*tls.Config, error) {
		handshakes.Add(1)
		return nil, nil
	}}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the failed handshake is expected
	srv.StartTLS()
	defer srv.Close()
	// The default client does not trust the test server's certificate.
	c := loopbackClient(t, srv, clerk.WithMaxRetries(3))
	err := c.Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/users"}, nil)
	var verr *tls.CertificateVerificationError
	if !errors.As(err, &verr) {
		t.Fatalf("err = %v, want a certificate verification error", err)
	}
	if n := handshakes.Load(); n != 1 {
		t.Fatalf("%d TLS handshakes, want 1 (no retry)", n)
	}
}

// The default client keeps enough idle connections for 32 goroutines
// sharing it: 6,400 calls open about 32 connections, where net/http's
// default of two idle connections per host opened over a thousand. Every
// worker makes its first call, then all wait for each other, so the count
// measures the pool rather than the scheduling of the workers' start (a
// worker that races ahead at start hands its connection to a neighbour
// still dialling, which the pool then keeps as one extra).
func TestDefaultClientPoolsConnections(t *testing.T) {
	t.Parallel()
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"user_1","object":"user"}`)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	c := loopbackClient(t, srv)
	// The trace sees what the transport does with each connection after
	// its answer: offered to the idle pool (refused when the pool is full,
	// as a pool of two idle connections per host would), or dropped
	// without an offer, which net/http does when the goroutine writing the
	// request was not scheduled within 50ms of the answer (a loaded
	// machine; Go's own tests raise that limit to avoid the same effect).
	var gotConns, offered, refused atomic.Int32
	ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
		GotConn: func(httptrace.GotConnInfo) { gotConns.Add(1) },
		PutIdleConn: func(err error) {
			offered.Add(1)
			if err != nil {
				refused.Add(1)
			}
		},
	})
	const workers, calls = 32, 200
	var wg, started sync.WaitGroup
	started.Add(workers)
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < calls; i++ {
				var out map[string]any
				err := c.Do(ctx, &clerk.Request{Method: http.MethodGet, Path: "/users/{id}", PathParams: []string{"user_1"}}, &out)
				if i == 0 {
					started.Done()
					started.Wait()
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := refused.Load(); n > 0 {
		t.Fatalf("the idle pool refused %d connections under %d-way concurrency", n, workers)
	}
	dropped := gotConns.Load() - offered.Load()
	if dropped > workers*calls/20 {
		// Far beyond scheduling delays: answers not read to the end are
		// dropped this way.
		t.Fatalf("net/http dropped %d of %d connections without offering them to the pool", dropped, gotConns.Load())
	}
	// One connection per worker is the floor, not the ceiling: a request
	// that starts dialing just before another connection comes back idle
	// takes the idle one, and the transport keeps the late dial in the pool
	// too. How often that happens depends on scheduling, so the bound is
	// loose (4 per worker); a pool that does not reuse connections opens
	// one per call, 6,400 here, and the refusal check above catches a pool
	// that is too small.
	if n, limit := conns.Load(), 4*workers+dropped; n > limit {
		t.Fatalf("%d new connections for %d calls from %d goroutines, want at most %d (4 per goroutine, +%d dropped by net/http before reuse)", n, workers*calls, workers, limit, dropped)
	}
	t.Logf("%d new connections for %d calls; %d dropped by net/http before reuse", conns.Load(), workers*calls, dropped)
}

func TestMachineSecretKey(t *testing.T) {
	t.Parallel()
	const machineKey = "ak_0123456789abcdef0123456789abcdef"
	var got []string
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Header.Get("Authorization"))
		mu.Unlock()
		io.WriteString(w, `{}`)
	}))
	defer srv.Close()
	req := &clerk.Request{Method: http.MethodPost, Path: "/m2m_tokens", Body: map[string]any{"seconds_until_expiration": 60}}

	c := loopbackClient(t, srv)
	if err := c.Do(context.Background(), req, nil, clerk.WithMachineSecretKey(machineKey)); err != nil {
		t.Fatal(err)
	}
	if err := c.Do(context.Background(), req, nil); err != nil {
		t.Fatal(err)
	}
	mc, err := clerk.NewClient(machineKey, clerk.WithBaseURL(srv.URL+"/v1"))
	if err != nil {
		t.Fatal(err)
	}
	if !mc.IsMachineKey() || mc.IsTestKey() {
		t.Fatalf("IsMachineKey = %v, IsTestKey = %v", mc.IsMachineKey(), mc.IsTestKey())
	}
	if err := mc.Do(context.Background(), req, nil); err != nil {
		t.Fatal(err)
	}
	want := []string{"Bearer " + machineKey, "Bearer " + testKey, "Bearer " + machineKey}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("Authorization headers = %q, want %q", got, want)
	}
	for _, bad := range []string{"", "sk_test_abc", "ak_", "ak_bad key"} {
		err := c.Do(context.Background(), req, nil, clerk.WithMachineSecretKey(bad))
		if !errors.Is(err, clerk.ErrInvalidOption) || (bad != "" && strings.Contains(err.Error(), bad)) {
			t.Fatalf("WithMachineSecretKey(%q): err = %v, want ErrInvalidOption without the key", bad, err)
		}
	}
	if len(got) != 3 {
		t.Fatalf("%d requests sent, want 3: a bad key must be refused before any I/O", len(got))
	}
}
