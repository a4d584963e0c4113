package main

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// mode says whether a type is built for a request (optional fields are
// clerk.Opt with omitzero) or a response (the DESIGN's three-way mapping).
type mode int

const (
	response mode = iota
	request
)

// legacyFields are wire names that API 2025-11-10 replaced; a struct that
// still has one decodes it into the current field, so callers see one name.
var legacyFields = map[string]string{
	"payment_source":    "payment_method",
	"payment_source_id": "payment_method_id",
}

// typeOf returns the Go type for ref (unwrapped: no pointer or Opt for
// optionality), declaring named types in the package as needed. hint names
// an inline struct or enum.
func (p *pkgModel) typeOf(ref *openapi3.SchemaRef, hint string, m mode) string {
	if ref == nil || ref.Value == nil {
		return "any"
	}
	s := ref.Value
	if name := refName(ref.Ref); name != "" {
		if name == "DeletedObject" {
			return "clerk.DeletedObject"
		}
		hint = p.g.schemaGoName(name)
	}
	// A union or intersection of a single schema is that schema.
	if len(s.Properties) == 0 {
		if one := singleVariant(s); one != nil {
			return p.typeOf(one, hint, m)
		}
	}
	switch {
	case isObjectLike(s):
		return p.declareStruct(s, hint, m)
	case isType(s, "array"):
		return "[]" + p.elemType(s.Items, singular(hint)+"Item", m)
	case isType(s, "string"):
		if m == response && len(s.Enum) > 1 {
			return p.declareEnum(s, hint)
		}
		return "string"
	case isType(s, "integer"):
		return "int64"
	case isType(s, "number"):
		return "float64"
	case isType(s, "boolean"):
		return "bool"
	case isType(s, "object") || s.Type == nil && s.AdditionalProperties.Schema != nil:
		if ap := s.AdditionalProperties.Schema; ap != nil && ap.Value != nil && !emptySchema(ap.Value) {
			return "map[string]" + p.typeOf(ap, hint+"Value", m)
		}
		return "map[string]any"
	}
	if len(s.OneOf) > 0 || len(s.AnyOf) > 0 {
		return "json.RawMessage"
	}
	return "any"
}

// singleVariant returns the one schema a oneOf/anyOf/allOf wraps, if that is
// all the schema is.
func singleVariant(s *openapi3.Schema) *openapi3.SchemaRef {
	var all openapi3.SchemaRefs
	for _, group := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf, s.AllOf} {
		for _, v := range group {
			if v.Value != nil && (len(v.Value.Properties) > 0 || v.Value.Type != nil || v.Ref != "" || len(v.Value.AllOf)+len(v.Value.OneOf) > 0) {
				all = append(all, v)
			}
		}
	}
	if len(all) == 1 {
		return all[0]
	}
	return nil
}

// emptySchema reports whether s says nothing about its values.
func emptySchema(s *openapi3.Schema) bool {
	return s.Type == nil && len(s.Properties) == 0 && len(s.OneOf)+len(s.AnyOf)+len(s.AllOf) == 0 && s.Items == nil
}

// elemType is the Go type of an array element: a pointer for structs.
func (p *pkgModel) elemType(ref *openapi3.SchemaRef, hint string, m mode) string {
	t := p.typeOf(ref, hint, m)
	if d, ok := p.decls[t]; ok && d.Kind == kindStruct {
		return "*" + t
	}
	return t
}

// singular drops a trailing "s" from a type name hint.
func singular(name string) string {
	if strings.HasSuffix(name, "ies") {
		return name[:len(name)-3] + "y"
	}
	if strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "ss") {
		return name[:len(name)-1]
	}
	return name
}

// nilable reports whether the zero value of t already means "absent".
func nilable(t string) bool {
	return strings.HasPrefix(t, "[]") || strings.HasPrefix(t, "map[") || t == "any" || t == "json.RawMessage"
}

