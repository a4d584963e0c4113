package clerkotel_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerkotel"
	"github.com/clerkgo/clerk/users"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// cannedUser answers every request with the users package's test user,
// from memory.
type cannedUser struct{ body []byte }

func (c cannedUser) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode:    http.StatusOK,
		Header:        http.Header{"Content-Type": {"application/json"}, "Clerk-Trace-Id": {"trace_bench"}},
		Body:          io.NopCloser(bytes.NewReader(c.body)),
		ContentLength: int64(len(c.body)),
		Request:       r,
	}, nil
}

// benchServices returns users services over an in-memory transport: one
// without an observer, one with clerkotel's on the OpenTelemetry SDK
// (every span sampled and ended, no exporter; metrics aggregated for a
// reader).
func benchServices(b *testing.B) (plain, traced *users.Service) {
	b.Helper()
	body, err := os.ReadFile("../users/testdata/user.json")
	if err != nil {
		b.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader()))
	b.Cleanup(func() {
		_ = tp.Shutdown(context.Background())
		_ = mp.Shutdown(context.Background())
	})
	obs, err := clerkotel.New(clerkotel.WithTracerProvider(tp), clerkotel.WithMeterProvider(mp))
	if err != nil {
		b.Fatal(err)
	}
	services := make([]*users.Service, 2)
	for i, extra := range [][]clerk.Option{nil, {clerk.WithObserver(obs)}} {
		opts := append([]clerk.Option{clerk.WithBaseURL("https://api.clerk.test/v1"), clerk.WithHTTPClient(&http.Client{Transport: cannedUser{body}})}, extra...)
		c, err := clerk.NewClient("sk_test_bench", opts...)
		if err != nil {
			b.Fatal(err)
		}
		services[i] = users.New(c)
	}
	return services[0], services[1]
}

// get is one users.Get.
func get(b *testing.B, svc *users.Service) {
	if u, err := svc.Get(context.Background(), "user_2abcDEFghiJKLmnoPQRstuVWXyz"); err != nil || u.ID == "" {
		b.Fatal(err)
	}
}

// BenchmarkUsersGetTraced measures users.Get without an observer and with
// clerkotel's, separately, for their allocations (BENCHMARKS.md).
func BenchmarkUsersGetTraced(b *testing.B) {
	plain, traced := benchServices(b)
	for _, bc := range []struct {
		name string
		svc  *users.Service
	}{{"none", plain}, {"clerkotel", traced}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				get(b, bc.svc)
			}
		})
	}
}

// BenchmarkUsersGetTracedVsNone pairs the two: each iteration makes one
// call of each, alternating which goes first, and reports the ratio of
// their total times (x-traced/none), so machine load cannot favour either.
func BenchmarkUsersGetTracedVsNone(b *testing.B) {
	plain, traced := benchServices(b)
	var tPlain, tTraced time.Duration
	timed := func(svc *users.Service) time.Duration {
		t0 := time.Now()
		get(b, svc)
		return time.Since(t0)
	}
	n := 0
	for ; b.Loop(); n++ {
		if n%2 == 0 {
			tPlain += timed(plain)
			tTraced += timed(traced)
		} else {
			tTraced += timed(traced)
			tPlain += timed(plain)
		}
	}
	b.ReportMetric(float64(tPlain.Nanoseconds())/float64(n), "ns-none/op")
	b.ReportMetric(float64(tTraced.Nanoseconds())/float64(n), "ns-traced/op")
	b.ReportMetric(float64(tTraced)/float64(tPlain), "x-traced/none")
}
