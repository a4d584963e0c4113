package clerk_test

import (
	"encoding/json"
	"testing"

	"github.com/clerkgo/clerk"
)

func TestOptStates(t *testing.T) {
	t.Parallel()
	var omitted clerk.Opt[string]
	null := clerk.Null[string]()
	set := clerk.String("x")
	if !omitted.IsOmitted() || omitted.IsNull() || omitted.IsSet() || omitted.Or("d") != "d" {
		t.Fatal("zero Opt is not omitted")
	}
	if !null.IsNull() || null.IsOmitted() || null.Or("d") != "d" {
		t.Fatal("Null is not null")
	}
	if v, ok := set.Get(); !ok || v != "x" || set.Or("d") != "x" {
		t.Fatal("String is not set")
	}
	if v, ok := clerk.Int64(0).Get(); !ok || v != 0 {
		t.Fatal("a zero value must still be set")
	}
	if !clerk.Bool(false).IsSet() || !clerk.Float64(0).IsSet() {
		t.Fatal("Bool/Float64")
	}
}

// model is a response with an optional-and-nullable field.
type model struct {
	Name clerk.Opt[string] `json:"name,omitzero"`
}

func TestOptDecodeKeepsAbsentNullAndValueApart(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in                   string
		omitted, null, isSet bool
	}{
		{`{}`, true, false, false},
		{`{"name":null}`, false, true, false},
		{`{"name":""}`, false, false, true},
		{`{"name":"Ada"}`, false, false, true},
	}
	for _, tt := range tests {
		var m model
		if err := json.Unmarshal([]byte(tt.in), &m); err != nil {
			t.Fatal(err)
		}
		if m.Name.IsOmitted() != tt.omitted || m.Name.IsNull() != tt.null || m.Name.IsSet() != tt.isSet {
			t.Fatalf("%s: omitted=%v null=%v set=%v", tt.in, m.Name.IsOmitted(), m.Name.IsNull(), m.Name.IsSet())
		}
		out, err := json.Marshal(m)
		if err != nil || string(out) != tt.in {
			t.Fatalf("round trip of %s gave %s, %v", tt.in, out, err)
		}
	}
	var m model
	if err := json.Unmarshal([]byte(`{"name":12}`), &m); err == nil {
		t.Fatal("a number decoded into Opt[string]")
	}
}

// Opt reads plain scalars without encoding/json; the result must be what
// encoding/json gives for every literal, escapes and odd numbers included.
func TestOptScalarsDecodeAsEncodingJSON(t *testing.T) {
	t.Parallel()
	strs := []string{`"plain"`, `""`, `"with \"quote\""`, `"tab\tescape"`, `"é ünïcode"`, `"\u00e9"`, `"a\\b"`, `"bad`, `12`}
	for _, lit := range strs {
		var o clerk.Opt[string]
		var want string
		errO, errW := json.Unmarshal([]byte(lit), &o), json.Unmarshal([]byte(lit), &want)
		got, _ := o.Get()
		if (errO == nil) != (errW == nil) || got != want {
			t.Errorf("Opt[string] %s = %q, %v; encoding/json %q, %v", lit, got, errO, want, errW)
		}
	}
	for _, lit := range []string{`0`, `-12`, `-0`, `007`, `-`, `1717000000000`, `999999999999999999`, `9223372036854775807`, `9223372036854775808`, `-9223372036854775808`, `1e2`, `1.5`, `"3"`} {
		var o clerk.Opt[int64]
		var want int64
		errO, errW := json.Unmarshal([]byte(lit), &o), json.Unmarshal([]byte(lit), &want)
		got, _ := o.Get()
		if (errO == nil) != (errW == nil) || (errW == nil && got != want) {
			t.Errorf("Opt[int64] %s = %d, %v; encoding/json %d, %v", lit, got, errO, want, errW)
		}
	}
	for _, lit := range []string{`true`, `false`, `"true"`, `1`} {
		var o clerk.Opt[bool]
		var want bool
		errO, errW := json.Unmarshal([]byte(lit), &o), json.Unmarshal([]byte(lit), &want)
		got, _ := o.Get()
		if (errO == nil) != (errW == nil) || got != want {
			t.Errorf("Opt[bool] %s = %v, %v; encoding/json %v, %v", lit, got, errO, want, errW)
		}
	}
}
