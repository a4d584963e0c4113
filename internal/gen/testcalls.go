package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/clerkgo/clerk/internal/gen/overlay"
	"github.com/clerkgo/clerk/internal/spec"
	"github.com/getkin/kin-openapi/openapi3"
)

// examplesOf returns the JSON of a media type's examples, in name order.
func examplesOf(mt *openapi3.MediaType) []string {
	var out []string
	if mt.Example != nil {
		if b, err := json.Marshal(mt.Example); err == nil {
			out = append(out, string(b))
		}
	}
	names := make([]string, 0, len(mt.Examples))
	for n := range mt.Examples {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		ex := mt.Examples[n]
		if ex == nil || ex.Value == nil || ex.Value.Value == nil {
			continue
		}
		if b, err := json.Marshal(ex.Value.Value); err == nil {
			out = append(out, string(b))
		}
	}
	return out
}

// emitRegistry writes the list of every generated operation.
func emitRegistry(f *file, pkgs []*pkgModel) {
	f.printf("// Operations returns every operation the SDK generates, in package and\n// method order.\nfunc Operations() []Operation {\n\treturn []Operation{\n")
	for _, p := range pkgs {
		for _, o := range p.Ops {
			all := ""
			if o.ListItem != "" {
				all = allName(o.Method)
			}
			f.printf("\t\t{ID: %q, Method: %q, Path: %q, Package: %q, GoMethod: %q, Iterator: %q},\n", o.ID, o.HTTPMethod, o.Path, p.Name, o.Method, all)
		}
	}
	f.printf("\t}\n}\n")
}

// emitTestCalls writes, per operation, a call of its SDK method with
// example arguments and a decoder of its answer, for the coverage and
// contract tests.
func emitTestCalls(f *file, pkgs []*pkgModel) {
	for _, p := range pkgs {
		f.imports["github.com/clerkgo/clerk/"+p.Name] = true
	}
	f.printf("// generatedCalls returns, per operationId, a call of its SDK method with\n// example arguments and a decoder for its answers.\nfunc generatedCalls() map[string]generatedCall {\n\treturn map[string]generatedCall{\n")
	for _, p := range pkgs {
		for _, o := range p.Ops {
			f.printf("\t\t%q: {\n", o.ID)
			f.printf("\t\t\tCall: func(ctx context.Context, c *clerk.Client) error {\n")
			args := []string{"ctx"}
			for _, pp := range o.PathParams {
				args = append(args, strconv.Quote(pathExample(pp)))
			}
			switch {
			case o.BodyArray != "":
				args = append(args, "[]"+qualify(p, o.BodyArray)+"{"+literal(p, strings.TrimPrefix(o.BodyArray, "*"), nil, 0, true)+"}")
			case o.Params != nil:
				args = append(args, "&"+literal(p, o.Params.Name, nil, 0, false))
			}
			call := fmt.Sprintf("%s.%s(c).%s(%s)", p.Name, overlay.ServiceConstructor(p.Name), o.Method, strings.Join(args, ", "))
			if o.Result == "" {
				f.printf("\t\t\t\treturn %s\n", call)
			} else {
				f.printf("\t\t\t\t_, err := %s\n\t\t\t\treturn err\n", call)
			}
			f.printf("\t\t\t},\n")
			if o.Result != "" {
				if o.ListShape != "" {
					// A list answer decodes in its endpoint's shape only.
					f.printf("\t\t\tNew: func() any { return clerk.NewPage[%s](%s) },\n", qualify(p, o.ListItem), o.ListShape)
				} else {
					f.printf("\t\t\tNew: func() any { return new(%s) },\n", qualify(p, o.Result))
				}
			}
			f.printf("\t\t},\n")
		}
	}
	f.printf("\t}\n}\n")
}

// pathExample is the value used for a path parameter in generated calls.
func pathExample(pp pathParam) string {
	if pp.Schema != nil && pp.Schema.Value != nil {
		if s := spec.Sample(pp.Schema.Value.Pattern); s != "" {
			return s
		}
		if s, ok := pp.Schema.Value.Example.(string); ok && s != "" && !strings.ContainsAny(s, "/ ") {
			return s
		}
		if len(pp.Schema.Value.Enum) > 0 {
			if s, ok := pp.Schema.Value.Enum[0].(string); ok {
				return s
			}
		}
	}
	return "test_" + pp.Name
}

