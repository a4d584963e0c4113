package clerktest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/directories"
	"github.com/clerkgo/clerk/internal/versions"
	"github.com/clerkgo/clerk/users"
)

// sendVersion sends a raw request that asks for version (in the header,
// or in the __clerk_api_version query parameter when inQuery; none when
// version is "") and returns the status and body.
func sendVersion(t *testing.T, e *clerktest.Emulator, version string, inQuery bool, method, path string, body any) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	url := e.URL() + path
	if inQuery && version != "" {
		url += "?__clerk_api_version=" + version
	}
	req, err := http.NewRequestWithContext(context.Background(), method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.SecretKey())
	req.Header.Set("Content-Type", "application/json")
	if !inQuery && version != "" {
		req.Header.Set("Clerk-API-Version", version)
	}
	resp, err := e.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, raw
}

// TestOperationsOfOneVersion asks for every operation the version table
// limits, in each version: the versions that lack it answer as for a route
// that does not exist, the others reach the handler (a 404 naming the
// missing directory, not the route).
func TestOperationsOfOneVersion(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	ops := versions.Ops()
	if len(ops) == 0 {
		t.Fatal("the version table lists no operation")
	}
	for _, op := range ops {
		path := op.Route
		for _, p := range []string{"{directory_id}", "{scim_directory_id}", "{mapping_id}"} {
			path = strings.ReplaceAll(path, p, "x_missing")
		}
		for _, asked := range []struct {
			version string
			inQuery bool
		}{{"", false}, {"2025-11-10", false}, {"2025-04-10", true}, {"2026-05-12", false}, {"2026-05-12", true}} {
			has := op.Versions&versions.Parse(asked.version) != 0
			status, raw := sendVersion(t, e, asked.version, asked.inQuery, op.Method, path, map[string]any{})
			code, _ := errCode(t, raw)
			msg := string(raw)
			switch {
			case !has && (status != 404 || code != "resource_not_found" || !bytes.Contains(raw, []byte("is not an operation of the Backend API"))):
				t.Errorf("%s %s asking %q: %d %s; want the 404 of a route that does not exist", op.Method, path, asked.version, status, msg)
			case has && (status != 404 || !bytes.Contains(raw, []byte("x_missing"))):
				t.Errorf("%s %s asking %q: %d %s; want the handler's 404 for the missing directory", op.Method, path, asked.version, status, msg)
			}
		}
	}
}

// TestRemovedFieldsPerVersion sends each metadata field 2026-05-12 removed
// from PATCH /users/{user_id} and PATCH /organizations/{organization_id}:
// asking 2026-05-12 (header or query) it is refused as an unknown
// parameter and nothing changes; asking 2025-11-10 it is stored.
func TestRemovedFieldsPerVersion(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	user := createUser(t, e, map[string]any{"email_address": []string{"ada@example.com"}})
	org := call(t, e, "POST", "/organizations", map[string]any{"name": "Acme", "created_by": user}, 200)["id"].(string)
	paths := map[string]string{"/users/{user_id}": "/users/" + user, "/organizations/{organization_id}": "/organizations/" + org}
	checked := 0
	for _, route := range versions.FieldRoutes() {
		method, tmpl := route[:len("PATCH")], route[len("PATCH "):]
		for _, f := range versions.Fields(method, tmpl) {
			for _, inQuery := range []bool{false, true} {
				status, raw := sendVersion(t, e, "2026-05-12", inQuery, method, paths[tmpl], map[string]any{f.Name: map[string]any{"v": 2026}})
				code, meta := errCode(t, raw)
				if status != 422 || code != "form_param_unknown" || meta["param_name"] != f.Name {
					t.Errorf("%s %s on 2026-05-12 (query %v): %d %s", route, f.Name, inQuery, status, raw)
				}
			}
			status, raw := sendVersion(t, e, "2025-11-10", false, method, paths[tmpl], map[string]any{f.Name: map[string]any{"v": 2025}})
			var got map[string]any
			_ = json.Unmarshal(raw, &got)
			if status != 200 {
				t.Errorf("%s %s on 2025-11-10: %d %s", route, f.Name, status, raw)
			} else if m, _ := got[f.Name].(map[string]any); m["v"] != float64(2025) {
				t.Errorf("%s %s on 2025-11-10: not stored: %s", route, f.Name, raw)
			}
			checked++
		}
	}
	if checked != 5 {
		t.Errorf("%d removed fields checked, want 5", checked)
	}
	// Another field is still taken on 2026-05-12.
	if status, raw := sendVersion(t, e, "2026-05-12", false, "PATCH", "/users/"+user, map[string]any{"first_name": "Ada"}); status != 200 {
		t.Errorf("first_name on 2026-05-12: %d %s", status, raw)
	}
}

