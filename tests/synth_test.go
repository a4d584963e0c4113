package tests

import (
	"strings"

	"github.com/clerkgo/clerk/internal/spec"
	"github.com/getkin/kin-openapi/openapi3"
)

// The spec gives examples per property, not per answer, so the contract
// tests build whole answers from the schema: every field present with its
// example (full), or only the required ones with null where allowed
// (minimal). Each instance is checked against the schema before it is
// decoded into the SDK's types.

// synth builds a JSON value (as encoding/json would decode it) for ref.
func synth(ref *openapi3.SchemaRef, full bool, depth int) any {
	if ref == nil || ref.Value == nil || depth > 40 {
		return nil
	}
	s := ref.Value
	if !full && s.Nullable {
		return nil
	}
	if variant := firstVariant(s); variant != nil && len(s.Properties) == 0 {
		return synth(variant, full, depth+1)
	}
	if len(s.Properties) > 0 || len(s.AllOf) > 0 {
		obj := map[string]any{}
		props, required := objectProps(s)
		for name, p := range props {
			if full || required[name] {
				obj[name] = synth(p, full, depth+1)
			}
		}
		return obj
	}
	if s.Example != nil {
		return normalize(s.Example)
	}
	switch {
	case s.Type.Is("array"):
		if !full {
			return []any{}
		}
		return []any{synth(s.Items, full, depth+1)}
	case s.Type.Is("object"):
		return map[string]any{}
	case s.Type.Is("string"):
		if len(s.Enum) > 0 {
			return s.Enum[0]
		}
		return stringFor(s)
	case s.Type.Is("integer"):
		if s.Min != nil {
			return *s.Min
		}
		return float64(1)
	case s.Type.Is("number"):
		// Whole, so that counts the spec types as number decode as integers.
		return float64(2)
	case s.Type.Is("boolean"):
		return true
	}
	return map[string]any{}
}

// firstVariant returns the schema a oneOf/anyOf/allOf instance follows.
func firstVariant(s *openapi3.Schema) *openapi3.SchemaRef {
	for _, group := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
		for _, v := range group {
			if v.Value != nil && (v.Value.Type != nil || len(v.Value.Properties) > 0 || len(v.Value.AllOf) > 0) {
				return v
			}
		}
	}
	if len(s.AllOf) == 1 {
		return s.AllOf[0]
	}
	return nil
}

// objectProps merges a schema's own properties with its allOf parts and,
// for anyOf of required-only alternatives, requires the first alternative.
func objectProps(s *openapi3.Schema) (map[string]*openapi3.SchemaRef, map[string]bool) {
	props := map[string]*openapi3.SchemaRef{}
	required := map[string]bool{}
	for k, v := range s.Properties {
		props[k] = v
	}
	for _, r := range s.Required {
		required[r] = true
	}
	for _, part := range s.AllOf {
		if part.Value == nil {
			continue
		}
		p, r := objectProps(part.Value)
		for k, v := range p {
			props[k] = v
		}
		for k := range r {
			required[k] = true
		}
	}
	for _, alt := range s.AnyOf {
		if alt.Value != nil && len(alt.Value.Properties) == 0 {
			for _, r := range alt.Value.Required {
				required[r] = true
			}
			break
		}
	}
	return props, required
}

// stringFor makes a string the schema accepts.
func stringFor(s *openapi3.Schema) string {
	if v := spec.Sample(s.Pattern); v != "" {
		return v
	}
	switch s.Format {
	case "email":
		return "user@example.com"
	case "uri":
		return "https://example.com"
	case "date-time":
		return "2025-01-01T00:00:00Z"
	case "date":
		return "2025-01-01"
	}
	if s.MinLength > 0 {
		return strings.Repeat("x", int(s.MinLength))
	}
	return "x"
}

// normalize returns a copy of a YAML-decoded example as encoding/json
// would produce it (whole numbers as float64). It never changes v: the
// examples belong to the one parsed spec that parallel tests share, so an
// in-place rewrite here was a data race with every other reader.
func normalize(v any) any {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalize(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	}
	return v
}
