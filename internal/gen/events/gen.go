package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"sort"
	"strings"

	"github.com/clerkgo/clerk/internal/gen/naming"
	"github.com/getkin/kin-openapi/openapi3"
)

const schemaPrefix = "#/components/schemas/"

// kind says how a Go type behaves for nullability: slices, maps and raw
// JSON already have a nil state, scalars and structs need a pointer.
type kind int

const (
	kindValue kind = iota
	kindNilable
	kindRaw
)

// goType is one generated struct.
type goType struct {
	Name   string
	Doc    string
	Fields []goField
	Legacy map[string]string // old JSON name -> current JSON name
}

type goField struct {
	Name, JSON, Type, Doc string
	Required              bool
}

// event is one event type of the spec with its naming.
type event struct {
	Type string
	eventNaming
}

type generator struct {
	doc      *openapi3.T
	names    map[string]string
	unions   map[string]string
	renames  map[string]fieldRename
	types    map[string]*goType
	variants map[string][]string // union Go name -> variant schema names
	events   []event
}

// generate loads the spec and returns the gofmt'd source of events_gen.go.
func generate(specPath string) ([]byte, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(specPath)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", specPath, err)
	}
	g := &generator{
		doc:      doc,
		names:    schemaNames(),
		unions:   unionNames(),
		renames:  fieldRenames(),
		types:    map[string]*goType{},
		variants: map[string][]string{},
	}
	if err := g.collectEvents(); err != nil {
		return nil, err
	}
	if err := g.buildUnions(); err != nil {
		return nil, err
	}
	if err := g.applyOverlay(); err != nil {
		return nil, err
	}
	for _, e := range g.events {
		if _, clash := g.types[e.Const]; clash {
			return nil, fmt.Errorf("event constant %s collides with a payload type", e.Const)
		}
	}
	src := g.render()
	out, err := format.Source(src)
	if err != nil {
		return nil, fmt.Errorf("formatting output: %w\n%s", err, src)
	}
	return out, nil
}

// webhookSpec is the part of an x-webhooks entry the generator reads.
type webhookSpec struct {
	Post struct {
		RequestBody struct {
			Content map[string]struct {
				Schema struct {
					AllOf []struct {
						Properties map[string]json.RawMessage `json:"properties"`
					} `json:"allOf"`
				} `json:"schema"`
			} `json:"content"`
		} `json:"requestBody"`
	} `json:"post"`
}

// dataSchema is the piece of a webhook's schema that describes "data": a
// $ref, possibly wrapped in an allOf whose first element is the $ref.
type dataSchema struct {
	Ref   string `json:"$ref"`
	AllOf []struct {
		Ref string `json:"$ref"`
	} `json:"allOf"`
}

func (g *generator) collectEvents() error {
	raw, ok := g.doc.Extensions["x-webhooks"]
	if !ok {
		return fmt.Errorf("spec has no x-webhooks section")
	}
	b, err := json.Marshal(raw)
	if err != nil {
		return err
	}
	var hooks map[string]webhookSpec
	if err := json.Unmarshal(b, &hooks); err != nil {
		return fmt.Errorf("reading x-webhooks: %w", err)
	}
	naming := events()
	for typ, hook := range hooks {
		n, ok := naming[typ]
		if !ok {
			return fmt.Errorf("event type %q has no entry in the overlay", typ)
		}
		schema, err := hookDataSchema(typ, hook)
		if err != nil {
			return err
		}
		if got := g.goName(schema); got != n.Payload {
			return fmt.Errorf("event %q: overlay payload %s but schema %s is named %s", typ, n.Payload, schema, got)
		}
		if _, err := g.named(schema); err != nil {
			return err
		}
		g.events = append(g.events, event{Type: typ, eventNaming: n})
	}
	for typ := range naming {
		if _, ok := hooks[typ]; !ok {
			return fmt.Errorf("overlay names event type %q that the spec does not have", typ)
		}
	}
	sort.Slice(g.events, func(i, j int) bool { return g.events[i].Type < g.events[j].Type })
	return nil
}

func hookDataSchema(typ string, hook webhookSpec) (string, error) {
	content, ok := hook.Post.RequestBody.Content["application/json"]
	if !ok {
		return "", fmt.Errorf("event %q: no application/json body", typ)
	}
	for _, part := range content.Schema.AllOf {
		raw, ok := part.Properties["data"]
		if !ok {
			continue
		}
		var d dataSchema
		if err := json.Unmarshal(raw, &d); err != nil {
			return "", fmt.Errorf("event %q: %w", typ, err)
		}
		ref := d.Ref
		if ref == "" && len(d.AllOf) > 0 {
			ref = d.AllOf[0].Ref
		}
		if !strings.HasPrefix(ref, schemaPrefix) {
			return "", fmt.Errorf("event %q: data is not a component schema reference", typ)
		}
		return strings.TrimPrefix(ref, schemaPrefix), nil
	}
	return "", fmt.Errorf("event %q: no data schema", typ)
}

