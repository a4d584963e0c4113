package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/clerkgo/clerk/internal/gen/overlay"
	"github.com/getkin/kin-openapi/openapi3"
)

// guide is everything the template renders; every slice is sorted.
type guide struct {
	OldVersion, NewVersion string
	Package                string

	Changed, Unchanged []endpointRow
	Removed, Added     []endpointRow
	Params             []paramRow

	Schemas        []schemaRow
	RemovedSchemas []string
	Renamed        []fieldRow
	RemovedFields  []fieldRow
	AddedFields    []fieldRow
	Presence       []fieldRow

	V2Calls   []v2Row
	V2Types   []v2TypeRow
	V2Missing []string // our billing methods with no v2 counterpart
}

type endpointRow struct {
	OldMethod, OldPath, NewMethod, NewPath string
	SDK, How                               string
}

type paramRow struct {
	Method, Path, In, Name, Change, SDK string
}

type schemaRow struct {
	Old, New, Go string
}

type fieldRow struct {
	Old, New, Go, GoType, OldState, NewState, Note string
}

type v2Row struct {
	Func, Params, Result, Ours, Note string
}

type v2TypeRow struct {
	V2, Ours, Note string
}

// decisions are the matches the program cannot infer from the specs.
type decisions struct {
	endpoints map[string]string                // see endpointDecisions
	schemas   map[string]string                // see schemaRenames
	fields    map[string]map[string]renameRule // see renameRules
}

// knownDecisions are the decisions for the real specs.
func knownDecisions() decisions {
	return decisions{endpoints: endpointDecisions(), schemas: schemaRenames(), fields: renameRules()}
}

// derive builds the guide from both specs, the overlay, the billing
// package's source and the given decisions.
func derive(oldDoc, newDoc *openapi3.T, sdk *sdkModel, dec decisions) (*guide, error) {
	g := &guide{OldVersion: specVersion(oldDoc), NewVersion: specVersion(newDoc), Package: sdk.Package}
	ops := overlay.Operations()
	names := overlay.SchemaNames()
	var problems []string

	sdkMethod := func(id string) string {
		op, ok := ops[id]
		if !ok {
			problems = append(problems, "no overlay entry for operation "+id)
			return "—"
		}
		if op.Package != sdk.Package || !sdk.Methods[op.Method] {
			problems = append(problems, fmt.Sprintf("operation %s: %s.Service.%s is not in the %s package", id, op.Package, op.Method, sdk.Package))
		}
		s := fmt.Sprintf("`%s.Service.%s`", op.Package, op.Method)
		if all := "All" + strings.TrimPrefix(op.Method, "List"); strings.HasPrefix(op.Method, "List") && sdk.Methods[all] {
			s += fmt.Sprintf(" (every page: `%s`)", all)
		}
		return s
	}

	oldEPs, newEPs := billingEndpoints(oldDoc), billingEndpoints(newDoc)
	ed := matchEndpoints(oldEPs, newEPs, dec.endpoints)
	for _, m := range ed.Matched {
		row := endpointRow{OldMethod: m.Old.Method, OldPath: m.Old.Path, NewMethod: m.New.Method, NewPath: m.New.Path, SDK: sdkMethod(m.New.ID), How: m.How}
		if m.Changed() {
			g.Changed = append(g.Changed, row)
		} else {
			g.Unchanged = append(g.Unchanged, row)
		}
	}
	for _, e := range ed.Removed {
		g.Removed = append(g.Removed, endpointRow{OldMethod: e.Method, OldPath: e.Path, SDK: "—"})
	}
	for _, e := range ed.Added {
		g.Added = append(g.Added, endpointRow{NewMethod: e.Method, NewPath: e.Path, SDK: sdkMethod(e.ID)})
	}
	for _, pc := range paramChanges(ed.Matched) {
		row := paramRow{Method: pc.Match.New.Method, Path: pc.Match.New.Path, In: pc.In, Name: pc.Name, Change: "removed", SDK: "—"}
		if !pc.Removed {
			row.Change = "added"
			if op, ok := ops[pc.Match.New.ID]; ok {
				params := op.Body
				if params == "" {
					params = op.Method + "Params"
				}
				if p, _, ok := sdk.fieldPathTag(params, pc.Name); ok {
					row.SDK = "`" + p + "`"
				}
			}
		}
		g.Params = append(g.Params, row)
	}

	fd, err := diffFields(oldDoc, newDoc, reachable(oldEPs), dec.fields, dec.schemas)
	if err != nil {
		return nil, err
	}
	goType := func(schema string) string {
		t, _ := sdk.goTypeOf(schema, names)
		return t
	}
	bodies := requestTypes(newEPs, ops, sdk)
	for _, p := range fd.Pairs {
		row := schemaRow{Old: p.Old, New: p.New, Go: "—"}
		switch {
		case goType(p.New) != "":
			row.Go = "`" + sdk.qualified(goType(p.New)) + "`"
		case len(bodies[p.New]) > 0:
			cells := make([]string, 0, len(bodies[p.New]))
			for _, b := range bodies[p.New] {
				cells = append(cells, "`"+sdk.qualified(b)+"`")
			}
			row.Go = strings.Join(cells, ", ")
		default:
			if elem := pageElement(newDoc, p.New); elem != "" && goType(elem) != "" {
				row.Go = "`clerk.Page[*" + sdk.qualified(goType(elem)) + "]`"
			}
		}
		g.Schemas = append(g.Schemas, row)
	}
	g.RemovedSchemas = fd.RemovedSchemas
	goCell := func(schema, path string) (string, string) {
		t := goType(schema)
		if t == "" {
			return "—", ""
		}
		p, typ, ok := sdk.fieldPath(t, path)
		if !ok {
			return "—", ""
		}
		return "`" + p + "`", "`" + typ + "`"
	}
	row := func(c fieldChange) fieldRow {
		r := fieldRow{Note: c.Note, OldState: c.Old.String(), NewState: c.New.String()}
		if c.OldField != "" {
			r.Old = c.OldSchema + "." + c.OldField
		}
		if c.NewField != "" {
			r.New = c.NewSchema + "." + c.NewField
			r.Go, r.GoType = goCell(c.NewSchema, c.NewField)
		}
		return r
	}
	for _, c := range fd.Renamed {
		g.Renamed = append(g.Renamed, row(c))
	}
	for _, c := range fd.Removed {
		r := row(c)
		r.Go = "—"
		r.Note = legacyNote(newDoc, sdk, names, goType(c.NewSchema), c.OldField)
		g.RemovedFields = append(g.RemovedFields, r)
	}
	for _, c := range fd.Added {
		g.AddedFields = append(g.AddedFields, row(c))
	}
	for _, c := range fd.Presence {
		g.Presence = append(g.Presence, row(c))
	}

	removedParams := map[string][]string{}
	for _, p := range g.Params {
		if p.Change == "removed" {
			removedParams[p.Method+" "+p.Path] = append(removedParams[p.Method+" "+p.Path], p.Name)
		}
	}
	mapped := map[string]bool{}
	for _, c := range v2Calls() {
		r := v2Row{Func: c.Func, Params: c.Params, Result: c.Result, Ours: sdkMethod(c.OperationID)}
		mapped[c.OperationID] = true
		for _, e := range newEPs {
			if e.ID == c.OperationID {
				if rp := removedParams[e.Method+" "+e.Path]; len(rp) > 0 {
					r.Note = "2025-11-10 no longer accepts " + strings.Join(rp, ", ")
				}
			}
		}
		g.V2Calls = append(g.V2Calls, r)
	}
	for _, t := range v2Types() {
		r := v2TypeRow{V2: t.V2, Note: t.Note, Ours: "—"}
		if t.Ours != "" {
			if _, ok := sdk.Types[t.Ours]; !ok {
				problems = append(problems, "v2 type map names missing type "+t.Ours)
			}
			r.Ours = "`" + sdk.qualified(t.Ours) + "`"
		}
		g.V2Types = append(g.V2Types, r)
	}
	var missing []endpoint
	for _, e := range newEPs {
		if !mapped[e.ID] {
			missing = append(missing, e)
		}
	}
	sort.Slice(missing, func(i, j int) bool { return ops[missing[i].ID].Method < ops[missing[j].ID].Method })
	for _, e := range missing {
		g.V2Missing = append(g.V2Missing, sdkMethod(e.ID))
	}

	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, errors.New("migration: " + strings.Join(dedupe(problems), "; "))
	}
	return g, nil
}

