package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// The SDK speaks several API versions, each described by its own spec. The
// generator builds the services from the union of the specs (every
// operation and every request field of any version) and records, in
// versionTable, what exists in which version: the root package refuses
// the rest before sending, and the emulator answers as the asked version.
//
// Versions may differ only in which operations exist and which request
// fields an operation accepts; every shared operation, parameter, answer
// and component must have the same shape in all of them. A pair of specs
// that differs in any other way fails the generator with the list of
// differences, so a later spec cannot slip in an unrecorded change.

// apiSpec is one API version and its parsed spec.
type apiSpec struct {
	Name string
	Doc  *openapi3.T
}

// versionTable says what exists in which version, listing only what does
// not exist in every one.
type versionTable struct {
	// Names are the versions, oldest first; bit i of a set is Names[i].
	Names []string
	// Ops holds the operations missing from some version.
	Ops []versionedOp
	// Fields holds the request fields missing from some version.
	Fields []versionedField
}

// versionedOp is an operation that some versions lack.
type versionedOp struct {
	Method, Path, ID string
	Set              uint
}

// versionedField is a request field (a body property or a query
// parameter) that some versions of its operation lack.
type versionedField struct {
	Method, Path, ID string
	Name             string
	Query            bool
	Set              uint
	// Replacements are the operations ("PUT /users/{user_id}/metadata")
	// that the spec names in the field's description as its replacement.
	Replacements []string
}

// all is the set of every version.
func (t *versionTable) all() uint { return 1<<len(t.Names) - 1 }