// goName is the Go type name of a component schema.
func (g *generator) goName(schema string) string {
	if n, ok := g.names[schema]; ok {
		return n
	}
	return naming.Camel(schema)
}

// named makes sure the struct for a component schema exists and returns its name.
func (g *generator) named(schema string) (string, error) {
	name := g.goName(schema)
	if _, ok := g.types[name]; ok {
		return name, nil
	}
	ref, ok := g.doc.Components.Schemas[schema]
	if !ok || ref.Value == nil {
		return "", fmt.Errorf("unknown schema %q", schema)
	}
	return name, g.buildStruct(name, ref.Value)
}

// buildStruct registers a struct for a schema with properties (allOf parts merged).
func (g *generator) buildStruct(name string, s *openapi3.Schema) error {
	t := &goType{Name: name}
	g.types[name] = t // registered first so that recursive schemas terminate
	props, required := flatten(s)
	return g.addFields(t, props, required, nil)
}

// addFields converts properties to fields, sorted by JSON name; nullable
// marks extra fields as nullable (unions).
func (g *generator) addFields(t *goType, props openapi3.Schemas, required map[string]bool, nullable map[string]bool) error {
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return fieldLess(keys[i], keys[j]) })
	for _, k := range keys {
		p := props[k]
		expr, kd, err := g.typeOf(p, t.Name+naming.Camel(k), t.Name+"."+k)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", t.Name, k, err)
		}
		null := p.Value != nil && p.Value.Nullable
		if nullable != nil {
			null = null || nullable[k]
		}
		f := goField{Name: naming.Camel(k), JSON: k, Type: wrap(expr, kd, required[k], null), Required: required[k]}
		if p.Value != nil && p.Value.Deprecated {
			f.Doc = "Deprecated: Clerk keeps sending this field for older integrations; prefer its replacement."
		}
		t.Fields = append(t.Fields, f)
	}
	return nil
}

// fieldLess orders fields: id, then object, then alphabetically.
func fieldLess(a, b string) bool {
	rank := func(s string) int {
		switch s {
		case "id":
			return 0
		case "object":
			return 1
		}
		return 2
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra < rb
	}
	return a < b
}

// flatten merges a schema's own properties with those of its allOf parts.
func flatten(s *openapi3.Schema) (openapi3.Schemas, map[string]bool) {
	props := openapi3.Schemas{}
	required := map[string]bool{}
	for _, part := range s.AllOf {
		if part.Value == nil {
			continue
		}
		p, r := flatten(part.Value)
		for k, v := range p {
			props[k] = v
		}
		for k := range r {
			required[k] = true
		}
	}
	for k, v := range s.Properties {
		props[k] = v
	}
	for _, k := range s.Required {
		required[k] = true
	}
	return props, required
}

func hasStructure(s *openapi3.Schema) bool {
	if len(s.Properties) > 0 {
		return true
	}
	for _, part := range s.AllOf {
		if part.Value != nil && hasStructure(part.Value) {
			return true
		}
	}
	return false
}

// refVariants lists the $ref targets of a oneOf or anyOf (parts without a
// $ref, such as anyOf required-lists, are constraints and are ignored).
func refVariants(s *openapi3.Schema) []string {
	var out []string
	for _, list := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
		for _, r := range list {
			if strings.HasPrefix(r.Ref, schemaPrefix) {
				out = append(out, strings.TrimPrefix(r.Ref, schemaPrefix))
			}
		}
	}
	return out
}

// typeOf returns the Go type expression for a schema. ctx names an inline
// struct; key ("Type.field") looks up union names.
func (g *generator) typeOf(r *openapi3.SchemaRef, ctx, key string) (string, kind, error) {
	s := r.Value
	if s == nil {
		return "json.RawMessage", kindRaw, nil
	}
	if strings.HasPrefix(r.Ref, schemaPrefix) && hasStructure(s) {
		name, err := g.named(strings.TrimPrefix(r.Ref, schemaPrefix))
		return name, kindValue, err
	}
	if vs := refVariants(s); len(vs) > 0 && len(s.Properties) == 0 {
		if len(vs) == 1 {
			name, err := g.named(vs[0])
			return name, kindValue, err
		}
		name := ctx
		if n, ok := g.unions[key]; ok {
			name = n
		}
		g.variants[name] = append(g.variants[name], vs...)
		return name, kindValue, nil
	}
	if len(s.Properties) == 0 && len(s.AllOf) == 1 {
		return g.typeOf(s.AllOf[0], ctx, key)
	}
	if hasStructure(s) {
		if _, ok := g.types[ctx]; ok {
			return "", 0, fmt.Errorf("inline type name %s is already taken", ctx)
		}
		return ctx, kindValue, g.buildStruct(ctx, s)
	}
	switch {
	case s.Type.Is("string"):
		return "string", kindValue, nil
	case s.Type.Is("integer"):
		return "int64", kindValue, nil
	case s.Type.Is("number"):
		return "float64", kindValue, nil
	case s.Type.Is("boolean"):
		return "bool", kindValue, nil
	case s.Type.Is("array"):
		if s.Items == nil {
			return "[]json.RawMessage", kindNilable, nil
		}
		elem, _, err := g.typeOf(s.Items, strings.TrimSuffix(ctx, "s"), key+"[]")
		return "[]" + elem, kindNilable, err
	case s.Type.Is("object"):
		return "map[string]any", kindNilable, nil
	}
	return "json.RawMessage", kindRaw, nil
}

