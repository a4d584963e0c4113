package clerk_test

import (
	"encoding/json"
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
