package tests

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/internal/versions"
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
