package clerktest_test

import (
	"context"
	"io"
	"net/http"
	"runtime"
	"sort"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// allUsers iterates over every user of e through users.All in pages of
// 500 and returns how long it took.
func allUsers(b *testing.B, e *clerktest.Emulator, want int) time.Duration {
	us := users.New(e.Client())
	params := &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(500)}}
	t0 := time.Now()
	n := 0
	for _, err := range us.All(context.Background(), params) {
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
	d := time.Since(t0)
	if n != want {
		b.Fatalf("All yielded %d users, want %d", n, want)
	}
	return d
}

// BenchmarkUsersAllScale pairs, in each iteration, users.All over 1,000
// and over 100,000 stored users and reports the cost per user of each and
// their ratio (the goal: at most 1.3, listing costs the page, not the
// offset).
func BenchmarkUsersAllScale(b *testing.B) {
	small, large := clerktest.New(), clerktest.New()
	defer small.Close()
	defer large.Close()
	small.SeedUsers(1000)
	large.SeedUsers(100000)
	var perSmall, perLarge []float64
	b.ResetTimer()
	for range b.N {
		perSmall = append(perSmall, float64(allUsers(b, small, 1000).Nanoseconds())/1000)
		perLarge = append(perLarge, float64(allUsers(b, large, 100000).Nanoseconds())/100000)
	}
	b.StopTimer()
	s, l := median(perSmall), median(perLarge)
	b.ReportMetric(s, "ns/user@1k")
	b.ReportMetric(l, "ns/user@100k")
	b.ReportMetric(l/s, "ratio")
}

// BenchmarkListUsers50Of100000 measures GET /users?limit=50&offset=50000
// with 100,000 users stored, over loopback HTTP with the body read, and
// reports its p50 latency (the goal: at most 1 ms).
func BenchmarkListUsers50Of100000(b *testing.B) {
	e := clerktest.New()
	defer e.Close()
	e.SeedUsers(100000)
	hc := e.HTTPClient()
	lat := make([]float64, 0, b.N)
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		req, _ := http.NewRequest(http.MethodGet, e.URL()+"/users?limit=50&offset=50000", nil)
		req.Header.Set("Authorization", "Bearer "+e.SecretKey())
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 || n < 1000 {
			b.Fatalf("status %d, %d bytes, %v", resp.StatusCode, n, err)
		}
		lat = append(lat, float64(time.Since(t0).Microseconds()))
	}
	b.StopTimer()
	b.ReportMetric(median(lat), "p50-µs")
}

// BenchmarkSeedMemory reports the live heap an emulator holds for 100,000
// seeded users (measured after a collection, the emulator itself
// subtracted).
func BenchmarkSeedMemory(b *testing.B) {
	for range b.N {
		before := liveHeap()
		e := clerktest.New()
		e.SeedUsers(100000)
		after := liveHeap()
		b.ReportMetric(float64(after-before)/(1<<20), "MiB/100k-users")
		b.ReportMetric(float64(after-before)/100000, "B/user")
		e.Close()
	}
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		panic("median of nothing")
	}
	sort.Float64s(xs)
	return xs[len(xs)/2]
}
