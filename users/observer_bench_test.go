package users_test

import (
	"testing"

	"github.com/clerkgo/clerk"
)

// BenchmarkUsersGetInMemoryObserved is BenchmarkUsersGetInMemory with an
// Observer that does nothing: what reporting a call costs the client before
// the Observer itself does any work.
func BenchmarkUsersGetInMemoryObserved(b *testing.B) {
	runGets(b, inMemoryUsers(b, clerk.WithObserver(clerk.NopObserver{})))
}