// TestGroupRoleMappingsOn20260512 drives the mapping and key rotation
// routes through the SDK on a 2026-05-12 client, under both route
// families, and checks that the state is shared and kept.
func TestGroupRoleMappingsOn20260512(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	ctx := context.Background()
	c := e.Client(clerk.WithAPIVersion(clerk.APIVersion20260512))
	svc := directories.New(c)
	ec := call(t, e, "POST", "/enterprise_connections", map[string]any{"name": "Corp", "provider": "saml_custom", "domains": []string{"v26.example"}}, 201)["id"].(string)
	eng := call(t, e, "POST", "/organization_roles", map[string]any{"name": "Eng", "key": "org:eng"}, 200)["id"].(string)
	ops := call(t, e, "POST", "/organization_roles", map[string]any{"name": "Ops", "key": "org:ops"}, 200)["id"].(string)
	d, err := svc.Create(ctx, &directories.CreateParams{EnterpriseConnectionID: ec, Provider: "okta"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CreateGroupRoleMapping(ctx, d.ID, &directories.CreateGroupRoleMappingParams{RoleID: eng, DirectoryGroupID: clerk.String("g-eng")}); !errors.Is(err, clerk.ErrBadRequest) {
		t.Fatalf("a mapping while mapping is off: %v, want 400", err)
	}
	if _, err := svc.Update(ctx, d.ID, &directories.UpdateParams{GroupRoleMappingEnabled: clerk.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	a, err := svc.CreateGroupRoleMapping(ctx, d.ID, &directories.CreateGroupRoleMappingParams{RoleID: eng, DirectoryGroupID: clerk.String("g-eng")})
	if err != nil {
		t.Fatal(err)
	}
	b, err := svc.CreateSCIMGroupRoleMapping(ctx, d.ID, &directories.CreateSCIMGroupRoleMappingParams{RoleID: ops, SCIMGroupID: "g-ops", Precedence: clerk.Int64(1)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Object != "directory_group_role_mapping" || b.Object != "scim_group_role_mapping" || b.Precedence != 1 || b.GetRole().Key != "org:ops" || a.DirectoryID != d.ID {
		t.Errorf("created %+v and %+v", a, b)
	}
	page, err := svc.ListGroupRoleMappings(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Data) != 2 || page.TotalCount != 2 || page.Data[0].ID != b.ID || page.Data[1].ID != a.ID || page.Data[1].Precedence != 2 {
		t.Fatalf("list by precedence: %+v", page.Data)
	}
	if _, err := svc.CreateGroupRoleMapping(ctx, d.ID, &directories.CreateGroupRoleMappingParams{RoleID: "role_missing", DirectoryGroupID: clerk.String("g")}); !errors.Is(err, clerk.ErrUnprocessable) {
		t.Errorf("an unknown role: %v, want 422", err)
	}
	replaced, err := svc.ReplaceSCIMGroupRoleMappings(ctx, d.ID, &directories.ReplaceSCIMGroupRoleMappingsParams{Mappings: []*directories.ReplaceSCIMGroupRoleMappingsParamsMappingItem{
		{SCIMGroupID: "g-a", RoleID: eng}, {SCIMGroupID: "g-b", RoleID: ops}, {SCIMGroupID: "g-c", RoleID: eng}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(replaced.Data) != 3 || replaced.Data[2].Precedence != 3 || replaced.Data[0].SCIMGroupID != "g-a" {
		t.Fatalf("replace: %+v", replaced)
	}
	del, err := svc.DeleteGroupRoleMapping(ctx, d.ID, replaced.Data[0].ID)
	if err != nil || !del.Deleted || del.ID != replaced.Data[0].ID {
		t.Fatalf("delete: %+v %v", del, err)
	}
	if _, err := svc.DeleteGroupRoleMapping(ctx, d.ID, replaced.Data[0].ID); !errors.Is(err, clerk.ErrNotFound) {
		t.Errorf("deleting twice: %v, want 404", err)
	}
	left, err := svc.ListSCIMGroupRoleMappings(ctx, d.ID)
	if err != nil || len(left.Data) != 2 || left.Data[0].SCIMGroupID != "g-b" || left.Data[0].Precedence != 1 {
		t.Fatalf("after delete: %+v %v", left, err)
	}
	first, err := svc.RotateAPIKey(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	second, err := svc.RotateSCIMAPIKey(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	k1, _ := first.APIKey.Get()
	k2, _ := second.APIKey.Get()
	if k1 == "" || k2 == "" || k1 == k2 || second.Object != "scim_directory" {
		t.Errorf("rotation: %q then %q (%s)", k1, k2, second.Object)
	}
	// As at creation, the key is shown once: a later read has it null.
	if got, err := svc.Get(ctx, d.ID); err != nil || !got.APIKey.IsNull() {
		t.Errorf("a later read shows the key: %+v %v", got, err)
	}
	// The same client is refused the removed fields before sending.
	before := len(e.Requests())
	_, err = users.New(c).Update(ctx, "user_1", &users.UpdateParams{PublicMetadata: clerk.Value(map[string]any{"a": 1})})
	if !errors.Is(err, clerk.ErrNotInAPIVersion) || len(e.Requests()) != before {
		t.Errorf("removed field: %v, %d requests reached the emulator", err, len(e.Requests())-before)
	}
}

// TestDirectoryCreatedWithMappings: the mappings a directory is created
// with are its mappings, listed in precedence order (unranked ones last,
// as sent), and a mapping without a group refuses the directory.
func TestDirectoryCreatedWithMappings(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	ctx := context.Background()
	svc := directories.New(e.Client(clerk.WithAPIVersion(clerk.APIVersion20260512)))
	ec := call(t, e, "POST", "/enterprise_connections", map[string]any{"name": "Corp", "provider": "saml_custom", "domains": []string{"v26b.example"}}, 201)["id"].(string)
	eng := call(t, e, "POST", "/organization_roles", map[string]any{"name": "Eng", "key": "org:eng"}, 200)["id"].(string)
	ops := call(t, e, "POST", "/organization_roles", map[string]any{"name": "Ops", "key": "org:ops"}, 200)["id"].(string)
	if _, err := svc.Create(ctx, &directories.CreateParams{EnterpriseConnectionID: ec, Provider: "okta",
		GroupRoleMappings: clerk.Value([]*directories.CreateParamsGroupRoleMappingItem{{RoleID: eng}})}); !errors.Is(err, clerk.ErrUnprocessable) {
		t.Fatalf("a mapping without a group: %v, want 422", err)
	}
	d, err := svc.Create(ctx, &directories.CreateParams{EnterpriseConnectionID: ec, Provider: "okta",
		GroupRoleMappings: clerk.Value([]*directories.CreateParamsGroupRoleMappingItem{
			{RoleID: eng, SCIMGroupID: clerk.String("g-unranked")},
			{RoleID: ops, SCIMGroupID: clerk.String("g-second"), Precedence: clerk.Int64(2)},
			{RoleID: eng, DirectoryGroupID: clerk.String("g-first"), DirectoryGroupDisplayName: clerk.String("First"), Precedence: clerk.Int64(1)},
		})})
	if err != nil {
		t.Fatal(err)
	}
	if !d.GroupRoleMappingEnabled {
		t.Error("a directory created with mappings has mapping off")
	}
	page, err := svc.ListSCIMGroupRoleMappings(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range page.Data {
		got = append(got, fmt.Sprintf("%d %s %s %s", m.Precedence, m.SCIMGroupID, m.SCIMGroupDisplayName, m.GetRole().Key))
	}
	want := []string{"1 g-first First org:eng", "2 g-second g-second org:ops", "3 g-unranked g-unranked org:eng"}
	if !slices.Equal(got, want) {
		t.Errorf("mappings %q, want %q", got, want)
	}
}
