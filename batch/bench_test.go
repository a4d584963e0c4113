package batch_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/batch"
	"github.com/clerkgo/clerk/clerktest"
)

// writeTargets writes n user IDs, one per line.
func writeTargets(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "targets.txt")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := range n {
		fmt.Fprintf(w, "user_%s\n", strconv.FormatInt(int64(i)+1e9, 36))
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return path
}

// noop is an action that resolves IDs without a request and applies nothing.
func noop() batch.Action {
	return batch.Action{
		Name: "noop",
		Resolve: func(_ context.Context, t batch.Target, _ bool) (batch.Resolved, error) {
			return batch.Resolved{UserID: t.Value}, nil
		},
		Apply: func(context.Context, batch.Resolved) (string, error) { return "", nil },
	}
}

// peakHeap runs fn while sampling the live heap, and returns its peak.
func peakHeap(fn func(sample func())) uint64 {
	runtime.GC()
	var peak uint64
	sample := func() {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapAlloc)
	}
	fn(sample)
	return peak
}

func streamFile(tb testing.TB, path string, every int64, sample func()) batch.Summary {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var n atomic.Int64
	sum, err := batch.Run(context.Background(), batch.FromReader(f, "targets.txt"), noop(), batch.Options{
		Concurrency: 8,
		OnItem: func(batch.Item) {
			if n.Add(1)%every == 0 {
				sample()
			}
		},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return sum
}

// BenchmarkMillionTargets streams 1,000,000 targets from a file through a
// no-op action and compares the peak live heap with a 100,000-line run and
// with reading the whole file into memory first (what the old CLI did).
// The heap that grows with the input is the run's ledger of handled
// targets (a 64-bit hash and a state each), which keeps a duplicate from
// running twice.
func BenchmarkMillionTargets(b *testing.B) {
	small, large := writeTargets(b, 100_000), writeTargets(b, 1_000_000)
	for b.Loop() {
		peakSmall := peakHeap(func(s func()) { streamFile(b, small, 10_000, s) })
		var sum batch.Summary
		peakLarge := peakHeap(func(s func()) { sum = streamFile(b, large, 100_000, s) })
		if sum.Done != 1_000_000 {
			b.Fatalf("done %d", sum.Done)
		}
		peakSlice := peakHeap(func(s func()) {
			f, _ := os.Open(large)
			defer f.Close()
			var all []batch.Target
			src := batch.FromReader(f, "targets.txt")
			for t, err := src.Next(); err == nil; t, err = src.Next() {
				all = append(all, t)
			}
			s()
			runtime.KeepAlive(all)
		})
		b.ReportMetric(float64(peakLarge)/1e6, "peak-MB-1M")
		b.ReportMetric(float64(peakSmall)/1e6, "peak-MB-100k")
		b.ReportMetric(float64(peakLarge)/float64(peakSlice), "heap-vs-in-memory-list")
		b.ReportMetric(float64(peakLarge-min(peakLarge, peakSmall))/900_000, "heap-B/extra-target")
		b.ReportMetric(float64(sum.Done)/sum.Elapsed.Seconds(), "targets/s")
	}
}

// scale reads the sustained-rate benchmark's scale from the environment:
// CLERK_BATCH_FULL=1 runs Clerk's development limit (100 per 10 s) over
// 2,000 users, which takes about 3.5 minutes; the default is the same job
// at ten times the rate, 100 requests per second (about 20 s).
func scale() (users int, limit int, per time.Duration) {
	if os.Getenv("CLERK_BATCH_FULL") == "1" {
		return 2000, 100, 10 * time.Second
	}
	return 2000, 100, time.Second
}

// BenchmarkSustainedRate resets the passwords of users given by email
// against an emulator that enforces a rate limit and injects bursts of 429s
// (with and without Retry-After), through a client whose limiter is set to
// the same limit. It reports the fraction of the limit sustained over the
// run, requests per user, failed items (must be 0) and the emulator's
// rate-limit refusals.
func BenchmarkSustainedRate(b *testing.B) {
	n, limit, per := scale()
	for range b.N {
		b.StopTimer()
		s := seed(b, n, 0, clerktest.WithLogSize(4*n)) // the log counts every request
		c := s.em.Client(clerk.WithRateLimit(clerk.RateLimit{Requests: limit, Per: per}), clerk.WithMaxRetries(10),
			clerk.WithRetryWait(10*time.Millisecond, 200*time.Millisecond))
		s.em.SetServerRateLimit(limit, per)
		var finished atomic.Int64
		injected := 0
		b.StartTimer()
		sum, err := batch.Run(context.Background(), batch.FromSlice("emails", s.emails), batch.ForcePasswordReset(c), batch.Options{
			Concurrency: 16, Total: int64(n),
			OnItem: func(batch.Item) {
				switch finished.Add(1) {
				case int64(n) / 4: // a burst the server explains: pause the client
					s.em.FailNext(5, 429, time.Second)
					injected += 5
				case int64(n) / 2, 3 * int64(n) / 4: // bursts without Retry-After: back off and retry
					s.em.FailNext(5, 429, 0)
					injected += 5
				}
			},
		})
		if err != nil || sum.Failed != 0 || sum.Done != int64(n) {
			b.Fatalf("summary %+v, %v", sum, err)
		}
		accepted := len(s.em.Requests()) - injected
		window := sum.Elapsed.Seconds() / per.Seconds()
		b.ReportMetric(float64(accepted)/(window*float64(limit)), "fraction-of-limit")
		b.ReportMetric(float64(accepted)/float64(n), "requests/user")
		b.ReportMetric(float64(sum.Failed), "failed-items")
		b.ReportMetric(float64(s.em.RateLimited()), "emulator-429s")
		b.ReportMetric(sum.Elapsed.Seconds(), "run-s")
	}
}
