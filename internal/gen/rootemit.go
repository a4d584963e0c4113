package main

import (
	"strings"

	"github.com/clerkgo/clerk/internal/gen/naming"
)

// emitModels writes root models: each type and field with its comment, and
// a nil-safe accessor for every pointer or Opt field.
func emitModels(f *file, p *pkgModel, decls []*decl) {
	consts := map[string]bool{}
	for _, d := range decls {
		switch d.Kind {
		case kindEnum:
			emitEnum(f, p, d, consts)
		case kindStruct:
			f.printf("%s", comment("", typeDoc(d)))
			f.printf("type %s struct {\n", d.Name)
			for i := range d.Fields {
				fl := &d.Fields[i]
				f.printf("%s", comment("\t", fieldDoc(d, fl)))
				f.printf("\t%s %s `%s`\n", fl.GoName, local(fl.Type), fl.Tag)
			}
			f.printf("}\n\n")
			if len(d.Aliases) > 0 {
				emitAliasDecoder(f, d)
			}
			emitAccessors(f, p, d)
		}
	}
}

// emitEnum writes a string type and its constants.
func emitEnum(f *file, p *pkgModel, d *decl, consts map[string]bool) {
	f.printf("%s", comment("", typeDoc(d)))
	f.printf("type %s string\n\n", d.Name)
	f.printf("// Values of %s.\nconst (\n", d.Name)
	for _, v := range d.Values {
		c := d.Name + naming.Camel(v)
		if consts[c] || p.decls[c] != nil {
			continue
		}
		consts[c] = true
		f.printf("\t%s %s = %q\n", c, d.Name, v)
	}
	f.printf(")\n\n")
}

// local drops the root package's qualifier from a type expression.
func local(t string) string { return strings.ReplaceAll(t, "clerk.", "") }

// comment renders text as a Go comment with the given indent.
func comment(indent, text string) string {
	var b strings.Builder
	for i, para := range strings.Split(text, "\n\n") {
		if i > 0 {
			b.WriteString(indent + "//\n")
		}
		for _, l := range wrap(para, 76) {
			b.WriteString(indent + "// " + l + "\n")
		}
	}
	return b.String()
}

// emitAccessors writes GetX for every pointer and Opt field of d.
func emitAccessors(f *file, p *pkgModel, d *decl) {
	for _, fl := range d.Fields {
		t := local(fl.Type)
		name := "Get" + fl.GoName
		if d.field(name) != nil {
			continue
		}
		switch {
		case strings.HasPrefix(t, "Opt["):
			inner := strings.TrimSuffix(strings.TrimPrefix(t, "Opt["), "]")
			if isStruct(p, inner) {
				f.printf("// %s returns %s, or nil when it is absent or null.\n", name, fl.GoName)
				f.printf("func (x *%s) %s() *%s {\n\tif x == nil {\n\t\treturn nil\n\t}\n", d.Name, name, inner)
				f.printf("\tif v, ok := x.%s.Get(); ok {\n\t\treturn &v\n\t}\n\treturn nil\n}\n\n", fl.GoName)
				continue
			}
			f.printf("// %s returns %s, or the zero value when it is absent or null.\n", name, fl.GoName)
			f.printf("func (x *%s) %s() %s {\n\tif x == nil {\n\t\tvar zero %s\n\t\treturn zero\n\t}\n", d.Name, name, inner, inner)
			f.printf("\tv, _ := x.%s.Get()\n\treturn v\n}\n\n", fl.GoName)
		case strings.HasPrefix(t, "*"):
			inner := t[1:]
			if isStruct(p, inner) {
				f.printf("// %s returns %s; it is nil when %s is nil or the field is absent.\n", name, fl.GoName, d.Name)
				f.printf("func (x *%s) %s() *%s {\n\tif x == nil {\n\t\treturn nil\n\t}\n\treturn x.%s\n}\n\n", d.Name, name, inner, fl.GoName)
				continue
			}
			f.printf("// %s returns %s, or the zero value when it is absent or null.\n", name, fl.GoName)
			f.printf("func (x *%s) %s() %s {\n\tif x == nil || x.%s == nil {\n\t\tvar zero %s\n\t\treturn zero\n\t}\n", d.Name, name, inner, fl.GoName, inner)
			f.printf("\treturn *x.%s\n}\n\n", fl.GoName)
		}
	}
}

// isStruct reports whether t names a struct of the root package.
func isStruct(p *pkgModel, t string) bool {
	if t == "DeletedObject" || t == "ErrorDetail" {
		return true
	}
	d, ok := p.decls[t]
	return ok && d.Kind == kindStruct
}
