package main

import (
	"fmt"
	"sort"
	"strings"
)

// constName is the Go constant of a version in package versions, e.g.
// V20260512.
func constName(version string) string { return "V" + strings.ReplaceAll(version, "-", "") }

// goMethodOf returns the SDK method of the operation "METHOD /route", as
// "users.Service.UpdateMetadata", or "" when the union has none.
func (g *generator) goMethodOf(key string) string {
	method, path, _ := strings.Cut(key, " ")
	item := g.doc.Paths.Value(path)
	if item == nil {
		return ""
	}
	op := item.GetOperation(method)
	if op == nil {
		return ""
	}
	ov, ok := g.ops[op.OperationID]
	if !ok {
		return ""
	}
	return ov.Package + ".Service." + ov.Method
}

// replacementText says what to call instead of a field: "users.Service.
// UpdateMetadata (merges) or users.Service.ReplaceMetadata (replaces)".
// A PATCH merges and a PUT replaces, as the naming rules fix.
func (g *generator) replacementText(f *versionedField, qualified bool) string {
	var parts []string
	for _, r := range f.Replacements {
		name := g.goMethodOf(r)
		if name == "" {
			continue
		}
		if !qualified {
			name = name[strings.Index(name, ".")+1:]
		}
		switch {
		case strings.HasPrefix(r, "PATCH "):
			name += " (merges)"
		case strings.HasPrefix(r, "PUT "):
			name += " (replaces)"
		}
		parts = append(parts, name)
	}
	return strings.Join(parts, " or ")
}

// versionFieldDoc is the doc comment paragraph of a request field that
// only some versions accept, or "".
func (g *generator) versionFieldDoc(method, path, name string, query bool) string {
	if g.versions == nil {
		return ""
	}
	f := g.versions.fieldOf(method, path, name, query)
	if f == nil {
		return ""
	}
	t := g.versions
	missing := t.names(t.all() &^ f.Set)
	text := fmt.Sprintf("API version %s refuses this field: a client on it returns a *clerk.VersionError without sending anything.", strings.Join(missing, " and "))
	if f.Set&(1<<(len(t.Names)-1)) == 0 {
		text = "Deprecated: " + text
		if r := g.replacementText(f, false); r != "" {
			text += " Use " + r + " instead."
		}
	}
	return text
}

// versionOpDoc is the doc comment paragraph of a method whose operation
// only some versions have, or "".
func (g *generator) versionOpDoc(method, path string) string {
	if g.versions == nil {
		return ""
	}
	t := g.versions
	set := t.opVersions(method, path)
	if set == t.all() {
		return ""
	}
	names := t.names(set)
	consts := make([]string, len(names))
	for i, n := range names {
		consts[i] = "clerk.APIVersion" + strings.ReplaceAll(n, "-", "")
	}
	return fmt.Sprintf("It needs API version %s (clerk.WithAPIVersion(%s)); on a client of another version it returns a *clerk.VersionError without sending anything.",
		strings.Join(names, " or "), strings.Join(consts, " or "))
}

// emitVersions writes package versions: the set type, the versions, and
// what exists in which.
func (g *generator) emitVersions(f *file) {
	t := g.versions
	f.printf("// Set is a set of Backend API versions, one bit per version of Names.\ntype Set uint8\n\n")
	f.printf("// The versions the SDK speaks, oldest first.\nconst (\n")
	for i, n := range t.Names {
		f.printf("\t// %s is API version %s.\n\t%s Set = 1 << %d\n", constName(n), n, constName(n), i)
	}
	f.printf("\t// All is every version the SDK speaks.\n\tAll Set = %d\n)\n\n", t.all())
	f.printf("// Names returns the version names, oldest first.\nfunc Names() []string {\n\treturn []string{")
	for i, n := range t.Names {
		if i > 0 {
			f.printf(", ")
		}
		f.printf("%q", n)
	}
	f.printf("}\n}\n\n")
	f.printf("// Parse returns the version named name, or 0 when the SDK does not know it.\nfunc Parse(name string) Set {\n\tswitch name {\n")
	for _, n := range t.Names {
		f.printf("\tcase %q:\n\t\treturn %s\n", n, constName(n))
	}
	f.printf("\t}\n\treturn 0\n}\n\n")
	f.printf("// OperationVersions returns the versions that have the operation with\n// this HTTP method and route template; All for an operation every\n// version has, or one the table does not know. It does not allocate.\nfunc OperationVersions(method, route string) Set {\n")
	emitRouteSwitch(f, len(t.Ops), func(i int) (string, string) { return t.Ops[i].Path, t.Ops[i].Method }, func(i int) string {
		return "return " + setExpr(t, t.Ops[i].Set)
	})
	f.printf("\treturn All\n}\n\n")
	f.printf("// Ops returns the operations that some version lacks.\nfunc Ops() []Op {\n\treturn []Op{\n")
	for _, o := range t.Ops {
		f.printf("\t\t{Method: %q, Route: %q, ID: %q, Versions: %s, GoMethod: %q},\n", o.Method, o.Path, o.ID, setExpr(t, o.Set), g.goMethodOf(o.Method+" "+o.Path))
	}
	f.printf("\t}\n}\n\n")
	f.printf("// Fields returns the request fields of an operation that some version\n// refuses; nil when every version takes all of them.\nfunc Fields(method, route string) []Field {\n")
	byOp := map[string][]versionedField{}
	var order []string
	for _, fl := range t.Fields {
		k := fl.Method + " " + fl.Path
		if byOp[k] == nil {
			order = append(order, k)
		}
		byOp[k] = append(byOp[k], fl)
	}
	emitRouteSwitch(f, len(order), func(i int) (string, string) {
		fl := byOp[order[i]][0]
		return fl.Path, fl.Method
	}, func(i int) string {
		var b strings.Builder
		b.WriteString("return []Field{\n")
		for _, fl := range byOp[order[i]] {
			var repl []string
			for _, r := range fl.Replacements {
				if m := g.goMethodOf(r); m != "" {
					method, route, _ := strings.Cut(r, " ")
					repl = append(repl, fmt.Sprintf("{Method: %q, Route: %q, GoMethod: %q}", method, route, m))
				}
			}
			fmt.Fprintf(&b, "{Method: %q, Route: %q, Name: %q, Query: %v, Versions: %s, Replacements: []Replacement{%s}},\n",
				fl.Method, fl.Path, fl.Name, fl.Query, setExpr(t, fl.Set), strings.Join(repl, ", "))
		}
		b.WriteString("}")
		return b.String()
	})
	f.printf("\treturn nil\n}\n\n")
	f.printf("// FieldRoutes returns the \"METHOD /route\" of every operation that has\n// version-limited fields.\nfunc FieldRoutes() []string {\n\treturn []string{")
	for i, k := range order {
		if i > 0 {
			f.printf(", ")
		}
		f.printf("%q", k)
	}
	f.printf("}\n}\n")
}

