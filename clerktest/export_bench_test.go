package clerktest

import (
	"fmt"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/users"
)

// SeedUsers stores n users directly (no HTTP, no webhooks), for benchmarks.
func (e *Emulator) SeedUsers(n int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := range n {
		p := &users.CreateParams{EmailAddress: clerk.Value([]string{fmt.Sprintf("seed%d@example.com", i)}),
			FirstName: clerk.Value(fmt.Sprintf("Seed%d", i))}
		if _, err := e.newUser(p); err != nil {
			panic(err)
		}
	}
}

// Connections returns how many connections the server has accepted.
func (e *Emulator) Connections() int64 { return e.conns.Load() }
