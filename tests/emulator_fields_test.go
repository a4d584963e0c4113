package tests

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// declaredButAbsent lists the properties the answer schema declares that
// the answer leaves out, walking nested objects and array items; a
// property sent as null counts as present. oneOf and anyOf alternatives
// are matched by their "object" constant when they declare one, else the
// first alternative whose required properties are all present is used.
func declaredButAbsent(s *openapi3.Schema, v any, path string, out *[]string) {
	if s == nil || v == nil {
		return
	}
	for _, sub := range s.AllOf {
		declaredButAbsent(sub.Value, v, path, out)
	}
	if alts := append(slices.Clone(s.OneOf), s.AnyOf...); len(alts) > 0 {
		if alt := pickAlternative(alts, v); alt != nil {
			declaredButAbsent(alt, v, path, out)
		}
		return
	}
	switch x := v.(type) {
	case map[string]any:
		names := make([]string, 0, len(s.Properties))
		for name := range s.Properties {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			val, ok := x[name]
			if !ok {
				*out = append(*out, strings.TrimPrefix(path+"."+name, "."))
				continue
			}
			declaredButAbsent(s.Properties[name].Value, val, path+"."+name, out)
		}
	case []any:
		if s.Items != nil {
			for i, it := range x {
				declaredButAbsent(s.Items.Value, it, fmt.Sprintf("%s[%d]", path, i), out)
				if i >= 2 {
					break
				}
			}
		}
	}
}

func pickAlternative(alts openapi3.SchemaRefs, v any) *openapi3.Schema {
	obj, _ := v.(map[string]any)
	for _, a := range alts {
		if a.Value == nil || obj == nil {
			continue
		}
		if p := a.Value.Properties["object"]; p != nil && p.Value != nil && len(p.Value.Enum) > 0 {
			if slices.Contains(p.Value.Enum, obj["object"]) {
				return a.Value
			}
			continue
		}
		ok := true
		for _, r := range a.Value.Required {
			if _, has := obj[r]; !has {
				ok = false
				break
			}
		}
		if ok {
			return a.Value
		}
	}
	return nil
}

// stripIndices drops the array indices of a field path ("data[0].id" is
// "data.id", "[1].id" is "id").
func stripIndices(field string) string {
	var b strings.Builder
	skip := false
	for _, r := range field {
		switch {
		case r == '[':
			skip = true
		case r == ']':
			skip = false
		case !skip:
			b.WriteRune(r)
		}
	}
	return strings.TrimPrefix(strings.TrimPrefix(b.String(), "data."), ".")
}
