package clerktest

import "fmt"

// SeedUsers stores n users directly (no HTTP, no webhooks), for benchmarks.
func (e *Emulator) SeedUsers(n int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := range n {
		f, _ := parseFields([]byte(fmt.Sprintf(`{"email_address":["seed%d@example.com"],"first_name":"Seed%d"}`, i, i)))
		if _, err := e.newUser(f); err != nil {
			panic(err)
		}
	}
}

// Connections returns how many connections the server has accepted.
func (e *Emulator) Connections() int64 { return e.conns.Load() }