// wrap applies the nullability rules: required non-nullable is T,
// required-nullable or optional is *T, optional-and-nullable is clerk.Opt[T].
// Slices and maps already have a nil state and are only wrapped in Opt.
func wrap(expr string, k kind, required, nullable bool) string {
	switch {
	case k == kindRaw:
		return expr
	case !required && nullable:
		return "clerk.Opt[" + expr + "]"
	case k == kindNilable, required && !nullable:
		return expr
	default:
		return "*" + expr
	}
}

// buildUnions creates one struct per union name holding the fields of all
// its variants; a field is required only if every variant requires it.
func (g *generator) buildUnions() error {
	names := make([]string, 0, len(g.variants))
	for n := range g.variants {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		seen := map[string]bool{}
		var schemas []string
		for _, v := range g.variants[name] {
			if !seen[v] {
				seen[v] = true
				schemas = append(schemas, v)
			}
		}
		sort.Strings(schemas)
		props := openapi3.Schemas{}
		count := map[string]int{}
		nullable := map[string]bool{}
		for _, sc := range schemas {
			ref, ok := g.doc.Components.Schemas[sc]
			if !ok || ref.Value == nil {
				return fmt.Errorf("union %s: unknown schema %q", name, sc)
			}
			p, r := flatten(ref.Value)
			for k, v := range p {
				if _, dup := props[k]; !dup {
					props[k] = v
				}
				if r[k] {
					count[k]++
				}
				if v.Value != nil && v.Value.Nullable {
					nullable[k] = true
				}
			}
		}
		required := map[string]bool{}
		for k := range props {
			required[k] = count[k] == len(schemas)
		}
		t := &goType{Name: name}
		g.types[name] = t
		if err := g.addFields(t, props, required, nullable); err != nil {
			return err
		}
	}
	return nil
}

// applyOverlay sets docs, renames fields, adds extra fields and legacy names.
func (g *generator) applyOverlay() error {
	docs := typeDocs()
	for _, t := range g.types {
		doc, ok := docs[t.Name]
		if !ok {
			doc = "a nested object of the webhook payloads."
		}
		t.Doc = t.Name + " is " + doc
	}
	for key, rn := range g.renames {
		typ, field, _ := strings.Cut(key, ".")
		t, ok := g.types[typ]
		if !ok {
			return fmt.Errorf("rename %s: no type %s", key, typ)
		}
		found := false
		for i := range t.Fields {
			if t.Fields[i].JSON == field {
				t.Fields[i].Name = rn.Go
				if rn.JSON != "" {
					t.Fields[i].JSON = rn.JSON
				}
				found = true
			}
		}
		if !found {
			return fmt.Errorf("rename %s: no field %s", key, field)
		}
	}
	for typ, extras := range extraFields() {
		t, ok := g.types[typ]
		if !ok {
			return fmt.Errorf("extra fields: no type %s", typ)
		}
		for _, x := range extras {
			for _, f := range t.Fields {
				if f.JSON == x.JSON {
					return fmt.Errorf("extra field %s.%s is already in the spec", typ, x.JSON)
				}
			}
			t.Fields = append(t.Fields, goField{Name: naming.Camel(x.JSON), JSON: x.JSON, Type: x.Type, Doc: x.Doc})
		}
		sort.SliceStable(t.Fields, func(i, j int) bool { return fieldLess(t.Fields[i].JSON, t.Fields[j].JSON) })
	}
	for typ, legacy := range legacyNames() {
		t, ok := g.types[typ]
		if !ok {
			return fmt.Errorf("legacy names: no type %s", typ)
		}
		t.Legacy = legacy
	}
	return nil
}

