package batch_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// seeded is an emulator with users user0@example.com ... created through
// the API; the first withoutPassword of them have no password.
type seeded struct {
	em     *clerktest.Emulator
	ids    []string
	emails []string
}

func seed(tb testing.TB, n, withoutPassword int, opts ...clerktest.Option) *seeded {
	tb.Helper()
	em := clerktest.New(opts...)
	tb.Cleanup(em.Close)
	em.SetServerRateLimit(0, 0) // seed at full speed; tests turn the limit on
	svc := users.New(em.Client())
	s := &seeded{em: em}
	for i := range n {
		email := fmt.Sprintf("user%d@example.com", i)
		p := &users.CreateParams{EmailAddress: clerk.Value([]string{email})}
		if i >= withoutPassword {
			p.Password = clerk.String("correct-horse-battery-" + fmt.Sprint(i))
		}
		u, err := svc.Create(tb.Context(), p)
		if err != nil {
			tb.Fatalf("seed user %d: %v", i, err)
		}
		s.ids, s.emails = append(s.ids, u.ID), append(s.emails, email)
	}
	em.ResetRequests()
	return s
}

// compromisedCalls counts set_compromised requests per user in the log.
func (s *seeded) compromisedCalls() map[string]int {
	out := map[string]int{}
	for _, r := range s.em.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "/password/set_compromised") {
			id := strings.TrimSuffix(strings.TrimPrefix(r.Path, "/v1/users/"), "/password/set_compromised")
			out[id]++
		}
	}
	return out
}
