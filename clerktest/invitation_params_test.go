package clerktest_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"testing"

	"github.com/clerkgo/clerk/clerktest"
)

// TestInvitationParameters checks redirect_url, notify and template_slug
// on instance invitations (single and bulk) and redirect_url, notify and
// the revoke's requesting_user_id on organization invitations: the url
// answers carry the redirect, email.created goes to whoever is notified,
// and only an admin may revoke.
func TestInvitationParameters(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	var mu sync.Mutex
	var mailed []string // "slug to"
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
	inv := call(t, e, "POST", "/invitations", map[string]any{"email_address": "one@example.com",
		"redirect_url": "https://app.example/welcome"}, 200)
	u, err := url.Parse(inv["url"].(string))
	if err != nil || u.Query().Get("redirect_url") != "https://app.example/welcome" || u.Query().Get("ticket") == "" {
		t.Errorf("invitation url %v", inv["url"])
	}
	call(t, e, "POST", "/invitations", map[string]any{"email_address": "quiet@example.com", "notify": false}, 200)
	bulk := callListBody(t, e, "POST", "/invitations/bulk", []map[string]any{
		{"email_address": "two@example.com", "redirect_url": "https://app.example/b"},
		{"email_address": "three@example.com", "notify": false, "template_slug": "waitlist_invitation"}})
	if len(bulk) != 2 || bulk[0]["url"] == nil {
		t.Errorf("bulk %v", bulk)
	}
	uid := createUser(t, e, map[string]any{"email_address": []string{"admin+clerk_test@example.com"}})
	member := createUser(t, e, map[string]any{"email_address": []string{"member+clerk_test@example.com"}})
	org := call(t, e, "POST", "/organizations", map[string]any{"name": "Inv", "created_by": uid}, 200)["id"].(string)
	call(t, e, "POST", "/organizations/"+org+"/memberships", map[string]any{"user_id": member, "role": "org:member"}, 200)
	oi := call(t, e, "POST", "/organizations/"+org+"/invitations", map[string]any{"email_address": "four@example.com",
		"role": "org:member", "redirect_url": "https://app.example/org"}, 200)
	if u, err := url.Parse(oi["url"].(string)); err != nil || u.Query().Get("redirect_url") != "https://app.example/org" {
		t.Errorf("organization invitation url %v", oi["url"])
	}
	revoke := "/organizations/" + org + "/invitations/" + oi["id"].(string) + "/revoke"
	status, _, raw := send(t, e, "POST", revoke, map[string]any{"requesting_user_id": member})
	if code, _ := errCode(t, raw); status != 403 || code != "not_an_admin_in_organization" {
		t.Errorf("revoke by a member: %d %s", status, raw)
	}
	if r := call(t, e, "POST", revoke, map[string]any{"requesting_user_id": uid}, 200); r["status"] != "revoked" {
		t.Errorf("revoke by the admin: %v", r)
	}
	flush(t, e)
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(mailed)
	want := []string{"invitation one@example.com", "invitation two@example.com", "organization_invitation four@example.com"}
	if !slices.Equal(mailed, want) {
		t.Errorf("emails %v, want %v", mailed, want)
	}
}

// callListBody sends a body and decodes an array answer, requiring 200.
func callListBody(t *testing.T, e *clerktest.Emulator, method, path string, body any) []map[string]any {
	t.Helper()
	status, _, raw := send(t, e, method, path, body)
	var out []map[string]any
	if status != 200 || json.Unmarshal(raw, &out) != nil {
		t.Fatalf("%s %s: %d %s", method, path, status, raw)
	}
	return out
}