// legacyNote tells whether the SDK still decodes a field 2025-11-10 dropped
// from the main schema, because an older copy of the schema (the spec's
// "-2" schemas) still carries it.
func legacyNote(newDoc *openapi3.T, sdk *sdkModel, names map[string]string, goType, field string) string {
	f, ok := sdk.Types[goType][field]
	if goType == "" || !ok {
		return ""
	}
	var carriers []string
	for name, ref := range newDoc.Components.Schemas {
		if ref.Value == nil || names[name] != goType {
			continue
		}
		if _, ok := properties(ref.Value)[field]; ok {
			carriers = append(carriers, name)
		}
	}
	if len(carriers) == 0 {
		return ""
	}
	sort.Strings(carriers)
	return fmt.Sprintf("`%s.%s` still decodes it where %s returns the older shape (%s)", goType, f.Name, specVersion(newDoc), strings.Join(carriers, ", "))
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// requestTypes maps each request body schema of the endpoints to the sorted
// Go params types that carry it.
func requestTypes(eps []endpoint, ops map[string]overlay.Op, sdk *sdkModel) map[string][]string {
	out := map[string][]string{}
	for _, e := range eps {
		op, ok := ops[e.ID]
		if !ok || e.op.RequestBody == nil || e.op.RequestBody.Value == nil {
			continue
		}
		name := op.Body
		if name == "" {
			name = op.Method + "Params"
		}
		if _, ok := sdk.Types[name]; !ok {
			continue
		}
		for _, mt := range e.op.RequestBody.Value.Content {
			if r := refName(mt.Schema); r != "" {
				out[r] = append(out[r], name)
			}
		}
	}
	for k, v := range out {
		sort.Strings(v)
		out[k] = dedupe(v)
	}
	return out
}

// pageElement is the element schema of a paginated list schema (an object
// with a data array of references and a total_count), or "".
func pageElement(doc *openapi3.T, schema string) string {
	ref := doc.Components.Schemas[schema]
	if ref == nil || ref.Value == nil {
		return ""
	}
	props := properties(ref.Value)
	data, ok := props["data"]
	if _, counted := props["total_count"]; !ok || !counted || data.Value == nil || data.Value.Items == nil {
		return ""
	}
	return refName(data.Value.Items)
}
