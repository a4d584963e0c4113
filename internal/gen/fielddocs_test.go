package main

import (
	"sort"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/internal/gen/overlay"
	"github.com/clerkgo/clerk/internal/spec"
	"github.com/getkin/kin-openapi/openapi3"
)

// TestFieldDocsNameRealFields builds the root models and the params from
// the specs and fails on an overlay field or param doc whose key names no
// field of them: a field renamed in the spec would otherwise lose its
// comment without a word.
func TestFieldDocsNameRealFields(t *testing.T) {
	doc, table := loadVersions(t)
	hooksPath := spec.Need(t, "CLERK_WEBHOOKS_SPEC", spec.Webhooks)
	hooks, err := openapi3.NewLoader().LoadFromFile(hooksPath)
	if err != nil {
		t.Fatal(err)
	}
	g, err := newGenerator(doc, hooks)
	if err != nil {
		t.Fatal(err)
	}
	g.versions = table
	pkgs, err := g.build(nil)
	if err != nil {
		t.Fatal(err)
	}
	params := map[string]bool{}
	for _, p := range pkgs {
		for _, d := range p.decls {
			if d.Kind != kindStruct || !d.Request {
				continue
			}
			for i := range d.Fields {
				params[paramDocKey(&d.Fields[i])] = true
			}
		}
	}
	if _, err := g.generate(); err != nil {
		t.Fatal(err)
	}
	fields := map[string]bool{}
	for _, d := range g.root.decls {
		if d.Kind != kindStruct || d.Request {
			continue
		}
		for _, f := range d.Fields {
			fields[d.Name+"."+f.JSONName] = true
			fields["*."+f.JSONName] = true
		}
	}
	var stale []string
	for key := range overlay.FieldDocs() {
		if !fields[key] {
			stale = append(stale, key)
		}
	}
	for key := range overlay.ParamDocs() {
		if !params[key] {
			stale = append(stale, "params "+key)
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Errorf("overlay docs name no field the generator builds:\n%s", strings.Join(stale, "\n"))
	}
}
