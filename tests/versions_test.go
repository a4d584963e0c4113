package tests

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/internal/spec"
	"github.com/clerkgo/clerk/internal/versions"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// TestVersionTableAgainstTheSpecs walks the generated version table: a
// field some version refuses, sent (as null, the least a caller can send)
// by a client of that version, is a *clerk.VersionError with no request
// sent; sent by a client of a version that has it, the request goes out
// and matches that version's spec. An operation a version lacks is refused
// the same way, through Client.Do with its route.
func TestVersionTableAgainstTheSpecs(t *testing.T) {
	t.Parallel()
	byVersion := map[string]routers.Router{}
	for _, v := range apiVersionSpecs() {
		r, err := legacy.NewRouter(loadVersionSpec(t, v))
		if err != nil {
			t.Fatal(err)
		}
		byVersion[v.Name] = r
	}
	checked := 0
	for _, route := range versions.FieldRoutes() {
		method, path, _ := strings.Cut(route, " ")
		for _, f := range versions.Fields(method, path) {
			if f.Query {
				t.Fatalf("%s %s: query fields are not exercised here", route, f.Name)
			}
			for _, v := range apiVersionSpecs() {
				c, rec := recordingClient(t, `{}`, clerk.WithAPIVersion(v.Name))
				req := &clerk.Request{Method: method, Path: path, PathParams: examplePathParams(path), Body: map[string]any{f.Name: nil}}
				err := c.Do(context.Background(), req, nil)
				has := f.Versions&versions.Parse(v.Name) != 0
				sent := rec.requests()
				if !has {
					var ve *clerk.VersionError
					if !errors.As(err, &ve) || len(sent) != 0 || ve.Field != f.Name || len(ve.Replacements) == 0 {
						t.Errorf("%s %s on %s: err %v, %d requests; want a VersionError naming a replacement and none sent", route, f.Name, v.Name, err, len(sent))
					}
					checked++
					continue
				}
				if err != nil || len(sent) != 1 {
					t.Errorf("%s %s on %s: err %v, %d requests", route, f.Name, v.Name, err, len(sent))
					continue
				}
				validateAgainst(t, byVersion[v.Name], sent[0], v.Name+" "+route+" "+f.Name)
				checked++
			}
		}
	}
	for _, op := range versions.Ops() {
		for _, v := range apiVersionSpecs() {
			if op.Versions&versions.Parse(v.Name) != 0 {
				continue
			}
			c, rec := recordingClient(t, `{}`, clerk.WithAPIVersion(v.Name))
			err := c.Do(context.Background(), &clerk.Request{Method: op.Method, Path: op.Route, PathParams: examplePathParams(op.Route)}, nil)
			if !errors.Is(err, clerk.ErrNotInAPIVersion) || len(rec.requests()) != 0 || !strings.Contains(err.Error(), v.Name) {
				t.Errorf("%s %s on %s: err %v, %d requests; want ErrNotInAPIVersion naming the version and none sent", op.Method, op.Route, v.Name, err, len(rec.requests()))
			}
			checked++
		}
	}
	if checked < 20 {
		t.Fatalf("only %d cases checked", checked)
	}
	t.Logf("%d version cases checked (%d operations, %d field routes in the table)", checked, len(versions.Ops()), len(versions.FieldRoutes()))
}

// examplePathParams fills each placeholder of a route with an example.
func examplePathParams(route string) []string {
	var out []string
	for _, seg := range strings.Split(route, "/") {
		if strings.HasPrefix(seg, "{") {
			out = append(out, "x_"+strings.Trim(seg, "{}"))
		}
	}
	return out
}

// validateAgainst checks a recorded request against a version's spec.
func validateAgainst(t *testing.T, router routers.Router, rec recorded, what string) {
	t.Helper()
	r := rec.Req.Clone(context.Background())
	r.Body = io.NopCloser(bytes.NewReader(rec.Body))
	route, params, err := router.FindRoute(r)
	if err != nil {
		t.Errorf("%s: no route: %v", what, err)
		return
	}
	in := &openapi3filter.RequestValidationInput{
		Request: r, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true},
	}
	if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
		t.Errorf("%s: does not match the spec: %v", what, err)
	}
}

// TestEmulatorContract20260512 drives, asking for 2026-05-12, the
// operations that version adds and a removed field, validating every
// answer against the 2026-05-12 spec (a copy: the router rewrites its
// servers).
func TestEmulatorContract20260512(t *testing.T) {
	t.Parallel()
	next := apiVersionSpecs()[1]
	doc, err := openapi3.NewLoader().LoadFromFile(spec.Need(t, next.Env, next.Rel))
	if err != nil {
		t.Fatal(err)
	}
	emu := clerktest.New()
	defer emu.Close()
	c := contractFor(t, emu, doc, next.Name)
	ec := c.do("POST", "/enterprise_connections", nil, map[string]any{"name": "Corp", "provider": "saml_okta", "domains": []string{"v26.example"}}, 201)
	role := c.do("POST", "/organization_roles", nil, map[string]any{"name": "Eng", "key": "org:eng"}, 200)
	for _, base := range []string{"/directories", "/scim_directories"} {
		d := c.do("POST", base, nil, map[string]any{"enterprise_connection_id": c.id(ec, "id"), "provider": "okta"}, 200)
		id := c.id(d, "id")
		c.do("POST", base+"/"+id+"/group_role_mappings", nil, map[string]any{"role_id": c.id(role, "id"), "scim_group_id": "g0"}, 400)
		c.do("PATCH", base+"/"+id, nil, map[string]any{"group_role_mapping_enabled": true}, 200)
		m := c.do("POST", base+"/"+id+"/group_role_mappings", nil, map[string]any{"role_id": c.id(role, "id"), "scim_group_id": "g1"}, 200)
		c.do("POST", base+"/"+id+"/group_role_mappings", nil, map[string]any{"role_id": "role_missing", "scim_group_id": "g2"}, 422)
		c.do("GET", base+"/"+id+"/group_role_mappings", nil, nil, 200)
		c.do("DELETE", base+"/"+id+"/group_role_mappings/"+c.id(m, "id"), nil, nil, 200)
		c.do("DELETE", base+"/"+id+"/group_role_mappings/"+c.id(m, "id"), nil, nil, 404)
		c.do("PUT", base+"/"+id+"/group_role_mappings", nil, map[string]any{"mappings": []map[string]any{{"role_id": c.id(role, "id"), "scim_group_id": "g3"}}}, 200)
		c.do("POST", base+"/"+id+"/rotate_api_key", nil, nil, 200)
		c.do("POST", base+"/dir_missing/rotate_api_key", nil, nil, 404)
	}
	user := c.do("POST", "/users", nil, map[string]any{"email_address": []string{"v26@example.com"}}, 200)
	c.do("PATCH", "/users/"+c.id(user, "id"), nil, map[string]any{"public_metadata": map[string]any{"a": 1}}, 422)
	c.do("PATCH", "/users/"+c.id(user, "id"), nil, map[string]any{"first_name": "Ada"}, 200)
	for _, op := range versions.Ops() {
		if !c.checked[op.Method+" "+op.Route] {
			t.Errorf("route %s %s was not validated", op.Method, op.Route)
		}
	}
}
