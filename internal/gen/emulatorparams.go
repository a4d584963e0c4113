package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// emitEmulatorParams writes clerktest's table of every operation with the
// query and body parameters the spec defines (doc is the union of the
// versions' specs), sorted by method and path: the emulator refuses a body
// key outside it, and its test checks that every route implements the
// parameters listed there.
func emitEmulatorParams(f *file, doc *openapi3.T) {
	type row struct{ key, text string }
	var rows []row
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			var query []string
			for _, p := range append(slices.Clone(item.Parameters), op.Parameters...) {
				if p.Value != nil && p.Value.In == "query" {
					query = append(query, p.Value.Name)
				}
			}
			sort.Strings(query)
			query = slices.Compact(query)
			kind, body := "bodyNone", []string(nil)
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				content := op.RequestBody.Value.Content
				switch {
				case content.Get("application/json") != nil:
					props := map[string]bool{}
					if bodyProps(content.Get("application/json").Schema, props) && len(props) == 0 {
						kind = "bodyOpen"
					} else {
						kind = "bodyObject"
					}
					for k := range props {
						body = append(body, k)
					}
					sort.Strings(body)
				case content.Get("multipart/form-data") != nil:
					kind = "bodyMultipart"
				default:
					kind = "bodyOpen"
				}
			}
			rows = append(rows, row{key: method + " " + path, text: fmt.Sprintf("{method: %q, path: %q, query: %s, body: %s, kind: %s},\n",
				method, path, goStrings(query), goStrings(body), kind)})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].key < rows[j].key })
	f.printf("// specOperations lists every operation of every API version's spec with\n")
	f.printf("// the query and body parameters any version defines, sorted by method\n")
	f.printf("// and path; internal/versions says which version lacks what.\n")
	f.printf("func specOperations() []specOperation {\n\treturn []specOperation{\n")
	for _, r := range rows {
		f.printf("%s", r.text)
	}
	f.printf("}\n}\n")
}

// bodyProps collects the property names of a request-body schema; open
// reports a body whose keys are not fixed (free-form objects, arrays).
func bodyProps(s *openapi3.SchemaRef, into map[string]bool) (open bool) {
	if s == nil || s.Value == nil {
		return true
	}
	v := s.Value
	for _, sub := range v.AllOf {
		open = bodyProps(sub, into) || open
	}
	for _, sub := range append(slices.Clone(v.OneOf), v.AnyOf...) {
		open = bodyProps(sub, into) || open
	}
	for name := range v.Properties {
		into[name] = true
	}
	if v.Type != nil && v.Type.Is("array") {
		return true
	}
	if len(v.Properties) == 0 && len(v.AllOf) == 0 && len(v.OneOf) == 0 && len(v.AnyOf) == 0 {
		return true
	}
	if v.AdditionalProperties.Has != nil && *v.AdditionalProperties.Has || v.AdditionalProperties.Schema != nil {
		return true
	}
	return open
}

// goStrings is the Go literal of a string list, nil when empty.
func goStrings(ss []string) string {
	if len(ss) == 0 {
		return "nil"
	}
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}
