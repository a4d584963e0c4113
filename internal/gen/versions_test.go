package main

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/internal/spec"
	"github.com/getkin/kin-openapi/openapi3"
)

// loadVersions loads the specs of both API versions and returns their
// union and version table, as the generator builds them.
func loadVersions(t *testing.T) (*openapi3.T, *versionTable) {
	t.Helper()
	var specs []apiSpec
	for _, s := range []struct{ env, rel string }{{"CLERK_BAPI_SPEC", spec.BAPI}, {"CLERK_BAPI_NEXT_SPEC", spec.NextBAPI}} {
		doc, err := openapi3.NewLoader().LoadFromFile(spec.Need(t, s.env, s.rel))
		if err != nil {
			t.Fatal(err)
		}
		specs = append(specs, apiSpec{Name: doc.Info.Version, Doc: doc})
	}
	table, union, err := compareVersions(specs)
	if err != nil {
		t.Fatal(err)
	}
	return union, table
}

// TestVersionDifference computes what 2026-05-12 changes against
// 2025-11-10 from the two specs: compareVersions fails on any change
// other than operations and request fields that one version lacks, so
// the lists below are the whole difference.
func TestVersionDifference(t *testing.T) {
	t.Parallel()
	union, table := loadVersions(t)
	if got := strings.Join(table.Names, " "); got != "2025-11-10 2026-05-12" {
		t.Fatalf("versions %q", got)
	}
	var added, removed []string
	for _, o := range table.Ops {
		switch o.Set {
		case 2:
			added = append(added, o.Method+" "+o.Path)
		default:
			removed = append(removed, o.Method+" "+o.Path)
		}
	}
	wantAdded := []string{
		"DELETE /directories/{directory_id}/group_role_mappings/{mapping_id}",
		"DELETE /scim_directories/{scim_directory_id}/group_role_mappings/{mapping_id}",
		"GET /directories/{directory_id}/group_role_mappings",
		"GET /scim_directories/{scim_directory_id}/group_role_mappings",
		"POST /directories/{directory_id}/group_role_mappings",
		"POST /directories/{directory_id}/rotate_api_key",
		"POST /scim_directories/{scim_directory_id}/group_role_mappings",
		"POST /scim_directories/{scim_directory_id}/rotate_api_key",
		"PUT /directories/{directory_id}/group_role_mappings",
		"PUT /scim_directories/{scim_directory_id}/group_role_mappings",
	}
	if fmt.Sprint(added) != fmt.Sprint(wantAdded) || len(removed) > 0 {
		t.Errorf("operations added %v, removed %v; want added %v, none removed", added, removed, wantAdded)
	}
	var fields []string
	for _, f := range table.Fields {
		var repl []string
		repl = append(repl, f.Replacements...)
		fields = append(fields, fmt.Sprintf("%s %s %s set=%d repl=%v", f.Method, f.Path, f.Name, f.Set, repl))
	}
	sort.Strings(fields)
	want := []string{
		"PATCH /organizations/{organization_id} private_metadata set=1 repl=[PATCH /organizations/{organization_id}/metadata PUT /organizations/{organization_id}/metadata]",
		"PATCH /organizations/{organization_id} public_metadata set=1 repl=[PATCH /organizations/{organization_id}/metadata PUT /organizations/{organization_id}/metadata]",
		"PATCH /users/{user_id} private_metadata set=1 repl=[PATCH /users/{user_id}/metadata PUT /users/{user_id}/metadata]",
		"PATCH /users/{user_id} public_metadata set=1 repl=[PATCH /users/{user_id}/metadata PUT /users/{user_id}/metadata]",
		"PATCH /users/{user_id} unsafe_metadata set=1 repl=[PATCH /users/{user_id}/metadata PUT /users/{user_id}/metadata]",
	}
	if strings.Join(fields, "\n") != strings.Join(want, "\n") {
		t.Errorf("version-limited fields:\n%s\nwant:\n%s", strings.Join(fields, "\n"), strings.Join(want, "\n"))
	}
	n := 0
	for _, item := range union.Paths.Map() {
		n += len(item.Operations())
	}
	if n != 249 {
		t.Errorf("the union has %d operations, want 249", n)
	}
	t.Logf("2026-05-12 against 2025-11-10: %d operations added, 0 removed; %d request fields removed; no answer, parameter or component schema changes shape", len(added), len(fields))
}

// tinySpec is a spec of one version with one operation, for the
// comparison's own tests.
func tinySpec(t *testing.T, version, extra string) apiSpec {
	t.Helper()
	src := `openapi: 3.0.3
info: {title: t, version: '` + version + `'}
paths:
  /things/{id}:
    patch:
      operationId: UpdateThing
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                name: {type: string}
` + extra + `
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    Thing:
      type: object
      properties:
        id: {type: string}
`
	doc, err := openapi3.NewLoader().LoadFromData([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return apiSpec{Name: version, Doc: doc}
}

func TestCompareVersionsFailsOnUnrecordedChanges(t *testing.T) {
	t.Parallel()
	old := tinySpec(t, "1", `                meta:
                  type: object
                  description: "Use `+"`PUT /v1/things/{id}/meta`"+` instead."`)
	table, union, err := compareVersions([]apiSpec{old, tinySpec(t, "2", "")})
	if err != nil {
		t.Fatal(err)
	}
	if len(table.Fields) != 1 || table.Fields[0].Name != "meta" || table.Fields[0].Set != 1 || fmt.Sprint(table.Fields[0].Replacements) != "[PUT /things/{id}/meta]" {
		t.Errorf("fields %+v", table.Fields)
	}
	body := union.Paths.Value("/things/{id}").Patch.RequestBody.Value.Content.Get("application/json").Schema.Value
	if _, ok := body.Properties["meta"]; !ok {
		t.Error("the union lacks the field only the older version accepts")
	}
	changed := tinySpec(t, "2", "")
	changed.Doc.Components.Schemas["Thing"].Value.Properties["id"].Value.Type = &openapi3.Types{"integer"}
	if _, _, err := compareVersions([]apiSpec{tinySpec(t, "1", ""), changed}); err == nil || !strings.Contains(err.Error(), "Thing") {
		t.Errorf("a component that changes shape: err = %v", err)
	}
	retyped := tinySpec(t, "2", "                meta: {type: string}")
	if _, _, err := compareVersions([]apiSpec{tinySpec(t, "1", "                meta: {type: object}"), retyped}); err == nil || !strings.Contains(err.Error(), "meta changes shape") {
		t.Errorf("a field that changes shape: err = %v", err)
	}
}
