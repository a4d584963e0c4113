package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/clerkgo/clerk/internal/gen/naming"
	"github.com/clerkgo/clerk/internal/gen/overlay"
	"github.com/getkin/kin-openapi/openapi3"
)

// rootName is the package of the shared model layer.
const rootName = "clerk"

// newGenerator indexes the component schemas of both specs under their Go
// names: a webhooks schema that takes the name of a Backend API model is
// that model.
func newGenerator(doc, hooks *openapi3.T) (*generator, error) {
	g := &generator{
		doc: doc, hooks: hooks, ops: overlay.Operations(),
		component: map[*openapi3.Schema]string{}, goNames: map[*openapi3.Schema]string{},
		merged: map[string]bool{}, unions: map[*openapi3.Schema]string{},
	}
	for _, n := range overlay.MergedUnions() {
		g.merged[n] = true
	}
	for _, n := range overlay.MergedModels() {
		g.merged[n] = true
	}
	register := func(d *openapi3.T, names map[string]string) {
		for name, ref := range d.Components.Schemas {
			if ref.Value == nil {
				continue
			}
			g.component[ref.Value] = name
			n, ok := names[name]
			if !ok {
				n = naming.Camel(name)
			}
			g.goNames[ref.Value] = n
		}
	}
	register(doc, overlay.SchemaNames())
	register(hooks, overlay.WebhookSchemaNames())
	return g, nil
}

// goNameOf is the Go name of the component schema s (spec name name).
func (g *generator) goNameOf(s *openapi3.Schema, name string) string {
	if n, ok := g.goNames[s]; ok {
		return n
	}
	return naming.Camel(name)
}

// unionName returns the shared name of an inline union whose variants are
// all components with one of the overlay's merged prefixes, or "".
func (g *generator) unionName(s *openapi3.Schema) string {
	if g.component[s] != "" {
		return ""
	}
	variants := append(append(openapi3.SchemaRefs{}, s.OneOf...), s.AnyOf...)
	if len(variants) < 2 {
		return ""
	}
	for prefix, name := range overlay.MergedUnions() {
		all := true
		for _, v := range variants {
			if !strings.HasPrefix(g.component[v.Value], prefix) {
				all = false
				break
			}
		}
		if all {
			return name
		}
	}
	return ""
}

// answerName names an inline answer schema the overlay does not name: the
// package's noun, the method and "Response", unique in the root package.
func (g *generator) answerName(pkg, method string) string {
	return naming.Camel(overlay.PackageFamily(pkg)) + method + "Result"
}

// familyOf is the file stem of a root model.
func familyOf(d *decl) string {
	for _, f := range overlay.ModelFamilies() {
		if strings.HasPrefix(d.Name, f.Prefix) {
			return f.File
		}
	}
	return overlay.PackageFamily(d.home)
}

// renderModels writes the root models, one file per family.
func (g *generator) renderModels() map[string]*file {
	byFamily := map[string][]*decl{}
	for _, d := range g.root.sortedDecls() {
		fam := familyOf(d)
		byFamily[fam] = append(byFamily[fam], d)
	}
	out := map[string]*file{}
	fams := make([]string, 0, len(byFamily))
	for f := range byFamily {
		fams = append(fams, f)
	}
	sort.Strings(fams)
	for _, fam := range fams {
		f := newFile(rootName)
		emitModels(f, g.root, byFamily[fam])
		out[filepath.Join(fam+"_gen.go")] = f
	}
	return out
}

// addExtraFields appends the overlay's extra fields to the root models.
func (g *generator) addExtraFields() error {
	for typ, extras := range overlay.ExtraFields() {
		d, ok := g.root.decls[typ]
		if !ok {
			return fmt.Errorf("extra fields: no root model %s", typ)
		}
		for _, x := range extras {
			if d.fieldByJSON(x.JSON) != nil {
				return fmt.Errorf("extra field %s.%s is already in the spec", typ, x.JSON)
			}
			tag := `json:"` + x.JSON + `,omitempty"`
			if strings.HasPrefix(x.Type, "Opt[") {
				tag = `json:"` + x.JSON + `,omitzero"`
			}
			d.Fields = append(d.Fields, field{GoName: naming.Camel(x.JSON), JSONName: x.JSON, Base: x.Type, Type: "clerk." + x.Type, Tag: tag, mode: response})
		}
		keys := map[string]*openapi3.SchemaRef{}
		for _, f := range d.Fields {
			keys[f.JSONName] = nil
		}
		order := map[string]int{}
		for i, k := range sortedKeys(keys) {
			order[k] = i
		}
		sort.SliceStable(d.Fields, func(i, j int) bool { return order[d.Fields[i].JSONName] < order[d.Fields[j].JSONName] })
	}
	return nil
}

// fieldByJSON returns d's field with the wire name name, or nil.
func (d *decl) fieldByJSON(name string) *field {
	for i := range d.Fields {
		if d.Fields[i].JSONName == name {
			return &d.Fields[i]
		}
	}
	return nil
}
