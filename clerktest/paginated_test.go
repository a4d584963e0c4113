package clerktest_test

import (
	"encoding/json"
	"testing"
)

// TestPaginatedLists checks that paginated=true, which both official
// clients add to list calls, answers {data, total_count} on every list
// whose bare answer is an array, and that the bare array stays the default.
func TestPaginatedLists(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	uid := createUser(t, e, map[string]any{"email_address": []string{"p+clerk_test@example.com"}})
	call(t, e, "POST", "/sessions", map[string]any{"user_id": uid}, 200)
	call(t, e, "POST", "/allowlist_identifiers", map[string]any{"identifier": "a@example.com"}, 200)
	call(t, e, "POST", "/blocklist_identifiers", map[string]any{"identifier": "b@example.com"}, 200)
	call(t, e, "POST", "/redirect_urls", map[string]any{"url": "https://example.com/cb"}, 200)
	for _, tt := range []struct {
		path  string
		count int64
	}{
		{"/clients", 1},
		{"/allowlist_identifiers", 1},
		{"/blocklist_identifiers", 1},
		{"/redirect_urls", 1},
		{"/templates/email", -1},
		{"/users/" + uid + "/oauth_access_tokens/oauth_google", 0},
	} {
		status, _, raw := send(t, e, "GET", tt.path+"?paginated=true&limit=10", nil)
		var got struct {
			Data       []json.RawMessage `json:"data"`
			TotalCount *int64            `json:"total_count"`
		}
		if status != 200 || json.Unmarshal(raw, &got) != nil || got.TotalCount == nil || got.Data == nil {
			t.Errorf("%s paginated: %d %s", tt.path, status, raw)
			continue
		}
		if tt.count >= 0 && (*got.TotalCount != tt.count || int64(len(got.Data)) != tt.count) {
			t.Errorf("%s paginated: total_count %d, %d items, want %d", tt.path, *got.TotalCount, len(got.Data), tt.count)
		}
		if tt.path == "/blocklist_identifiers" {
			continue // its answer is {data, total_count} either way
		}
		status, _, raw = send(t, e, "GET", tt.path+"?limit=10", nil)
		var bare []json.RawMessage
		if status != 200 || json.Unmarshal(raw, &bare) != nil {
			t.Errorf("%s bare: %d %s", tt.path, status, raw)
		}
	}
}