// declareStruct declares (once per schema) a struct for s named name.
func (p *pkgModel) declareStruct(s *openapi3.Schema, name string, m mode) string {
	if n, ok := p.named[s]; ok {
		return n
	}
	name = p.uniqueName(name)
	d := &decl{Name: name, Kind: kindStruct, Doc: name + " is a nested object of the API, named after where it appears."}
	if comp := p.g.component[s]; comp != "" {
		d.Doc = name + " is the API's " + comp + " object."
	} else if m == request {
		d.Doc = name + " is a nested object of a request body."
	}
	d.Request = m == request && p.g.component[s] == ""
	p.decls[name] = d
	p.named[s] = name
	ps, req := props(s)
	seen := map[string]bool{}
	for _, k := range sortedKeys(ps) {
		if cur, ok := legacyFields[k]; ok {
			if _, has := ps[cur]; !has {
				// Only the legacy name is in the spec: expose the current
				// name and accept the legacy one when decoding.
				ft := p.typeOf(ps[k], name+camel(cur), m)
				typ, tag := fieldType(ft, cur, req[k], ps[k].Value.Nullable, m)
				d.Fields = append(d.Fields, field{GoName: camel(cur), JSONName: cur, Type: typ, Tag: tag, Required: req[k], Schema: ps[k]})
				d.Aliases = append(d.Aliases, alias{JSONName: k, GoField: camel(cur), Type: typ})
				seen[camel(cur)] = true
				continue
			}
			// Both are present: the legacy one still decodes into the current field.
			d.Aliases = append(d.Aliases, alias{JSONName: k, GoField: camel(cur)})
			continue
		}
		goName := camel(k)
		if seen[goName] {
			goName += "Field"
		}
		seen[goName] = true
		ft := p.typeOf(ps[k], name+camel(k), m)
		typ, tag := fieldType(ft, k, req[k], ps[k].Value.Nullable, m)
		d.Fields = append(d.Fields, field{GoName: goName, JSONName: k, Type: typ, Tag: tag, Required: req[k], Schema: ps[k]})
	}
	// An alias whose target field exists takes the target's type.
	for i, a := range d.Aliases {
		for _, f := range d.Fields {
			if f.GoName == a.GoField {
				d.Aliases[i].Type = f.Type
			}
		}
	}
	return name
}

// fieldType wraps a value type for optionality and nullability, and returns
// the struct tag.
func fieldType(t, jsonName string, required, nullable bool, m mode) (string, string) {
	if m == request {
		if required {
			if nullable && !nilable(t) {
				return "*" + t, `json:"` + jsonName + `"`
			}
			return t, `json:"` + jsonName + `"`
		}
		return "clerk.Opt[" + t + "]", `json:"` + jsonName + `,omitzero"`
	}
	switch {
	case required && !nullable:
		return t, `json:"` + jsonName + `"`
	case required && nullable:
		if nilable(t) {
			return t, `json:"` + jsonName + `"`
		}
		return "*" + t, `json:"` + jsonName + `"`
	case !required && !nullable:
		if nilable(t) {
			return t, `json:"` + jsonName + `,omitempty"`
		}
		return "*" + t, `json:"` + jsonName + `,omitempty"`
	}
	return "clerk.Opt[" + t + "]", `json:"` + jsonName + `,omitzero"`
}

// declareEnum declares a named string type with a constant per value.
func (p *pkgModel) declareEnum(s *openapi3.Schema, name string) string {
	if n, ok := p.named[s]; ok {
		return n
	}
	name = p.uniqueName(name)
	d := &decl{Name: name, Kind: kindEnum, Doc: name + " is one of the values below; values added by later API versions decode as they are."}
	for _, v := range s.Enum {
		if str, ok := v.(string); ok {
			d.Values = append(d.Values, str)
		}
	}
	p.decls[name] = d
	p.named[s] = name
	return name
}
