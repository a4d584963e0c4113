package clerk_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
)

// TestPageDecodesItsShape checks that each shape decodes its own layout
// only: a bare array for ArrayPage, the named member beside total_count
// for the object shapes (data for a zero Page), and that an answer in
// another shape is an error, never a silently empty page.
func TestPageDecodesItsShape(t *testing.T) {
	t.Parallel()
	type item struct{ ID string }
	tests := []struct {
		name    string
		page    *clerk.Page[*item]
		body    string
		wantIDs string
		count   int64 // -1: no count
		wantErr bool
	}{
		{"array", clerk.NewPage[*item](clerk.ArrayPage), ` [{"ID":"a"},{"ID":"b"}]`, "a,b", -1, false},
		{"array, empty", clerk.NewPage[*item](clerk.ArrayPage), `[]`, "", -1, false},
		{"array shape given an object", clerk.NewPage[*item](clerk.ArrayPage), `{"data":[],"total_count":0}`, "", 0, true},
		{"zero page is data", &clerk.Page[*item]{}, `{"data":[{"ID":"a"}],"total_count":7}`, "a", 7, false},
		{"data", clerk.NewPage[*item](clerk.DataPage), `{"total_count":1,"object":"list","data":[{"ID":"a"}]}`, "a", 1, false},
		{"data, null count", clerk.NewPage[*item](clerk.DataPage), `{"data":[{"ID":"a"}],"total_count":null}`, "a", -1, false},
		{"data shape given an array", clerk.NewPage[*item](clerk.DataPage), `[{"ID":"a"}]`, "", 0, true},
		{"data shape without data", clerk.NewPage[*item](clerk.DataPage), `{"m2m_tokens":[],"total_count":0}`, "", 0, true},
		{"named member", clerk.NewPage[*item](clerk.PageShape("m2m_tokens")), `{"m2m_tokens":[{"ID":"mt_1"},{"ID":"mt_2"}],"total_count":2}`, "mt_1,mt_2", 2, false},
		{"named member, other arrays ignored", clerk.NewPage[*item](clerk.PageShape("m2m_tokens")), `{"data":[{"ID":"x"}],"m2m_tokens":[{"ID":"mt_1"}],"total_count":1}`, "mt_1", 1, false},
		{"string", &clerk.Page[*item]{}, `"nope"`, "", 0, true},
	}
	for _, tt := range tests {
		err := json.Unmarshal([]byte(tt.body), tt.page)
		if tt.wantErr {
			if err == nil {
				t.Errorf("%s: decoded %s into %+v", tt.name, tt.body, tt.page)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var ids []string
		for _, it := range tt.page.Data {
			ids = append(ids, it.ID)
		}
		if got := strings.Join(ids, ","); got != tt.wantIDs {
			t.Errorf("%s: items %q, want %q", tt.name, got, tt.wantIDs)
		}
		if (tt.count >= 0) != tt.page.HasTotalCount() || (tt.count >= 0 && tt.page.TotalCount != tt.count) {
			t.Errorf("%s: count %d (reported %v), want %d", tt.name, tt.page.TotalCount, tt.page.HasTotalCount(), tt.count)
		}
	}
}

// total_count is declared a JSON number (not an integer) for the API key
// and M2M token lists: whole numbers in any notation decode, anything else
// is an error naming the field. Both paths are checked: json.Unmarshal and
// Client.Do, which decodes pages in one pass of its own.
func TestPageTotalCountIsAWholeNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		count   string
		want    int64
		wantErr string
	}{
		{"3", 3, ""},
		{"3.0", 3, ""},
		{"3e0", 3, ""},
		{"30E-1", 3, ""},
		{"0.0", 0, ""},
		{"9223372036854775807", 9223372036854775807, ""},
		{"3.5", 0, "not a whole number"},
		{"-0.25", 0, "not a whole number"},
		{"1e30", 0, "out of range"},
		{"9223372036854775808", 0, "out of range"},
		{"1e400", 0, "out of range"},
		{`"3"`, 0, "not a number"},
		{"true", 0, "not a number"},
	}
	for _, tt := range tests {
		body := `{"m2m_tokens":[{"id":"mt_1"}],"total_count":` + tt.count + `}`
		check := func(how string, p *clerk.Page[map[string]any], err error) {
			t.Helper()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), "total_count") || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("%s total_count %s: err = %v, want one naming total_count (%s)", how, tt.count, err, tt.wantErr)
				}
				return
			}
			if err != nil || !p.HasTotalCount() || p.TotalCount != tt.want || len(p.Data) != 1 {
				t.Errorf("%s total_count %s: page %+v, err %v; want %d", how, tt.count, p, err, tt.want)
			}
		}
		p := clerk.NewPage[map[string]any](clerk.PageShape("m2m_tokens"))
		check("Unmarshal", p, json.Unmarshal([]byte(body), p))

		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) }))
		c, err := clerk.NewClient(testKey, clerk.WithBaseURL(srv.URL))
		if err != nil {
			t.Fatal(err)
		}
		q := clerk.NewPage[map[string]any](clerk.PageShape("m2m_tokens"))
		check("Do", q, c.Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/m2m_tokens"}, q))
		srv.Close()
	}
}