// qualify prefixes the package's own type names in t with the package name.
func qualify(p *pkgModel, t string) string {
	var b strings.Builder
	word := strings.Builder{}
	flush := func() {
		w := word.String()
		if _, ok := p.decls[w]; ok {
			b.WriteString(p.Name + ".")
		}
		b.WriteString(w)
		word.Reset()
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' {
			word.WriteByte(c)
			continue
		}
		flush()
		b.WriteByte(c)
	}
	flush()
	return b.String()
}

// literal builds a Go composite literal of the package type name with every
// required field set to an example value. elided drops the type name, for
// elements of a slice literal.
func literal(p *pkgModel, name string, _ *openapi3.SchemaRef, depth int, elided bool) string {
	d := p.decls[name]
	prefix := p.Name + "." + name
	if elided {
		prefix = ""
	}
	if d == nil || d.Kind != kindStruct || depth > 4 {
		return prefix + "{}"
	}
	var parts []string
	for _, fl := range d.Fields {
		if !fl.Required && !fl.ExampleNeeded || fl.Embedded {
			continue
		}
		if v := valueOf(p, fl.Type, fl.Schema, depth+1); v != "" {
			parts = append(parts, fl.GoName+": "+v)
		}
	}
	return prefix + "{" + strings.Join(parts, ", ") + "}"
}

// valueOf returns an example Go expression of type t, or "" to leave the
// field at its zero value.
func valueOf(p *pkgModel, t string, ref *openapi3.SchemaRef, depth int) string {
	var s *openapi3.Schema
	if ref != nil {
		s = ref.Value
	}
	switch {
	case strings.HasPrefix(t, "clerk.Opt["):
		inner := strings.TrimSuffix(strings.TrimPrefix(t, "clerk.Opt["), "]")
		if v := valueOf(p, inner, ref, depth); v != "" {
			return "clerk.Value[" + qualify(p, inner) + "](" + v + ")"
		}
		return ""
	case t == "clerk.File":
		return `clerk.File{Name: "logo.png", ContentType: "image/png", Content: strings.NewReader("\x89PNG")}`
	case t == "string":
		return strconv.Quote(stringExample(s))
	case t == "int64":
		if s != nil && s.Min != nil && *s.Min > 1 {
			return strconv.FormatInt(int64(*s.Min), 10)
		}
		return "1"
	case t == "float64":
		return "1"
	case t == "bool":
		return "true"
	case strings.HasPrefix(t, "[]"):
		var items *openapi3.SchemaRef
		if s != nil {
			items = s.Items
		}
		elem := t[2:]
		if v := valueOf(p, elem, items, depth); v != "" {
			return qualify(p, t) + "{" + v + "}"
		}
		return qualify(p, t) + "{}"
	case strings.HasPrefix(t, "map["):
		return qualify(p, t) + "{}"
	case strings.HasPrefix(t, "*"):
		if d := p.decls[t[1:]]; d != nil && d.Kind == kindStruct {
			return "&" + literal(p, t[1:], ref, depth, false)
		}
		return ""
	}
	if d := p.decls[t]; d != nil {
		if d.Kind == kindStruct {
			return literal(p, t, ref, depth, false)
		}
		if len(d.Values) > 0 {
			return p.Name + "." + t + "(" + strconv.Quote(d.Values[0]) + ")"
		}
	}
	return ""
}

// stringExample picks a string the spec would accept.
func stringExample(s *openapi3.Schema) string {
	if s == nil {
		return "example"
	}
	if len(s.Enum) > 0 {
		if v, ok := s.Enum[0].(string); ok {
			return v
		}
	}
	if v := spec.Sample(s.Pattern); v != "" {
		return v
	}
	if v, ok := s.Example.(string); ok && v != "" {
		return v
	}
	if v, ok := s.Default.(string); ok && v != "" {
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
	if s.MinLength > 7 {
		return strings.Repeat("x", int(s.MinLength))
	}
	return "example"
}
