package clerktest_test

import (
	"fmt"
	"slices"
	"testing"
)

// TestUserPaging walks 23 users page by page, by offset and by the
// starting_after cursor, in both creation orders, filtered and not, and
// checks each walk against the whole list; it also checks the cursor's
// refusals the spec documents.
func TestUserPaging(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	var created []string
	for i := range 23 {
		name := "Even"
		if i%2 == 1 {
			name = "Odd"
		}
		created = append(created, createUser(t, e, map[string]any{
			"email_address": []string{fmt.Sprintf("pg%d+clerk_test@example.com", i)}, "first_name": name}))
	}
	odd := func(ids []string) []string {
		var out []string
		for i, id := range ids {
			if i%2 == 1 {
				out = append(out, id)
			}
		}
		return out
	}
	reversed := slices.Clone(created)
	slices.Reverse(reversed)
	oddNewest := odd(created)
	slices.Reverse(oddNewest)
	for _, tt := range []struct {
		name, query string
		want        []string
	}{
		{"newest first", "", reversed},
		{"oldest first", "&order_by=%2Bcreated_at", created},
		{"filtered newest first", "&name_query=Odd", oddNewest},
		{"filtered oldest first", "&order_by=created_at&name_query=Odd", odd(created)},
	} {
		var byOffset, byCursor []string
		for off := 0; ; off += 5 {
			page := ids(callList(t, e, "GET", fmt.Sprintf("/users?limit=5&offset=%d%s", off, tt.query), 200))
			byOffset = append(byOffset, page...)
			if len(page) < 5 {
				break
			}
		}
		cursor := ""
		for {
			page := ids(callList(t, e, "GET", "/users?limit=5"+cursor+tt.query, 200))
			byCursor = append(byCursor, page...)
			if len(page) < 5 {
				break
			}
			cursor = "&starting_after=" + page[len(page)-1]
		}
		if !slices.Equal(byOffset, tt.want) || !slices.Equal(byCursor, tt.want) {
			t.Errorf("%s:\n offset %v\n cursor %v\n want   %v", tt.name, byOffset, byCursor, tt.want)
		}
	}
	if n := call(t, e, "GET", "/users/count?name_query=Odd", nil, 200)["total_count"]; n != 11.0 {
		t.Errorf("count %v", n)
	}
	for _, q := range []string{"starting_after=" + created[0] + "&order_by=first_name",
		"starting_after=" + created[0] + "&offset=5", "starting_after=user_unknown"} {
		status, _, raw := send(t, e, "GET", "/users?"+q, nil)
		if code, _ := errCode(t, raw); status != 422 || code != "form_param_value_invalid" {
			t.Errorf("%s: %d %s", q, status, raw)
		}
	}
}
