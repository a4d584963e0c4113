package clerktest_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/organizations"
	"github.com/clerkgo/clerk/users"
)

// TestConcurrentClientsConsistent runs 8 clients of mixed calls at once
// and checks that no update is lost, every list is a consistent snapshot
// (no duplicate, counts agree with lists) and deletes cascade. Run it with
// -race.
func TestConcurrentClientsConsistent(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	c := e.Client()
	us, orgs := users.New(c), organizations.New(c)
	ctx := context.Background()
	org, err := orgs.Create(ctx, &organizations.CreateParams{Name: "Race"})
	if err != nil {
		t.Fatal(err)
	}
	shared, err := us.Create(ctx, &users.CreateParams{Username: clerk.String("shared"), PublicMetadata: clerk.Value(map[string]any{})})
	if err != nil {
		t.Fatal(err)
	}
	const clients, rounds = 8, 15
	var wg sync.WaitGroup
	errs := make(chan error, clients*rounds)
	for w := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range rounds {
				// Each client owns one metadata key of the shared user: a
				// lost update would drop another client's key.
				key := fmt.Sprintf("w%d", w)
				if _, err := us.UpdateMetadata(ctx, shared.ID, &users.UpdateMetadataParams{
					PublicMetadata: clerk.Value(map[string]any{key: i})}); err != nil {
					errs <- err
					return
				}
				u, err := us.Create(ctx, &users.CreateParams{EmailAddress: clerk.Value([]string{fmt.Sprintf("r%d-%d@example.com", w, i)})})
				if err != nil {
					errs <- err
					return
				}
				if _, err := orgs.CreateMembership(ctx, org.ID, &organizations.CreateMembershipParams{UserID: u.ID, Role: "org:member"}); err != nil {
					errs <- err
					return
				}
				page, err := us.List(ctx, &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(500)}})
				if err != nil {
					errs <- err
					return
				}
				seen := map[string]bool{}
				for _, x := range page.Data {
					if seen[x.ID] {
						errs <- fmt.Errorf("user %s listed twice", x.ID)
					}
					seen[x.ID] = true
				}
				if !seen[u.ID] {
					errs <- fmt.Errorf("user %s created before the list is missing from it", u.ID)
				}
				if i%2 == 0 {
					if _, err := us.Delete(ctx, u.ID); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got, err := us.Get(ctx, shared.ID)
	if err != nil {
		t.Fatal(err)
	}
	meta, err := got.PublicMetadata.Map()
	if err != nil {
		t.Fatal(err)
	}
	for w := range clients {
		if v, ok := meta[fmt.Sprintf("w%d", w)]; !ok || v != float64(rounds-1) {
			t.Errorf("metadata w%d = %v, want %d (a lost update)", w, v, rounds-1)
		}
	}
	kept := clients * (rounds / 2) // the users of odd rounds survive
	count, err := us.Count(ctx, &users.CountParams{})
	if err != nil {
		t.Fatal(err)
	}
	if count.TotalCount != int64(kept+1) {
		t.Errorf("count %d, want %d", count.TotalCount, kept+1)
	}
	members, err := orgs.ListMemberships(ctx, org.ID, &organizations.ListMembershipsParams{ListParams: clerk.ListParams{Limit: clerk.Int64(500)}})
	if err != nil {
		t.Fatal(err)
	}
	if members.TotalCount != int64(kept) || len(members.Data) != kept {
		t.Errorf("memberships %d (total %d), want %d: deleting a user must remove its memberships", len(members.Data), members.TotalCount, kept)
	}
}
