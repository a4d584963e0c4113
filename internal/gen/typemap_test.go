package main

import "testing"

// TestFieldTypeOfAnswers checks how an answer field is wrapped: an optional
// list is omitzero (nil absent, an empty slice sent as []), and a nullable
// optional field is an Opt, so each can carry what the spec allows.
func TestFieldTypeOfAnswers(t *testing.T) {
	for _, tc := range []struct {
		base               string
		required, nullable bool
		typ, tag           string
	}{
		{"[]string", false, false, "[]string", `json:"f,omitzero"`},
		{"[]*Item", false, false, "[]*Item", `json:"f,omitzero"`},
		{"[]string", true, false, "[]string", `json:"f"`},
		{"[]string", false, true, "clerk.Opt[[]string]", `json:"f,omitzero"`},
		{"map[string]string", false, false, "map[string]string", `json:"f,omitempty"`},
		{"Payer", false, false, "*Payer", `json:"f,omitempty"`},
		{"Payer", false, true, "clerk.Opt[Payer]", `json:"f,omitzero"`},
		{"int64", true, true, "*int64", `json:"f"`},
	} {
		typ, tag := fieldType(tc.base, "f", tc.required, tc.nullable, response)
		if typ != tc.typ || tag != tc.tag {
			t.Errorf("fieldType(%s, required %v, nullable %v) = %s `%s`, want %s `%s`", tc.base, tc.required, tc.nullable, typ, tag, tc.typ, tc.tag)
		}
	}
}

// TestMergedFieldTakesNullability checks that a field another merged
// schema declares nullable becomes able to carry null, and stays so.
func TestMergedFieldTakesNullability(t *testing.T) {
	f := field{GoName: "Payer", JSONName: "payer", Base: "Payer", mode: response}
	f.wrap()
	if f.Type != "*Payer" {
		t.Fatalf("before: %s", f.Type)
	}
	f.nullable()
	f.nullable()
	if f.Type != "clerk.Opt[Payer]" || f.Tag != `json:"payer,omitzero"` {
		t.Fatalf("after: %s `%s`", f.Type, f.Tag)
	}
}
