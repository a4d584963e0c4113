package webhooks_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
	"github.com/clerkgo/clerk/webhooks"
)

// userTable stands for a database table of users, keyed by Clerk user ID.
type userTable struct {
	mu   sync.Mutex
	rows map[string]string // user ID -> primary email
}

// save stores one user; the webhook path and the API path both call it with
// the same *clerk.User, so there is one mapper.
func (t *userTable) save(u *clerk.User) {
	t.mu.Lock()
	defer t.mu.Unlock()
	email := ""
	for _, e := range u.EmailAddresses {
		if e.GetID() == u.GetPrimaryEmailAddressID() {
			email = e.EmailAddress
		}
	}
	t.rows[u.ID] = email
}

// Keep a users table in sync from user.created webhooks and from a backfill
// through users.Get: both hand save the same clerk.User.
func ExampleDispatcher_OnUserCreated_sync() {
	emu := clerktest.New()
	defer emu.Close()
	ctx := context.Background()
	table := &userTable{rows: map[string]string{}}

	// Path 1: the webhook endpoint.
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	v, err := webhooks.NewVerifier(secret)
	if err != nil {
		fmt.Println(err)
		return
	}
	h := webhooks.NewDispatcher(v)
	h.OnUserCreated(func(ctx context.Context, e *webhooks.Event, u *clerk.User) error {
		table.save(u)
		return nil
	})

	// Path 2: the API, e.g. a nightly backfill.
	svc := users.New(emu.Client())
	u, err := svc.Create(ctx, &users.CreateParams{EmailAddress: clerk.Value([]string{"ada@example.com"})})
	if err != nil {
		fmt.Println(err)
		return
	}
	fetched, err := svc.Get(ctx, u.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	table.save(fetched)

	// Simulate Clerk delivering user.created for another user, built from the
	// same model.
	other := *fetched
	other.ID = "user_from_webhook"
	data, _ := json.Marshal(&other)
	body := `{"type":"user.created","object":"event","data":` + string(data) + `}`
	now := time.Now()
	sig, _ := webhooks.Sign(secret, "msg_sync", now, []byte(body))
	req := httptest.NewRequest(http.MethodPost, "/webhooks/clerk", strings.NewReader(body))
	req.Header.Set("svix-id", "msg_sync")
	req.Header.Set("svix-timestamp", strconv.FormatInt(now.Unix(), 10))
	req.Header.Set("svix-signature", sig)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)

	fmt.Println(rec.Code, len(table.rows), table.rows[u.ID], table.rows["user_from_webhook"])
	// Output: 204 2 ada@example.com ada@example.com
}
