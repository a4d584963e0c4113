package main

import (
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// decl is one Go type declaration of a generated package.
type decl struct {
	Name   string
	Doc    string
	Kind   declKind
	Fields []field  // kindStruct
	Values []string // kindEnum
	// Aliases maps a legacy JSON name to the field that should receive it
	// (e.g. payment_source to PaymentMethod); kindStruct only.
	Aliases []alias
	// Form is true for multipart params structs.
	Form bool
	// Request is true for params structs and the nested types only
	// requests use; they are written to params_gen.go.
	Request bool

	print     string // the shape's fingerprint
	component bool   // declared for a component schema
	// home is the package whose operations first needed the type; it picks
	// the family file of a root model.
	home string
	// schema is the first schema the type was declared for, read for docs.
	schema *openapi3.Schema
	// where is "Parent.json_field" for a nested type named after its place.
	where string
	// limit is the schema of a paged list's limit parameter.
	limit *openapi3.Schema
}

type declKind int

const (
	kindStruct declKind = iota
	kindEnum
)

// field is one field of a generated struct.
type field struct {
	GoName   string
	JSONName string
	// Base is the type before optionality; Type wraps it (pointer, Opt).
	Base     string
	Type     string
	Tag      string
	Nullable bool
	mode     mode
	// Query is true for query parameters of params structs.
	Query bool
	// Required is true when the spec requires the field.
	Required bool
	// Binary is true for file fields of multipart bodies.
	Binary bool
	// Schema is the field's schema, used to build example values.
	Schema *openapi3.SchemaRef
	// Embedded marks clerk.ListParams.
	Embedded bool
	// Deprecated is the spec's flag on a parameter (schemas carry their own).
	Deprecated bool
	// VersionDoc says which API versions refuse the field, when some do.
	VersionDoc string
	// ExampleNeeded marks an optional field that a valid request still
	// needs (one of an anyOf of required fields); generated test calls set it.
	ExampleNeeded bool
}

// alias is a legacy wire name decoded into a current field.
type alias struct {
	JSONName string
	GoField  string
	// Current is the field's current wire name.
	Current string
}

// pkgModel holds what one generated package declares.
type pkgModel struct {
	Name  string
	Doc   string
	Ops   []*opModel
	decls map[string]*decl
	// named maps a schema to the Go type already declared for it.
	named map[*openapi3.Schema]string
	// prints maps a shape's fingerprint to the type declared for it.
	prints map[string]string
	// preferred maps the fingerprint of a component schema this package
	// uses to its Go name, so inline copies of that shape take the name.
	preferred map[string]string
	// explicit holds the type names the overlay chose for responses, and
	// wanted the explicit name asked for a shape already declared under
	// another name.
	explicit map[string]bool
	wanted   map[string]string
	g        *generator
	// root is the model layer of the root package, which declares every
	// answer type; nil for the root itself.
	root *pkgModel
}

func newPkg(g *generator, name string) *pkgModel {
	p := &pkgModel{Name: name, decls: map[string]*decl{}, named: map[*openapi3.Schema]string{}, prints: map[string]string{}, preferred: map[string]string{}, explicit: map[string]bool{}, wanted: map[string]string{}, g: g}
	if name != rootName {
		p.root = g.root
	}
	return p
}

// answers returns the package model that declares answer types: the root.
func (p *pkgModel) answers() *pkgModel {
	if p.root != nil {
		return p.root
	}
	return p
}

// sortedDecls returns the declarations in name order.
func (p *pkgModel) sortedDecls() []*decl {
	out := make([]*decl, 0, len(p.decls))
	for _, d := range p.decls {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// uniqueName returns name, or name with a numeric suffix when it is taken.
func (p *pkgModel) uniqueName(name string) string {
	if _, taken := p.decls[name]; !taken && !reservedNames[name] {
		return name
	}
	for i := 2; ; i++ {
		n := name + strconv.Itoa(i)
		if _, taken := p.decls[n]; !taken {
			return n
		}
	}
}

// reservedNames are declared by hand or by the service file in every package.
var reservedNames = map[string]bool{"Service": true, "New": true}

// refName returns the component name of a $ref, or "".
func refName(ref string) string {
	if i := strings.LastIndexByte(ref, '/'); i >= 0 && strings.HasPrefix(ref, "#/components/schemas/") {
		return ref[i+1:]
	}
	return ""
}

// isType reports whether s has exactly type t.
func isType(s *openapi3.Schema, t string) bool { return s.Type != nil && s.Type.Is(t) }

// props returns the properties and required set of s, merging allOf and
// object variants of oneOf/anyOf. Variant-only properties are optional.
func props(s *openapi3.Schema) (map[string]*openapi3.SchemaRef, map[string]bool) {
	out := map[string]*openapi3.SchemaRef{}
	req := map[string]bool{}
	for k, v := range s.Properties {
		out[k] = v
	}
	for _, r := range s.Required {
		req[r] = true
	}
	for _, sub := range s.AllOf {
		if sub.Value == nil {
			continue
		}
		p, r := props(sub.Value)
		for k, v := range p {
			out[k] = v
		}
		for k := range r {
			req[k] = true
		}
	}
	variants := append(append(openapi3.SchemaRefs{}, s.OneOf...), s.AnyOf...)
	if len(variants) > 0 {
		counts := map[string]int{}
		for _, sub := range variants {
			if sub.Value == nil || len(sub.Value.Properties) == 0 && len(sub.Value.AllOf) == 0 {
				continue
			}
			p, r := props(sub.Value)
			for k, v := range p {
				prev, ok := out[k]
				switch {
				case !ok:
					out[k] = v
				case prev.Value != v.Value && (len(prev.Value.Enum) > 0 || len(v.Value.Enum) > 0):
					// Variants disagree on the values: keep the plain type.
					out[k] = &openapi3.SchemaRef{Value: &openapi3.Schema{Type: prev.Value.Type, Nullable: prev.Value.Nullable || v.Value.Nullable}}
				}
			}
			for k := range r {
				counts[k]++
			}
		}
		for k, n := range counts {
			if n == len(variants) {
				req[k] = true
			}
		}
	}
	return out, req
}

// isObjectLike reports whether s should become a Go struct.
func isObjectLike(s *openapi3.Schema) bool {
	if len(s.Properties) > 0 || len(s.AllOf) > 0 {
		return true
	}
	for _, v := range append(append(openapi3.SchemaRefs{}, s.OneOf...), s.AnyOf...) {
		if v.Value != nil && (len(v.Value.Properties) > 0 || isObjectLike(v.Value)) {
			return true
		}
	}
	return false
}

// sortedKeys orders properties with id and object first, then by name.
func sortedKeys(m map[string]*openapi3.SchemaRef) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	rank := func(k string) int {
		switch k {
		case "object":
			return 0
		case "id":
			return 1
		}
		return 2
	}
	sort.Slice(keys, func(i, j int) bool {
		if ri, rj := rank(keys[i]), rank(keys[j]); ri != rj {
			return ri < rj
		}
		return keys[i] < keys[j]
	})
	return keys
}
