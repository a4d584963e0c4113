package clerk_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/clerkgo/clerk"
)

func TestJSONKeepsAbsentNullAndValueApart(t *testing.T) {
	t.Parallel()
	type answer struct {
		Meta clerk.JSON `json:"meta,omitempty"`
	}
	tests := []struct {
		body           string
		absent, isNull bool
		text           string
	}{
		{`{}`, true, false, ""},
		{`{"meta":null}`, false, true, "null"},
		{`{"meta":{"seats":9007199254740993,"tags":["a"]}}`, false, false, `{"seats":9007199254740993,"tags":["a"]}`},
		{`{"meta":{}}`, false, false, `{}`},
	}
	for _, tt := range tests {
		var a answer
		if err := json.Unmarshal([]byte(tt.body), &a); err != nil {
			t.Fatal(err)
		}
		if a.Meta.IsAbsent() != tt.absent || a.Meta.IsNull() != tt.isNull || a.Meta.String() != tt.text {
			t.Errorf("%s: absent %v null %v text %q", tt.body, a.Meta.IsAbsent(), a.Meta.IsNull(), a.Meta)
		}
		out, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if want := tt.body; string(out) != want {
			t.Errorf("%s: re-encoded as %s", tt.body, out)
		}
	}
	// The value is copied: changing the decoded buffer changes nothing.
	buf := []byte(`{"meta":{"a":1}}`)
	var a answer
	if err := json.Unmarshal(buf, &a); err != nil {
		t.Fatal(err)
	}
	copy(buf, `{"meta":{"b":2}}`)
	if a.Meta.String() != `{"a":1}` {
		t.Fatalf("JSON aliases the input: %s", a.Meta)
	}
	// Big integers keep their precision when decoded into the caller's type.
	var big struct {
		Seats json.Number `json:"seats"`
	}
	if err := clerk.JSON(`{"seats":9007199254740993}`).Decode(&big); err != nil || big.Seats != "9007199254740993" {
		t.Fatalf("Decode: %v, %v", big.Seats, err)
	}
	for _, raw := range []clerk.JSON{nil, clerk.JSON("null")} {
		m, err := raw.Map()
		if err != nil || m != nil {
			t.Fatalf("Map of %q = %v, %v; want nil", raw, m, err)
		}
	}
}

func ExampleJSON_Decode() {
	var u clerk.User
	_ = json.Unmarshal([]byte(`{"id":"user_1","public_metadata":{"plan":"pro","seats":12}}`), &u)
	var meta struct {
		Plan  string `json:"plan"`
		Seats int    `json:"seats"`
	}
	if err := u.PublicMetadata.Decode(&meta); err != nil {
		panic(err)
	}
	fmt.Println(meta.Plan, meta.Seats, u.UnsafeMetadata.IsAbsent())
	// Output: pro 12 true
}
