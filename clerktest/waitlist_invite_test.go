package clerktest_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"testing"
)

// TestWaitlistInviteInvitation checks that inviting a waitlist entry makes
// an invitation with its ticket url, shown in the answer and in the
// invitation list, and mails it with the waitlist invitation template.
func TestWaitlistInviteInvitation(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	var mu sync.Mutex
	var mailed []string
	e.OnWebhookFunc(func(_ string, _ http.Header, body []byte) {
		var ev struct {
			Type string `json:"type"`
			Data struct {
				Slug string `json:"slug"`
				To   string `json:"to_email_address"`
			} `json:"data"`
		}
		_ = json.Unmarshal(body, &ev)
		if ev.Type == "email.created" {
			mu.Lock()
			mailed = append(mailed, ev.Data.Slug+" "+ev.Data.To)
			mu.Unlock()
		}
	})
	w := call(t, e, "POST", "/waitlist_entries", map[string]any{"email_address": "wait@example.com"}, 200)
	got := call(t, e, "POST", "/waitlist_entries/"+w["id"].(string)+"/invite", nil, 200)
	inv, _ := got["invitation"].(map[string]any)
	if inv == nil {
		t.Fatalf("invite answer has no invitation: %v", got)
	}
	raw, _ := inv["url"].(string)
	if u, err := url.Parse(raw); raw == "" || err != nil || u.Query().Get("ticket") == "" {
		t.Errorf("invitation url %q", raw)
	}
	for _, i := range callList(t, e, "GET", "/invitations", 200) {
		if i["id"] == inv["id"] && i["url"] != raw {
			t.Errorf("listed invitation url %v, want %q", i["url"], raw)
		}
	}
	if err := e.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Contains(mailed, "waitlist_invitation wait@example.com") {
		t.Errorf("mails %v, want the waitlist invitation", mailed)
	}
}
