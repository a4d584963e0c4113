package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Pre-flight validation: every params type (and every nested request type)
// gets a generated Validate method that checks the spec's constraints
// without reflection: required fields present, non-nullable fields never
// null, enum values, numeric bounds and string lengths. internal/call runs
// it before any I/O.
//
// How "unset" is told apart for required fields: a required non-nullable
// scalar stays T (so a literal reads naturally) and is checked: an empty
// string, or a value outside the spec's enum or bounds (is_satellite: false
// where only true is accepted), is a violation. A required map or slice that
// is nil would be sent as null, so nil is a violation; a required nullable
// field is *T and nil sends null on purpose.

// emitValidate writes the Validate method of a request struct.
func emitValidate(f *file, p *pkgModel, d *decl) {
	owner := p.Name + "." + d.Name
	f.printf("// Validate reports the first field of %s that breaks the API's\n// constraints, as an error wrapping clerk.ErrInvalidParams; calls run it\n// before sending anything.\n", d.Name)
	f.printf("func (p *%s) Validate() error {\n\tif p == nil {\n\t\treturn nil\n\t}\n", d.Name)
	for i := range d.Fields {
		fl := &d.Fields[i]
		if fl.Embedded {
			if fl.Type == "clerk.ListParams" {
				emitLimitCheck(f, owner, d)
			}
			continue
		}
		if fl.Binary {
			continue
		}
		emitFieldCheck(f, p, owner, fl)
	}
	f.printf("\treturn nil\n}\n\n")
}

