package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// loadSpec reads one Backend API spec. It does not validate the document:
// the guide only reads paths, operations and component schemas.
func loadSpec(path string) (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("migration: loading %s: %w", path, err)
	}
	if doc.Paths == nil {
		return nil, fmt.Errorf("migration: %s has no paths", path)
	}
	return doc, nil
}

// specVersion is the info.version of doc, or "unknown".
func specVersion(doc *openapi3.T) string {
	if doc.Info != nil && doc.Info.Version != "" {
		return doc.Info.Version
	}
	return "unknown"
}

// refName is the component name a schema reference points to, looking
// through a single-element allOf (the spec's way of making a reference
// nullable). It is empty for inline schemas.
func refName(sr *openapi3.SchemaRef) string {
	if sr == nil {
		return ""
	}
	if sr.Ref != "" {
		return sr.Ref[strings.LastIndex(sr.Ref, "/")+1:]
	}
	if sr.Value != nil && len(sr.Value.AllOf) == 1 {
		return refName(sr.Value.AllOf[0])
	}
	return ""
}

// properties merges the properties of s with those of its allOf members.
func properties(s *openapi3.Schema) map[string]*openapi3.SchemaRef {
	out := map[string]*openapi3.SchemaRef{}
	if s == nil {
		return out
	}
	for _, part := range s.AllOf {
		if part != nil {
			for k, v := range properties(part.Value) {
				out[k] = v
			}
		}
	}
	for k, v := range s.Properties {
		out[k] = v
	}
	return out
}

// required lists the required property names of s and its allOf members.
func required(s *openapi3.Schema) map[string]bool {
	out := map[string]bool{}
	if s == nil {
		return out
	}
	for _, part := range s.AllOf {
		if part != nil {
			for k := range required(part.Value) {
				out[k] = true
			}
		}
	}
	for _, k := range s.Required {
		out[k] = true
	}
	return out
}

// target is the schema a property describes once a nullable allOf wrapper
// is looked through.
func target(sr *openapi3.SchemaRef) *openapi3.Schema {
	if sr == nil || sr.Value == nil {
		return nil
	}
	s := sr.Value
	if len(s.AllOf) == 1 && len(s.Properties) == 0 && s.AllOf[0] != nil && s.AllOf[0].Value != nil {
		return s.AllOf[0].Value
	}
	return s
}

// typeName describes the JSON type of a property for notes: "string",
// "array of string", "object CommerceMoneyResponse".
func typeName(sr *openapi3.SchemaRef) string {
	if n := refName(sr); n != "" {
		return "object " + n
	}
	s := target(sr)
	if s == nil || s.Type == nil || len(*s.Type) == 0 {
		return "any"
	}
	t := strings.Join(*s.Type, "|")
	if t == "array" && s.Items != nil {
		return "array of " + typeName(s.Items)
	}
	return t
}

// enumValues lists a property's enum values in spec order.
func enumValues(sr *openapi3.SchemaRef) []string {
	s := target(sr)
	if s == nil {
		return nil
	}
	out := make([]string, 0, len(s.Enum))
	for _, v := range s.Enum {
		out = append(out, fmt.Sprint(v))
	}
	return out
}

// nullable reports whether a property may be null.
func nullable(sr *openapi3.SchemaRef) bool {
	return sr != nil && sr.Value != nil && sr.Value.Nullable
}

// reachable returns the names of the component schemas the given operations
// use in their parameters, request bodies and success responses, directly
// or through other components, sorted. Error bodies are left out: they are
// shared by every operation and are not part of the billing migration.
func reachable(ops []endpoint) []string {
	seen := map[string]bool{}
	visiting := map[*openapi3.Schema]bool{}
	var walk func(sr *openapi3.SchemaRef)
	walk = func(sr *openapi3.SchemaRef) {
		if sr == nil || sr.Value == nil {
			return
		}
		if sr.Ref != "" {
			seen[refName(sr)] = true
		}
		s := sr.Value
		if visiting[s] {
			return
		}
		visiting[s] = true
		for _, group := range [][]*openapi3.SchemaRef{s.AllOf, s.OneOf, s.AnyOf} {
			for _, p := range group {
				walk(p)
			}
		}
		for _, p := range s.Properties {
			walk(p)
		}
		walk(s.Items)
		walk(s.AdditionalProperties.Schema)
		walk(s.Not)
	}
	for _, e := range ops {
		op := e.op
		for _, p := range op.Parameters {
			if p.Value != nil {
				walk(p.Value.Schema)
			}
		}
		if op.RequestBody != nil && op.RequestBody.Value != nil {
			for _, mt := range op.RequestBody.Value.Content {
				walk(mt.Schema)
			}
		}
		if op.Responses != nil {
			for code, r := range op.Responses.Map() {
				if r.Value == nil || !strings.HasPrefix(code, "2") {
					continue
				}
				for _, mt := range r.Value.Content {
					walk(mt.Schema)
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
