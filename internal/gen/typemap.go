package main

import (
	"strings"

	"github.com/clerkgo/clerk/internal/gen/naming"
	"github.com/clerkgo/clerk/internal/gen/overlay"
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

// currentName returns the current wire name of the property k of the type
// named typeName, and whether k is a legacy name: the overlay's per-type
// names first (inside a payment method, payment_method is the older name of
// payment_type), then the names every type shares.
func currentName(typeName, k string) (string, bool) {
	if cur, ok := overlay.LegacyFields()[typeName][k]; ok {
		return cur, true
	}
	if _, ok := overlay.LegacyFields()[typeName][legacyFields[k]]; ok {
		// The shared current name is itself legacy in this type.
		return k, false
	}
	cur, ok := legacyFields[k]
	return cur, ok
}

// typeOf returns the Go type for ref (unwrapped: no pointer or Opt for
// optionality), declaring named types in the package as needed. hint names
// an inline struct or enum.
func (p *pkgModel) typeOf(ref *openapi3.SchemaRef, hint string, m mode) string {
	if m == response && p.root != nil {
		return p.root.qualify(p.root.typeOf(ref, hint, m))
	}
	if ref == nil || ref.Value == nil {
		return "any"
	}
	s := ref.Value
	if name := refName(ref.Ref); name != "" {
		switch name {
		case "DeletedObject":
			return "clerk.DeletedObject"
		case "ClerkError":
			// The error of a verification is the error detail of API errors.
			return "clerk.ErrorDetail"
		}
		hint = p.g.goNameOf(ref.Value, name)
	}
	if u := p.g.unionName(s); u != "" && m == response {
		hint = u
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
		if m == response {
			// A free-form object in an answer (metadata, claims) stays the
			// JSON the API sent: decoding it into maps of interfaces cost
			// more than the rest of a user, and lost number precision.
			return rawJSON
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
	if m == response && p.root != nil {
		return p.root.qualify(p.root.elemType(ref, hint, m))
	}
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
	return strings.HasPrefix(t, "[]") || strings.HasPrefix(t, "map[") || t == "any" || t == "json.RawMessage" || t == rawJSON
}

// rawJSON is the root package's hand-written type for free-form JSON
// values of answers (clerk.JSON); it tells absent, null and a value apart
// by itself, so it is never wrapped in a pointer or an Opt.
const rawJSON = "JSON"

// declareStruct declares (once per shape) a struct for s named name.
//
// Two schemas become one Go type when they have the same shape once prose
// is set aside, or when the overlay gives two component schemas the same Go
// name (older copies of one object); the type then holds every field of
// both, each required only where both require it.
func (p *pkgModel) declareStruct(s *openapi3.Schema, name string, m mode) string {
	if n, ok := p.named[s]; ok {
		return n
	}
	if n, ok := overlay.TypeRenames()[name]; ok {
		name = n
	}
	fp := fingerprint(s)
	comp := p.g.component[s] != ""
	if !comp {
		if n, ok := p.preferred[fp]; ok {
			name = n
		}
	}
	if d, ok := p.decls[name]; ok && d.Kind == kindStruct && (d.print == fp || comp && d.component || p.g.merged[name]) {
		p.named[s] = name
		if d.print != fp {
			p.mergeFields(d, s, m)
		}
		return name
	}
	if n, ok := p.prints[fp]; ok && !comp {
		if p.explicit[name] {
			// Remember the chosen name for the next pass.
			if _, taken := p.wanted[fp]; !taken {
				p.wanted[fp] = name
			}
		}
		p.named[s] = n
		return n
	}
	name = p.uniqueName(name)
	d := &decl{Name: name, Kind: kindStruct, print: fp, component: comp || p.g.merged[name], home: p.g.current, schema: s}
	d.Request = m == request
	p.decls[name] = d
	p.named[s] = name
	if _, ok := p.prints[fp]; !ok {
		p.prints[fp] = name
	}
	ps, req := props(s)
	for _, k := range sortedKeys(ps) {
		p.addField(d, k, ps[k], req[k], m)
	}
	return name
}

// addField adds the property k to d, turning a legacy wire name into an
// alias of its current field.
func (p *pkgModel) addField(d *decl, k string, ref *openapi3.SchemaRef, required bool, m mode) {
	jsonName, legacy := k, ""
	if cur, ok := currentName(d.Name, k); ok {
		jsonName, legacy = cur, k
	}
	goName := naming.Camel(jsonName)
	if f := d.field(goName); f != nil {
		if legacy != "" {
			d.addAlias(legacy, goName, jsonName)
		}
		return
	}
	base := p.typeOf(ref, d.Name+goName, m)
	if nd, ok := p.decls[strings.TrimLeft(base, "[]*")]; ok && nd != d && nd.where == "" && !nd.component {
		nd.where = d.Name + "." + jsonName
	}
	f := field{GoName: goName, JSONName: jsonName, Base: base, Required: required, Nullable: ref.Value.Nullable, Schema: ref, mode: m}
	f.wrap()
	d.Fields = append(d.Fields, f)
	if legacy != "" {
		d.addAlias(legacy, goName, jsonName)
	}
}

// mergeFields folds the properties of s into d: new ones are optional, and
// fields s lacks or does not require become optional.
//
// The webhook payloads describe the same objects as the Backend API, which
// is the contract: merging one adds the fields it has on top, and never
// weakens a field the Backend API requires.
func (p *pkgModel) mergeFields(d *decl, s *openapi3.Schema, m mode) {
	ps, req := props(s)
	weaken := p.g.current != "webhooks" || d.home == "webhooks"
	have := map[string]bool{}
	for _, k := range sortedKeys(ps) {
		name := k
		cur, isLegacy := currentName(d.Name, k)
		if isLegacy {
			name = cur
		}
		have[naming.Camel(name)] = true
		if d.field(naming.Camel(name)) == nil {
			p.addField(d, k, ps[k], false, m)
			continue
		}
		// A field both schemas have may still hold another copy of a named
		// model (a payment source beside a payment method): merge that too.
		if ref := ps[k]; ref.Value != nil && (p.g.component[ref.Value] != "" || ref.Value.Items != nil && p.g.component[ref.Value.Items.Value] != "") {
			p.typeOf(ref, d.Name+naming.Camel(name), m)
		}
		if isLegacy {
			d.addAlias(k, naming.Camel(name), name)
		}
		if !req[k] && weaken {
			d.field(naming.Camel(name)).optional()
		}
		if ref := ps[k]; ref.Value != nil && ref.Value.Nullable && weaken {
			d.field(naming.Camel(name)).nullable()
		}
	}
	for i := range d.Fields {
		if weaken && !have[d.Fields[i].GoName] && !d.Fields[i].Embedded {
			d.Fields[i].optional()
		}
	}
}

// field returns d's field named goName, or nil.
func (d *decl) field(goName string) *field {
	for i := range d.Fields {
		if d.Fields[i].GoName == goName {
			return &d.Fields[i]
		}
	}
	return nil
}

// addAlias records that the legacy wire name decodes into goField.
func (d *decl) addAlias(legacy, goField, current string) {
	for _, a := range d.Aliases {
		if a.JSONName == legacy {
			return
		}
	}
	d.Aliases = append(d.Aliases, alias{JSONName: legacy, GoField: goField, Current: current})
}

// optional makes a field not required and recomputes its type and tag.
func (f *field) optional() {
	if f.Required {
		f.Required = false
		f.wrap()
	}
}

// nullable lets a field carry null, as one of the schemas merged into its
// type declares, and recomputes its type and tag.
func (f *field) nullable() {
	if !f.Nullable {
		f.Nullable = true
		f.wrap()
	}
}

// wrap computes the field's Go type and tag from its base type.
func (f *field) wrap() {
	f.Type, f.Tag = fieldType(f.Base, f.JSONName, f.Required, f.Nullable, f.mode)
	if f.mode == request {
		f.Tag += ` url:"-"`
	}
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
	case t == rawJSON || t == "clerk."+rawJSON:
		// clerk.JSON tells absent, null and a value apart by itself.
		if required {
			return t, `json:"` + jsonName + `"`
		}
		return t, `json:"` + jsonName + `,omitempty"`
	case required && !nullable:
		return t, `json:"` + jsonName + `"`
	case required && nullable:
		if nilable(t) {
			return t, `json:"` + jsonName + `"`
		}
		return "*" + t, `json:"` + jsonName + `"`
	case !required && !nullable:
		if strings.HasPrefix(t, "[]") {
			// nil is absent and a non-nil empty slice is sent as [],
			// the empty list Clerk's clients expect.
			return t, `json:"` + jsonName + `,omitzero"`
		}
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
	if n, ok := overlay.TypeRenames()[name]; ok {
		name = n
	}
	name = p.uniqueName(name)
	d := &decl{Name: name, Kind: kindEnum, home: p.g.current, schema: s}
	for _, v := range s.Enum {
		if str, ok := v.(string); ok {
			d.Values = append(d.Values, str)
		}
	}
	p.decls[name] = d
	p.named[s] = name
	return name
}

// qualify prefixes the root model names in the type expression t with the
// root package's name, for use from a resource package.
func (p *pkgModel) qualify(t string) string {
	var b strings.Builder
	for i := 0; i < len(t); {
		if !isIdentByte(t[i]) {
			b.WriteByte(t[i])
			i++
			continue
		}
		j := i
		for j < len(t) && (isIdentByte(t[j]) || t[j] == '.') {
			j++
		}
		word := t[i:j]
		if _, ok := p.decls[word]; ok || word == rawJSON {
			b.WriteString("clerk.")
		}
		b.WriteString(word)
		i = j
	}
	return b.String()
}