// emitLimitCheck bounds the page size of paged lists (the spec's limit).
func emitLimitCheck(f *file, owner string, d *decl) {
	lo, hi := 1.0, 500.0
	if d.limit != nil {
		if d.limit.Min != nil {
			lo = *d.limit.Min
		}
		if d.limit.Max != nil {
			hi = *d.limit.Max
		}
	}
	f.printf("\tif v, ok := p.Limit.Get(); ok && (v < %s || v > %s) {\n\t\treturn call.Invalid(%q, \"limit\", \"must be from %s to %s\")\n\t}\n",
		num(lo), num(hi), owner, num(lo), num(hi))
	f.printf("\tif v, ok := p.Offset.Get(); ok && v < 0 {\n\t\treturn call.Invalid(%q, \"offset\", \"must not be negative\")\n\t}\n", owner)
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// emitFieldCheck writes the checks of one field.
func emitFieldCheck(f *file, p *pkgModel, owner string, fl *field) {
	var s *openapi3.Schema
	if fl.Schema != nil {
		s = fl.Schema.Value
	}
	name := fl.JSONName
	t := fl.Type
	switch {
	case strings.HasPrefix(t, "clerk.Opt["):
		inner := strings.TrimSuffix(strings.TrimPrefix(t, "clerk.Opt["), "]")
		if !fl.Nullable {
			f.printf("\tif p.%s.IsNull() {\n\t\treturn call.Invalid(%q, %q, \"must not be null\")\n\t}\n", fl.GoName, owner, name)
		}
		if body := valueChecks(p, owner, name, "v", inner, s); body != "" {
			f.printf("\tif v, ok := p.%s.Get(); ok {\n%s\t}\n", fl.GoName, body)
		}
	case strings.HasPrefix(t, "*"):
		if body := valueChecks(p, owner, name, "(*p."+fl.GoName+")", t[1:], s); body != "" {
			f.printf("\tif p.%s != nil {\n%s\t}\n", fl.GoName, body)
		}
	default:
		if fl.Required && !fl.Nullable && nilable(t) {
			f.printf("\tif p.%s == nil {\n\t\treturn call.Invalid(%q, %q, \"is required\")\n\t}\n", fl.GoName, owner, name)
		}
		if fl.Required && t == "string" && (s == nil || len(s.Enum) == 0) {
			f.printf("\tif p.%s == \"\" {\n\t\treturn call.Invalid(%q, %q, \"is required\")\n\t}\n", fl.GoName, owner, name)
		}
		if body := valueChecks(p, owner, name, "p."+fl.GoName, t, s); body != "" {
			if fl.Required || !strings.HasPrefix(t, "[]") && t != "string" {
				f.printf("%s", body)
			} else {
				f.printf("\tif len(p.%s) > 0 {\n%s\t}\n", fl.GoName, body)
			}
		}
	}
}

// valueChecks returns the checks of a present value v of Go type t.
func valueChecks(p *pkgModel, owner, name, v, t string, s *openapi3.Schema) string {
	var b strings.Builder
	fail := func(cond, msg string) {
		fmt.Fprintf(&b, "\t\tif %s {\n\t\t\treturn call.Invalid(%q, %q, %q)\n\t\t}\n", cond, owner, name, msg)
	}
	if d, ok := p.decls[strings.TrimPrefix(t, "*")]; ok && d.Kind == kindStruct && d.Request {
		fmt.Fprintf(&b, "\t\tif err := %s.Validate(); err != nil {\n\t\t\treturn err\n\t\t}\n", v)
		return b.String()
	}
	if strings.HasPrefix(t, "[]") {
		elem := t[2:]
		var items *openapi3.Schema
		if s != nil && s.Items != nil {
			items = s.Items.Value
		}
		if inner := valueChecks(p, owner, name, "e", elem, items); inner != "" {
			fmt.Fprintf(&b, "\t\tfor _, e := range %s {\n%s\t\t}\n", v, indent(inner))
		}
		if s != nil && s.MinItems > 0 {
			fail(fmt.Sprintf("len(%s) < %d", v, s.MinItems), fmt.Sprintf("needs at least %d items", s.MinItems))
		}
		if s != nil && s.MaxItems != nil {
			fail(fmt.Sprintf("len(%s) > %d", v, *s.MaxItems), fmt.Sprintf("takes at most %d items", *s.MaxItems))
		}
		return b.String()
	}
	if s == nil {
		return ""
	}
	switch t {
	case "string":
		if len(s.Enum) > 0 {
			var conds, vals []string
			for _, e := range s.Enum {
				if str, ok := e.(string); ok {
					conds = append(conds, fmt.Sprintf("%s != %q", v, str))
					vals = append(vals, strconv.Quote(str))
				}
			}
			if len(conds) > 0 {
				fail(strings.Join(conds, " && "), "must be one of "+strings.Join(vals, ", "))
			}
		}
		if s.MinLength > 0 {
			fail(fmt.Sprintf("utf8.RuneCountInString(%s) < %d", v, s.MinLength), fmt.Sprintf("needs at least %d characters", s.MinLength))
		}
		if s.MaxLength != nil {
			fail(fmt.Sprintf("utf8.RuneCountInString(%s) > %d", v, *s.MaxLength), fmt.Sprintf("takes at most %d characters", *s.MaxLength))
		}
		switch s.Format {
		case "email":
			fail(fmt.Sprintf("!strings.Contains(%s, \"@\")", v), "must be an email address")
		case "uri":
			fail(fmt.Sprintf("!call.IsURI(%s)", v), "must be an absolute URI")
		case "date-time":
			fail(fmt.Sprintf("!call.IsDateTime(%s)", v), "must be an RFC 3339 date-time")
		}
	case "int64", "float64":
		if s.Min != nil {
			op := "<"
			if s.ExclusiveMin {
				op = "<="
			}
			fail(fmt.Sprintf("%s %s %s", v, op, num(*s.Min)), "must be at least "+num(*s.Min))
		}
		if s.Max != nil {
			op := ">"
			if s.ExclusiveMax {
				op = ">="
			}
			fail(fmt.Sprintf("%s %s %s", v, op, num(*s.Max)), "must be at most "+num(*s.Max))
		}
	case "bool":
		if len(s.Enum) == 1 {
			if want, ok := s.Enum[0].(bool); ok {
				cond := "!" + v
				if !want {
					cond = v
				}
				fail(cond, fmt.Sprintf("only %v is accepted", want))
			}
		}
	}
	return b.String()
}

// indent adds one tab to every line of code.
func indent(code string) string {
	lines := strings.Split(strings.TrimSuffix(code, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "\t" + l
	}
	return strings.Join(lines, "\n") + "\n"
}
