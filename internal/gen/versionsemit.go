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

// guidePath is the version guide, at the module root.
const guidePath = "API-VERSIONS.md"

// renderGuide writes the version guide from the version table, the
// generated packages and the webhooks spec.
func (g *generator) renderGuide(pkgs []*pkgModel) []byte {
	t := g.versions
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	opCount := func(set uint) int {
		n := 0
		for _, p := range pkgs {
			for _, o := range p.Ops {
				if t.opVersions(o.HTTPMethod, o.Path)&set != 0 {
					n++
				}
			}
		}
		return n
	}
	w("<!-- Generated by internal/gen from the Backend API specs of every version. DO NOT EDIT. -->\n\n")
	w("# Backend API versions\n\n")
	w("Clerk versions its Backend API by date; a request names its version in the\n`Clerk-API-Version` header. This SDK speaks %d versions and sends the one\nthe client was built with on every request:\n\n", len(t.Names))
	w("| version | operations | select it with |\n| --- | --- | --- |\n")
	for i, n := range t.Names {
		sel := "`clerk.WithAPIVersion(clerk.APIVersion" + strings.ReplaceAll(n, "-", "") + ")`"
		if i == 0 {
			sel += " (the default)"
		}
		w("| %s | %d | %s |\n", n, opCount(1<<i), sel)
	}
	w("\nEverything below is generated from the versions' specs (`internal/gen`,\n`cd internal/gen && go run . -check` fails when this file is stale). The same\ntable tells the client what to refuse before sending: a call of an operation\nits version lacks, or one that sets a field its version refuses (to a value\nor to null), returns a `*clerk.VersionError` (`errors.Is` matches\n`clerk.ErrNotInAPIVersion` and `clerk.ErrInvalidParams`) naming the version\nand what to call instead; nothing is sent. The emulator (`clerktest`) answers\neach request in the version it asks for, from the same table.\n")
	for i := 1; i < len(t.Names); i++ {
		prev, cur := uint(1)<<(i-1), uint(1)<<i
		w("\n## From %s to %s\n\n", t.Names[i-1], t.Names[i])
		var added, removed []versionedOp
		for _, o := range t.Ops {
			switch {
			case o.Set&cur != 0 && o.Set&prev == 0:
				added = append(added, o)
			case o.Set&prev != 0 && o.Set&cur == 0:
				removed = append(removed, o)
			}
		}
		w("### Operations added (%d)\n\n", len(added))
		if len(added) > 0 {
			w("| operation | SDK method |\n| --- | --- |\n")
			for _, o := range added {
				w("| `%s %s` | `%s` |\n", o.Method, o.Path, g.goMethodOf(o.Method+" "+o.Path))
			}
		} else {
			w("None.\n")
		}
		w("\n### Operations removed (%d)\n\n", len(removed))
		for _, o := range removed {
			w("- `%s %s` (`%s`)\n", o.Method, o.Path, g.goMethodOf(o.Method+" "+o.Path))
		}
		if len(removed) == 0 {
			w("None.\n")
		}
		var gone, fresh []versionedField
		for i := range t.Fields {
			f := t.Fields[i]
			switch {
			case f.Set&prev != 0 && f.Set&cur == 0:
				gone = append(gone, f)
			case f.Set&cur != 0 && f.Set&prev == 0:
				fresh = append(fresh, f)
			}
		}
		w("\n### Request fields removed (%d)\n\n", len(gone))
		if len(gone) > 0 {
			w("A client on %s refuses these fields before sending, even set to null.\n\n", t.Names[i])
			w("| operation | field | Go field | use instead |\n| --- | --- | --- | --- |\n")
			for j := range gone {
				f := &gone[j]
				w("| `%s %s` | `%s` | `%s` | %s |\n", f.Method, f.Path, f.Name, g.goFieldOf(pkgs, f), codeList(g.replacementText(f, true)))
			}
		} else {
			w("None.\n")
		}
		w("\n### Request fields added (%d)\n\n", len(fresh))
		for j := range fresh {
			f := &fresh[j]
			w("- `%s %s`: `%s` (`%s`)\n", f.Method, f.Path, f.Name, g.goFieldOf(pkgs, f))
		}
		if len(fresh) == 0 {
			w("None.\n")
		}
		w("\n### Answers\n\nNo answer, parameter or shared model changes shape: the generator compares\nevery operation both versions have, and every component schema, and fails on\nany difference the table above cannot express. A model is the same Go type in\nboth versions.\n")
	}
	hooks := "unknown"
	if g.hooks != nil && g.hooks.Info != nil {
		hooks = g.hooks.Info.Version
	}
	w("\n## Webhooks\n\nWebhook payloads are versioned apart from the Backend API: both API versions\nare served with the same webhooks spec (%s, info version %s), whose %d event\ntypes decode into the root models. Since no model changes shape between the\nAPI versions (above), **no webhook payload changes**: a `webhooks.Handler`\nneeds no change when a client moves to another API version.\n", webhooksSpecName, hooks, len(g.events))
	w("\n## Moving a client to %s\n\n", t.Names[len(t.Names)-1])
	w("1. Replace what the new version refuses with the calls the table names (for\n   the metadata fields, the `UpdateMetadata` methods merge into the stored\n   metadata and the `ReplaceMetadata` methods overwrite it). These calls exist\n   in every version, so this step works before the switch.\n")
	w("2. Build the client with `clerk.WithAPIVersion(clerk.APIVersion%s)`.\n", strings.ReplaceAll(t.Names[len(t.Names)-1], "-", ""))
	w("3. Run your tests against `clerktest` with the same client: the emulator\n   answers in the client's version, and a refusal left in your code fails the\n   call with `clerk.ErrNotInAPIVersion` before anything is sent.\n")
	return []byte(b.String())
}

// webhooksSpecName names the webhooks spec in the guide.
const webhooksSpecName = "`webhooks/2025-04-15.yml`"

// codeList formats "a (merges) or b (replaces)" with the names as code.
func codeList(text string) string {
	if text == "" {
		return "nothing"
	}
	parts := strings.Split(text, " or ")
	for i, p := range parts {
		name, note, _ := strings.Cut(p, " ")
		parts[i] = "`" + name + "`"
		if note != "" {
			parts[i] += " " + note
		}
	}
	return strings.Join(parts, " or ")
}

// goFieldOf returns "users.UpdateParams.PublicMetadata" for a versioned
// request field, or its wire name when no params field carries it.
func (g *generator) goFieldOf(pkgs []*pkgModel, f *versionedField) string {
	for _, p := range pkgs {
		for _, o := range p.Ops {
			if o.HTTPMethod != f.Method || o.Path != f.Path || o.Params == nil {
				continue
			}
			for _, fl := range o.Params.Fields {
				if fl.JSONName == f.Name && fl.Query == f.Query {
					return p.Name + "." + o.Params.Name + "." + fl.GoName
				}
			}
		}
	}
	return f.Name
}
