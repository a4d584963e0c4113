package batch

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/users"
)

// EmailDomain lists the users with an email address at exactly domain (any
// of their addresses; letter case ignored) and returns them as user ID
// targets, each once. "example.com" selects ann@example.com and
// bob@EXAMPLE.COM, not carol@example.com.evil.org nor dan@mail.example.com.
// The list is read in full before the batch starts, one request per 500
// users whose addresses contain the domain, so that changes made by the
// batch (a deletion) cannot shift the pages being read.
func EmailDomain(ctx context.Context, c *clerk.Client, domain string) ([]string, error) {
	var ids []string
	for u, err := range UsersAtDomain(ctx, c, domain) {
		if err != nil {
			return nil, err
		}
		ids = append(ids, u.ID)
	}
	return ids, nil
}

// UsersAtDomain yields, page by page, the users EmailDomain selects.
func UsersAtDomain(ctx context.Context, c *clerk.Client, domain string) iter.Seq2[*clerk.User, error] {
	return func(yield func(*clerk.User, error) bool) {
		domain = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(domain), "@"))
		if domain == "" || strings.ContainsAny(domain, "@ \t") || !strings.Contains(domain, ".") {
			yield(nil, fmt.Errorf("%w: email domain %q: want a domain such as example.com", clerk.ErrInvalidParams, domain))
			return
		}
		p := &users.ListParams{EmailAddressQuery: clerk.String("@" + domain), ListParams: clerk.ListParams{Limit: clerk.Int64(500)}}
		for u, err := range users.New(c).All(ctx, p) {
			if err != nil {
				yield(nil, fmt.Errorf("batch: list the users at %s: %w", domain, err))
				return
			}
			if AtDomain(u, domain) && !yield(u, nil) {
				return
			}
		}
	}
}

// AtDomain reports whether one of u's email addresses is at exactly domain
// (given in lower case).
func AtDomain(u *clerk.User, domain string) bool {
	for _, e := range u.EmailAddresses {
		if i := strings.LastIndexByte(e.EmailAddress, '@'); i >= 0 && strings.ToLower(e.EmailAddress[i+1:]) == domain {
			return true
		}
	}
	return false
}
