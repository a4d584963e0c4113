package bench

import (
	"testing"
	"time"
)

// paired runs ours and theirs once each per iteration, alternating which
// goes first, and reports the ratio of their total times as "x-ours/theirs"
// (below 1 means ours is faster), plus each side's time per iteration.
// Pairing keeps machine noise from favouring one side.
func paired(b *testing.B, ours, theirs func(b *testing.B)) {
	b.Helper()
	ours(b) // warm both sides (connections, caches) outside the timing
	theirs(b)
	var tOurs, tTheirs time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			tOurs += timed(b, ours)
			tTheirs += timed(b, theirs)
		} else {
			tTheirs += timed(b, theirs)
			tOurs += timed(b, ours)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(tOurs)/float64(tTheirs), "x-ours/theirs")
	b.ReportMetric(float64(tOurs.Nanoseconds())/float64(b.N), "ns-ours/op")
	b.ReportMetric(float64(tTheirs.Nanoseconds())/float64(b.N), "ns-theirs/op")
}

func timed(b *testing.B, f func(b *testing.B)) time.Duration {
	start := time.Now()
	f(b)
	return time.Since(start)
}
