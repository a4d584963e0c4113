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

func TestPageDecodesBothShapes(t *testing.T) {
	t.Parallel()
	type item struct{ ID string }
	var bare clerk.Page[*item]
	if err := json.Unmarshal([]byte(` [{"ID":"a"},{"ID":"b"}]`), &bare); err != nil {
		t.Fatal(err)
	}
	if len(bare.Data) != 2 || bare.Data[1].ID != "b" || bare.HasTotalCount() || bare.TotalCount != 0 {
		t.Fatalf("bare = %+v", bare)
	}
	var counted clerk.Page[*item]
	if err := json.Unmarshal([]byte(`{"data":[{"ID":"a"}],"total_count":7}`), &counted); err != nil {
		t.Fatal(err)
	}
	if len(counted.Data) != 1 || !counted.HasTotalCount() || counted.TotalCount != 7 {
		t.Fatalf("counted = %+v", counted)
	}
	var bad clerk.Page[*item]
	if err := json.Unmarshal([]byte(`"nope"`), &bad); err == nil {
		t.Fatal("a string decoded as a page")
	}
}

func TestPageDecodesANamedArray(t *testing.T) {
	t.Parallel()
	var p clerk.Page[struct{ ID string }]
	if err := json.Unmarshal([]byte(`{"m2m_tokens":[{"ID":"mt_1"},{"ID":"mt_2"}],"total_count":2}`), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Data) != 2 || p.Data[1].ID != "mt_2" || p.TotalCount != 2 {
		t.Fatalf("page = %+v", p)
	}
	if err := json.Unmarshal([]byte(`{"a":[],"b":[],"total_count":0}`), &p); err == nil {
		t.Fatal("two arrays decoded")
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
		var p clerk.Page[map[string]any]
		check("Unmarshal", &p, json.Unmarshal([]byte(body), &p))

		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) }))
		c, err := clerk.NewClient(testKey, clerk.WithBaseURL(srv.URL))
		if err != nil {
			t.Fatal(err)
		}
		var q clerk.Page[map[string]any]
		check("Do", &q, c.Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/m2m_tokens"}, &q))
		srv.Close()
	}
}