// emitRouteSwitch writes a switch on the route and then on the method (no
// string is built, so the lookup does not allocate), with body(i) as the
// statement of entry i, keyed by key(i) (route, method).
func emitRouteSwitch(f *file, n int, key func(int) (string, string), body func(int) string) {
	byRoute := map[string][]int{}
	var routes []string
	for i := 0; i < n; i++ {
		r, _ := key(i)
		if byRoute[r] == nil {
			routes = append(routes, r)
		}
		byRoute[r] = append(byRoute[r], i)
	}
	sort.Strings(routes)
	if len(routes) == 0 {
		return
	}
	f.printf("\tswitch route {\n")
	for _, r := range routes {
		f.printf("\tcase %q:\n\t\tswitch method {\n", r)
		for _, i := range byRoute[r] {
			_, m := key(i)
			f.printf("\t\tcase %q:\n\t\t\t%s\n", m, body(i))
		}
		f.printf("\t\t}\n")
	}
	f.printf("\t}\n")
}

// setExpr is the Go expression of a version set.
func setExpr(t *versionTable, set uint) string {
	if set == t.all() {
		return "All"
	}
	var parts []string
	for _, n := range t.names(set) {
		parts = append(parts, constName(n))
	}
	return strings.Join(parts, " | ")
}

// emitAPIVersionConsts writes the root package's exported version names.
func (g *generator) emitAPIVersionConsts(f *file) {
	t := g.versions
	f.printf("// The Backend API versions this SDK speaks, oldest first; WithAPIVersion\n// selects one for a client, and APIVersion is the default.\nconst (\n")
	for i, n := range t.Names {
		note := ""
		if i == 0 {
			note = ", the default"
		}
		f.printf("\t// APIVersion%s is API version %s%s.\n\tAPIVersion%s = %q\n", strings.ReplaceAll(n, "-", ""), n, note, strings.ReplaceAll(n, "-", ""), n)
	}
	f.printf(")\n")
}

const versionsPreamble = `// Package versions says which operations and request fields of the
// Backend API exist in which API version. It is generated from the specs
// of every version the SDK speaks: the root package refuses, before
// sending, what the client's version lacks, and the emulator answers as
// the version a request asks for. What is not listed exists in every
// version.
`

const versionsTypes = `// String lists the set's versions, e.g. "2025-11-10, 2026-05-12".
func (s Set) String() string {
	var out []string
	for i, n := range Names() {
		if s&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

// Op is an operation that some version lacks.
type Op struct {
	// Method and Route are the HTTP method and the route template.
	Method, Route string
	// ID is the spec's operationId.
	ID string
	// Versions are the versions that have it.
	Versions Set
	// GoMethod is the SDK method, e.g. "directories.Service.RotateAPIKey".
	GoMethod string
}

// Field is a request field that some versions of its operation refuse.
type Field struct {
	// Method and Route name the operation.
	Method, Route string
	// Name is the wire name; Query tells a query parameter from a body field.
	Name  string
	Query bool
	// Versions are the versions that accept it.
	Versions Set
	// Replacements are the operations the spec names instead.
	Replacements []Replacement
}

// Replacement is an operation that does what a refused field did.
type Replacement struct {
	// Method and Route name the operation.
	Method, Route string
	// GoMethod is the SDK method, e.g. "users.Service.UpdateMetadata".
	GoMethod string
}

`