// names lists the versions of a set.
func (t *versionTable) names(set uint) []string {
	var out []string
	for i, n := range t.Names {
		if set&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// opVersions returns the versions of an operation, every one when it is
// not in the table.
func (t *versionTable) opVersions(method, path string) uint {
	for _, o := range t.Ops {
		if o.Method == method && o.Path == path {
			return o.Set
		}
	}
	return t.all()
}

// fieldOf returns the entry of a request field, or nil when every version
// of its operation has it.
func (t *versionTable) fieldOf(method, path, name string, query bool) *versionedField {
	for i, f := range t.Fields {
		if f.Method == method && f.Path == path && f.Name == name && f.Query == query {
			return &t.Fields[i]
		}
	}
	return nil
}

// opShape is what the comparison reads of one operation.
type opShape struct {
	id     string
	op     *openapi3.Operation
	params map[string]*openapi3.Parameter // "in:name"
	body   *openapi3.SchemaRef            // JSON or multipart body schema
}

func shapesOf(doc *openapi3.T) map[string]opShape {
	out := map[string]opShape{}
	for path, item := range doc.Paths.Map() {
		for m, op := range item.Operations() {
			s := opShape{id: op.OperationID, op: op, params: map[string]*openapi3.Parameter{}}
			for _, p := range item.Parameters {
				s.params[p.Value.In+":"+p.Value.Name] = p.Value
			}
			for _, p := range op.Parameters {
				s.params[p.Value.In+":"+p.Value.Name] = p.Value
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, ct := range []string{"application/json", "multipart/form-data"} {
					if mt := op.RequestBody.Value.Content.Get(ct); mt != nil {
						s.body = mt.Schema
					}
				}
			}
			out[strings.ToUpper(m)+" "+path] = s
		}
	}
	return out
}

// compareVersions builds the version table of specs (oldest first) and
// merges into the newest spec the request fields that only older versions
// accept, so that the newest spec, thus merged, describes the union. It
// fails on any difference the table cannot express.
func compareVersions(specs []apiSpec) (*versionTable, *openapi3.T, error) {
	t := &versionTable{}
	for _, s := range specs {
		t.Names = append(t.Names, s.Name)
	}
	union := specs[len(specs)-1].Doc
	shapes := make([]map[string]opShape, len(specs))
	for i, s := range specs {
		shapes[i] = shapesOf(s.Doc)
	}
	newest := shapes[len(specs)-1]
	var problems []string
	keys := map[string]bool{}
	for _, sh := range shapes {
		for k := range sh {
			keys[k] = true
		}
	}
	for _, k := range sortedSet(keys) {
		method, path, _ := strings.Cut(k, " ")
		var set uint
		var id string
		for i, sh := range shapes {
			if o, ok := sh[k]; ok {
				set |= 1 << i
				id = o.id
			}
		}
		if set != t.all() {
			t.Ops = append(t.Ops, versionedOp{Method: method, Path: path, ID: id, Set: set})
		}
		if _, ok := newest[k]; !ok {
			problems = append(problems, k+": the newest version lacks it; operations removed by a later version are not supported yet")
			continue
		}
		problems = append(problems, t.compareOp(shapes, k, set)...)
	}
	problems = append(problems, compareComponents(specs)...)
	if len(problems) > 0 {
		return nil, nil, fmt.Errorf("the API versions differ in ways the version table cannot express:\n%s", strings.Join(problems, "\n"))
	}
	return t, union, nil
}

// compareOp compares one operation across the versions that have it,
// records its version-limited fields and adds the fields older versions
// accept to the newest spec's body schema.
func (t *versionTable) compareOp(shapes []map[string]opShape, key string, set uint) []string {
	method, path, _ := strings.Cut(key, " ")
	newest := shapes[len(shapes)-1][key]
	var problems []string
	type seen struct {
		set    uint
		print  string
		schema *openapi3.SchemaRef
		desc   string
	}
	fields := map[string]*seen{} // "q:name" or "b:name"
	note := func(i int, k string, ref *openapi3.SchemaRef, desc string) {
		fp := ""
		if ref != nil && ref.Value != nil {
			fp = fingerprint(ref.Value)
		}
		s := fields[k]
		if s == nil {
			s = &seen{print: fp, schema: ref}
			fields[k] = s
		} else if s.print != fp {
			problems = append(problems, key+": "+k[2:]+" changes shape between versions")
		}
		s.set |= 1 << i
		if desc != "" {
			s.desc = desc
		}
	}
	var answers string
	for i, sh := range shapes {
		o, ok := sh[key]
		if !ok {
			continue
		}
		for pk, p := range o.params {
			in, _, _ := strings.Cut(pk, ":")
			if in == "path" {
				continue
			}
			note(i, "q:"+p.Name, p.Schema, p.Description)
		}
		if o.body != nil && o.body.Value != nil {
			ps, _ := props(o.body.Value)
			for name, ref := range ps {
				note(i, "b:"+name, ref, ref.Value.Description)
			}
			req := append([]string(nil), o.body.Value.Required...)
			sort.Strings(req)
			if newest.body != nil && newest.body.Value != nil {
				nreq := append([]string(nil), newest.body.Value.Required...)
				sort.Strings(nreq)
				if strings.Join(req, ",") != strings.Join(nreq, ",") {
					problems = append(problems, key+": the required body fields differ between versions")
				}
			}
		}
		a := answerPrint(o.op)
		if answers == "" {
			answers = a
		} else if a != answers {
			problems = append(problems, key+": the answers differ between versions")
		}
	}
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		s := fields[k]
		if s.set == set {
			continue
		}
		query := strings.HasPrefix(k, "q:")
		name := k[2:]
		f := versionedField{Method: method, Path: path, ID: newest.id, Name: name, Query: query, Set: s.set, Replacements: replacements(s.desc, method, path)}
		t.Fields = append(t.Fields, f)
		if s.set&(1<<(len(shapes)-1)) != 0 {
			continue
		}
		// Only older versions accept the field: add it to the union.
		switch {
		case query:
			problems = append(problems, key+": query parameter "+name+" removed by a later version is not supported yet")
		case newest.body == nil || newest.body.Ref != "":
			problems = append(problems, key+": body field "+name+" removed, and the newest body is not an inline schema")
		default:
			if s.schema.Ref != "" {
				problems = append(problems, key+": body field "+name+" removed is a component reference")
				continue
			}
			newest.body.Value.Properties[name] = s.schema
		}
	}
	return problems
}

// answerPrint fingerprints an operation's success answers.
func answerPrint(op *openapi3.Operation) string {
	var parts []string
	for code, r := range op.Responses.Map() {
		if r.Value == nil || !strings.HasPrefix(code, "2") {
			continue
		}
		for ct, mt := range r.Value.Content {
			if mt.Schema != nil && mt.Schema.Value != nil {
				parts = append(parts, code+" "+ct+" "+fingerprint(mt.Schema.Value))
			}
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, "\n")
}

// compareComponents fails on a component schema that several versions
// share with different shapes; a schema new in a version is fine.
func compareComponents(specs []apiSpec) []string {
	var problems []string
	first := map[string]string{}
	for _, s := range specs {
		for _, name := range sortedKeys(s.Doc.Components.Schemas) {
			ref := s.Doc.Components.Schemas[name]
			fp := fingerprint(ref.Value)
			if prev, ok := first[name]; ok && prev != fp {
				problems = append(problems, "component schema "+name+" changes shape in "+s.Name)
			} else if !ok {
				first[name] = fp
			}
		}
	}
	return problems
}

// routeMention matches an operation named in a spec description, e.g.
// `PUT /v1/users/{user_id}/metadata`.
var routeMention = regexp.MustCompile("`(GET|POST|PUT|PATCH|DELETE) /v1(/[^`]*)`")

// replacements returns the operations a field's description names, other
// than the field's own.
func replacements(desc, method, path string) []string {
	var out []string
	for _, m := range routeMention.FindAllStringSubmatch(desc, -1) {
		if m[1] == method && m[2] == path {
			continue
		}
		out = append(out, m[1]+" "+m[2])
	}
	return out
}

// sortedSet returns the keys of a set in order.
func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
