package batch_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/batch"
	"github.com/clerkgo/clerk/users"
)

func TestForcePasswordResetRequestsPerUser(t *testing.T) {
	t.Parallel()
	s := seed(t, 12, 2)
	// Users 0-1 have no password; 2-6 are given by email, 7-11 by ID.
	targets := append(append([]string{}, s.emails[:7]...), s.ids[7:]...)
	var mu sync.Mutex
	items := map[string]batch.Item{}
	sum, err := batch.Run(t.Context(), batch.FromSlice("t", targets), batch.ForcePasswordReset(s.em.Client()), batch.Options{
		Concurrency: 3,
		OnItem: func(it batch.Item) {
			mu.Lock()
			items[it.Target.Value] = it
			mu.Unlock()
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Done != 10 || sum.Skipped != 2 || sum.Failed != 0 || sum.Stopped {
		t.Fatalf("summary %+v", sum)
	}
	log := s.em.Requests()
	// The 7 emails are looked up with one list; 5 of them and the 5 IDs get
	// one set_compromised each.
	if want := 1 + 5 + 5; len(log) != want {
		t.Fatalf("%d requests, want %d", len(log), want)
	}
	for _, r := range log {
		if r.Method == "POST" {
			var body map[string]any
			if err := json.Unmarshal(r.Body, &body); err != nil || body["revoke_all_sessions"] != true {
				t.Fatalf("set_compromised body %s", r.Body)
			}
		}
	}
	for i, id := range s.ids {
		if got, want := s.em.PasswordCompromised(id), i >= 2; got != want {
			t.Errorf("user %d compromised = %v, want %v", i, got, want)
		}
	}
	if it := items[s.emails[0]]; it.Status != batch.Skipped || it.Detail != "user has no password" || it.UserID != s.ids[0] {
		t.Fatalf("user without password: %+v", it)
	}
}

func TestEmailsAreLookedUpAHundredAtATime(t *testing.T) {
	t.Parallel()
	s := seed(t, 250, 0)
	targets := append(append([]string{}, s.emails...), "nobody@example.com")
	sum, err := batch.Run(t.Context(), batch.FromSlice("t", targets), batch.ForcePasswordReset(s.em.Client()), batch.Options{Concurrency: 8})
	if err != nil || sum.Done != 250 || sum.Failed != 1 {
		t.Fatalf("summary %+v, %v", sum, err)
	}
	lists := 0
	for _, r := range s.em.Requests() {
		if r.Method == "GET" {
			lists++
			if n := len(r.Query["email_address"]); n > batch.EmailChunk {
				t.Fatalf("one lookup asked for %d addresses", n)
			}
		}
	}
	if lists != 3 {
		t.Fatalf("%d lookups for 251 addresses, want 3", lists)
	}
	for id, n := range s.compromisedCalls() {
		if n != 1 {
			t.Fatalf("%s reset %d times", id, n)
		}
	}
}

func TestForcePasswordResetSkipsAnIDWithoutPassword(t *testing.T) {
	t.Parallel()
	s := seed(t, 1, 1)
	sum, err := batch.Run(t.Context(), batch.FromSlice("t", s.ids), batch.ForcePasswordReset(s.em.Client()), batch.Options{})
	if err != nil || sum.Skipped != 1 || len(s.em.Requests()) != 1 {
		t.Fatalf("summary %+v, %d requests, err %v", sum, len(s.em.Requests()), err)
	}
}

func TestDuplicatesRunOnce(t *testing.T) {
	t.Parallel()
	s := seed(t, 2, 0)
	targets := []string{s.emails[0], strings.ToUpper(s.emails[0][:1]) + s.emails[0][1:], s.ids[0], s.ids[1], s.emails[1], "bogus", "user_"}
	sum, err := batch.Run(t.Context(), batch.FromSlice("t", targets), batch.ForcePasswordReset(s.em.Client()), batch.Options{Concurrency: 1})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Done != 2 || sum.Skipped != 3 || sum.Failed != 2 {
		t.Fatalf("summary %+v", sum)
	}
	for id, n := range s.compromisedCalls() {
		if n != 1 {
			t.Fatalf("%s reset %d times", id, n)
		}
	}
}

func TestDryRunChangesNothing(t *testing.T) {
	t.Parallel()
	s := seed(t, 3, 1)
	journal := filepath.Join(t.TempDir(), "j")
	j, err := batch.OpenJournal(journal, batch.SyncEach)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	targets := []string{s.ids[0], s.ids[1], s.emails[2], "user_missing1"}
	sum, err := batch.Run(t.Context(), batch.FromSlice("t", targets), batch.ForcePasswordReset(s.em.Client()), batch.Options{DryRun: true, Journal: j})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Done != 2 || sum.Skipped != 1 || sum.Failed != 1 {
		t.Fatalf("summary %+v", sum)
	}
	for _, r := range s.em.Requests() {
		if r.Method != "GET" {
			t.Fatalf("dry run sent %s %s", r.Method, r.Path)
		}
	}
	// The journal was not written: a real run does everything.
	sum, err = batch.Run(t.Context(), batch.FromSlice("t", targets), batch.ForcePasswordReset(s.em.Client()), batch.Options{Journal: j})
	if err != nil || sum.Done != 2 {
		t.Fatalf("real run after the dry run: %+v, %v", sum, err)
	}
}

func TestUserActions(t *testing.T) {
	t.Parallel()
	s := seed(t, 2, 0)
	c := s.em.Client()
	svc := users.New(c)
	get := func(id string) *clerk.User {
		u, err := svc.Get(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	run := func(a batch.Action, targets ...string) batch.Summary {
		t.Helper()
		sum, err := batch.Run(t.Context(), batch.FromSlice("t", targets), a, batch.Options{})
		if err != nil || sum.Failed != 0 {
			t.Fatalf("%s: %+v, %v", a.Name, sum, err)
		}
		return sum
	}
	run(batch.Ban(c), s.ids[0], s.emails[1])
	if !get(s.ids[0]).Banned || !get(s.ids[1]).Banned {
		t.Fatal("ban did not ban")
	}
	run(batch.Unban(c), s.ids...)
	run(batch.Lock(c), s.ids[0])
	if u := get(s.ids[0]); u.Banned || !u.Locked {
		t.Fatalf("after unban and lock: banned %v locked %v", u.Banned, u.Locked)
	}
	run(batch.Unlock(c), s.ids[0])
	if get(s.ids[0]).Locked {
		t.Fatal("unlock did not unlock")
	}
	run(batch.UpdateMetadata(c, &users.UpdateMetadataParams{PublicMetadata: clerk.Value(map[string]any{"tier": "gold"})}), s.emails[0])
	if u := get(s.ids[0]); !strings.Contains(string(u.PublicMetadata), `"tier":"gold"`) {
		t.Fatalf("metadata %s", u.PublicMetadata)
	}
	if sum := run(batch.Delete(c), s.ids[0], s.ids[0]); sum.Done != 1 || sum.Skipped != 1 {
		t.Fatalf("delete: %+v", sum)
	}
	// Deleting a user already gone is skipped, not failed.
	if sum := run(batch.Delete(c), s.ids[0]); sum.Skipped != 1 {
		t.Fatalf("delete again: %+v", sum)
	}
}

func TestRunRejectsIncompleteAction(t *testing.T) {
	t.Parallel()
	if _, err := batch.Run(context.Background(), batch.FromSlice("t", nil), batch.Action{Name: "x"}, batch.Options{}); err == nil {
		t.Fatal("an Action without Resolve and Apply was accepted")
	}
}
