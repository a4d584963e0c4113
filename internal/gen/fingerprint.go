package main

import (
	"encoding/json"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// proseKeys are the parts of a schema that describe it without changing
// its shape.
var proseKeys = map[string]bool{"description": true, "example": true, "examples": true, "title": true, "externalDocs": true, "deprecated": true}

// fingerprint returns a canonical text of the schema's shape: its JSON with
// prose and extensions removed and keys sorted.
func fingerprint(s *openapi3.Schema) string {
	b, err := json.Marshal(s)
	if err != nil {
		return ""
	}
	var v any
	if json.Unmarshal(b, &v) != nil {
		return string(b)
	}
	out, _ := json.Marshal(stripProse(v))
	return string(out)
}

func stripProse(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k := range x {
			if proseKeys[k] || strings.HasPrefix(k, "x-") {
				delete(x, k)
				continue
			}
			x[k] = stripProse(x[k])
		}
	case []any:
		for i := range x {
			x[i] = stripProse(x[i])
		}
	}
	return v
}
