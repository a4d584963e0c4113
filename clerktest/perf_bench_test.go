package clerktest_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/organizations"
	"github.com/clerkgo/clerk/users"
)

// listBench measures fn, which lists 50 of 10,000 stored users, and
// reports its p50 latency.
func listBench(b *testing.B, fn func(e *clerktest.Emulator) error) {
	e := clerktest.New()
	defer e.Close()
	e.SeedUsers(10000)
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if err := fn(e); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
}

// BenchmarkListUsers50Of10000 measures the emulator answering
// GET /users?limit=50&offset=100 (default order) with 10,000 users stored,
// over loopback HTTP with the body read but not decoded.
func BenchmarkListUsers50Of10000(b *testing.B) {
	var hc *http.Client
	listBench(b, func(e *clerktest.Emulator) error {
		if hc == nil {
			hc = e.HTTPClient()
		}
		req, _ := http.NewRequest(http.MethodGet, e.URL()+"/users?limit=50&offset=100", nil)
		req.Header.Set("Authorization", "Bearer "+e.SecretKey())
		resp, err := hc.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		n, err := io.Copy(io.Discard, resp.Body)
		if resp.StatusCode != 200 || n < 1000 {
			return fmt.Errorf("status %d, %d bytes, %v", resp.StatusCode, n, err)
		}
		return err
	})
}

// BenchmarkListUsers50Of10000SDK is the same list through users.List,
// decoding included (the SDK's decoding dominates it).
func BenchmarkListUsers50Of10000SDK(b *testing.B) {
	var us *users.Service
	params := &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(50), Offset: clerk.Int64(100)}}
	listBench(b, func(e *clerktest.Emulator) error {
		if us == nil {
			us = users.New(e.Client())
		}
		p, err := us.List(context.Background(), params)
		if err == nil && len(p.Data) != 50 {
			err = fmt.Errorf("%d users", len(p.Data))
		}
		return err
	})
}

// BenchmarkMixedConcurrent runs 8 clients of mixed create, update, list,
// membership and delete calls through the SDK against 10,000 stored users
// and reports calls/s and the connections the server accepted.
func BenchmarkMixedConcurrent(b *testing.B) {
	mixedBench(b, func(e *clerktest.Emulator) *clerk.Client { return e.Client() })
}

// BenchmarkMixedConcurrentDefaultTransport is the same load over
// http.DefaultTransport, which keeps only 2 idle connections per host: with
// 8 clients most calls dial a new connection (the idle time of the old
// emulator client).
func BenchmarkMixedConcurrentDefaultTransport(b *testing.B) {
	mixedBench(b, func(e *clerktest.Emulator) *clerk.Client {
		return e.Client(clerk.WithHTTPClient(&http.Client{}))
	})
}

func mixedBench(b *testing.B, client func(*clerktest.Emulator) *clerk.Client) {
	e := clerktest.New()
	defer e.Close()
	c := client(e)
	e.SeedUsers(10000)
	us, orgs := users.New(c), organizations.New(c)
	org, err := orgs.Create(context.Background(), &organizations.CreateParams{Name: "Bench"})
	if err != nil {
		b.Fatal(err)
	}
	var calls, seq atomic.Int64
	const clients = 8
	conns0 := e.Connections()
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	per := b.N/clients + 1
	for w := 0; w < clients; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			for i := 0; i < per; i++ {
				n := seq.Add(1)
				u, err := us.Create(ctx, &users.CreateParams{EmailAddress: clerk.Value([]string{fmt.Sprintf("mix%d@example.com", n)})})
				if err != nil {
					b.Error(err)
					return
				}
				if _, err := us.Update(ctx, u.ID, &users.UpdateParams{FirstName: clerk.String("Mixed")}); err != nil {
					b.Error(err)
					return
				}
				if _, err := us.List(ctx, &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(10)}}); err != nil {
					b.Error(err)
					return
				}
				if _, err := orgs.CreateMembership(ctx, org.ID, &organizations.CreateMembershipParams{UserID: u.ID, Role: "org:member"}); err != nil {
					b.Error(err)
					return
				}
				if _, err := us.Delete(ctx, u.ID); err != nil {
					b.Error(err)
					return
				}
				calls.Add(5)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.ReportMetric(float64(calls.Load())/elapsed.Seconds(), "calls/s")
	b.ReportMetric(float64(e.Connections()-conns0)/float64(calls.Load()), "conns/call")
}