func (g *generator) render() []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("// Code generated by internal/gen/events. DO NOT EDIT.\n\n")
	p("package webhooks\n\n")
	p("import (\n\t\"context\"\n\t\"encoding/json\"\n\n\t\"github.com/clerkgo/clerk\"\n)\n\n")

	p("// Event types Clerk sends, one constant per type.\nconst (\n")
	family := ""
	for _, e := range g.events {
		if f, _, _ := strings.Cut(e.Type, "."); f != family {
			if family != "" {
				p("\n")
			}
			family = f
		}
		p("\t// %s is sent when %s\n\t%s = %q\n", e.Const, e.Doc, e.Const, e.Type)
	}
	p(")\n\n")

	p("// EventTypes returns every event type this package decodes into a typed payload.\n")
	p("func EventTypes() []string {\n\treturn []string{\n")
	for _, e := range g.events {
		p("\t\t%s,\n", e.Const)
	}
	p("\t}\n}\n\n")

	p("// decodeData unmarshals data into the payload type of typ; known is false\n// for types this package does not describe.\n")
	p("func decodeData(typ string, data json.RawMessage) (v any, known bool, err error) {\n\tswitch typ {\n")
	byPayload := map[string][]string{}
	var payloads []string
	for _, e := range g.events {
		if _, ok := byPayload[e.Payload]; !ok {
			payloads = append(payloads, e.Payload)
		}
		byPayload[e.Payload] = append(byPayload[e.Payload], e.Const)
	}
	sort.Strings(payloads)
	for _, pl := range payloads {
		p("\tcase %s:\n\t\tv := new(%s)\n\t\treturn v, true, json.Unmarshal(data, v)\n", strings.Join(byPayload[pl], ", "), pl)
	}
	p("\t}\n\treturn nil, false, nil\n}\n\n")

	p("// newPayload returns a new zero payload for typ, or nil for unknown types.\n")
	p("func newPayload(typ string) any {\n\tswitch typ {\n")
	for _, pl := range payloads {
		p("\tcase %s:\n\t\treturn new(%s)\n", strings.Join(byPayload[pl], ", "), pl)
	}
	p("\t}\n\treturn nil\n}\n\n")

	for _, e := range g.events {
		p("// %s decodes the data of an event of type %s; any other type is an error wrapping ErrEventType.\n", e.Const, e.Type)
		p("func (e *Event) %s() (*%s, error) { return decodeAs[%s](e, %s) }\n\n", e.Const, e.Payload, e.Payload, e.Const)
	}
	for _, e := range g.events {
		p("// On%s registers fn for %s events, with the data already decoded.\n", e.Const, e.Type)
		p("func (d *Dispatcher) On%s(fn func(ctx context.Context, e *Event, data *%s) error) {\n", e.Const, e.Payload)
		p("\tonTyped(d, %s, (*Event).%s, fn)\n}\n\n", e.Const, e.Const)
	}

	names := make([]string, 0, len(g.types))
	for n := range g.types {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t := g.types[n]
		p("// %s\ntype %s struct {\n", t.Doc, t.Name)
		for _, f := range t.Fields {
			if f.Doc != "" {
				p("\t// %s\n", f.Doc)
			}
			tag := f.JSON
			if !f.Required {
				tag += ",omitzero"
			}
			p("\t%s %s `json:\"%s\"`\n", f.Name, f.Type, tag)
		}
		p("}\n\n")
		if len(t.Legacy) > 0 {
			g.renderLegacy(p, t)
		}
	}
	return b.Bytes()
}

func (g *generator) renderLegacy(p func(string, ...any), t *goType) {
	olds := make([]string, 0, len(t.Legacy))
	for o := range t.Legacy {
		olds = append(olds, o)
	}
	sort.Strings(olds)
	plain := strings.ToLower(t.Name[:1]) + t.Name[1:] + "JSON"
	p("// %s has the fields of %s without its JSON methods.\ntype %s %s\n\n", plain, t.Name, plain, t.Name)
	p("// UnmarshalJSON decodes %s, accepting the older field names", t.Name)
	for i, o := range olds {
		sep := ","
		if i == len(olds)-1 {
			sep = ""
		}
		p(" %q (as %q)%s", o, t.Legacy[o], sep)
	}
	p(".\nfunc (v *%s) UnmarshalJSON(data []byte) error {\n", t.Name)
	p("\ttarget, data, err := v.strictFields(data)\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn json.Unmarshal(data, target)\n}\n\n")
	p("// strictFields renames legacy keys and returns the method-free target to decode into.\n")
	p("func (v *%s) strictFields(data []byte) (any, []byte, error) {\n", t.Name)
	p("\tdata, err := renameKeys(data, map[string]string{")
	for _, o := range olds {
		p("%q: %q,", o, t.Legacy[o])
	}
	p("})\n\treturn (*%s)(v), data, err\n}\n\n", plain)
}
