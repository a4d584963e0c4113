package auth

import (
	"testing"

	"github.com/clerkgo/clerk"
)

// BenchmarkMiddlewareRepeatedTokenObserved is
// BenchmarkMiddlewareRepeatedToken with an Observer that does nothing.
func BenchmarkMiddlewareRepeatedTokenObserved(b *testing.B) {
	benchMiddleware(b, Config{Observer: clerk.NopObserver{}})
}
