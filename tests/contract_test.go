package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/internal/registry"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// TestRequestsMatchTheSpec builds, for every API version, every operation's
// request from example arguments (the spec's required parameters) on a
// client of that version, and validates it, path, query and body, against
// that version's spec; each version's spec must be covered whole.
func TestRequestsMatchTheSpec(t *testing.T) {
	t.Parallel()
	calls := generatedCalls()
	for _, v := range apiVersionSpecs() {
		doc := loadVersionSpec(t, v)
		router, err := legacy.NewRouter(doc)
		if err != nil {
			t.Fatal(err)
		}
		validated := 0
		for _, op := range versionOps(v) {
			c, rec := recordingClient(t, `{}`, clerk.WithAPIVersion(v.Name))
			_ = calls[op.ID].Call(context.Background(), c)
			reqs := rec.requests()
			if len(reqs) != 1 {
				t.Errorf("%s %s: %d requests", v.Name, op.ID, len(reqs))
				continue
			}
			if got := reqs[0].Req.Header.Get("Clerk-API-Version"); got != v.Name {
				t.Errorf("%s %s: sent Clerk-API-Version %q", v.Name, op.ID, got)
			}
			r := reqs[0].Req.Clone(context.Background())
			r.Body = io.NopCloser(bytes.NewReader(reqs[0].Body))
			route, params, err := router.FindRoute(r)
			if err != nil {
				t.Errorf("%s %s.%s: %s %s: no route in the spec: %v", v.Name, op.Package, op.GoMethod, r.Method, r.URL.Path, err)
				continue
			}
			if route.Operation.OperationID != op.ID {
				t.Errorf("%s %s.%s: routed to %s", v.Name, op.Package, op.GoMethod, route.Operation.OperationID)
				continue
			}
			in := &openapi3filter.RequestValidationInput{
				Request: r, PathParams: params, Route: route,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true},
			}
			if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
				t.Errorf("%s %s.%s: request does not match the spec: %v\nbody: %s", v.Name, op.Package, op.GoMethod, err, reqs[0].Body)
				continue
			}
			validated++
		}
		if n := len(specOps(doc)); validated != n {
			t.Errorf("%s: %d requests validated, the spec has %d operations", v.Name, validated, n)
		}
		t.Logf("%s: %d requests validated against its spec", v.Name, validated)
	}
}

// TestResponseExamplesDecode decodes, for every operation, answers built
// from the spec's schema and property examples (see synth) into the Go type
// of the operation, and fails on any field the type does not know, so the
// models stay complete. Each built answer is first checked against the
// schema, so the test cannot pass on answers the API would never send.
func TestResponseExamplesDecode(t *testing.T) {
	t.Parallel()
	ops := map[string]specOp{}
	for _, v := range apiVersionSpecs() {
		for id, op := range specOps(loadVersionSpec(t, v)) {
			if _, seen := ops[id]; !seen {
				ops[id] = op
			}
		}
	}
	calls := generatedCalls()
	decoded := 0
	for _, reg := range registry.Operations() {
		call := calls[reg.ID]
		if call.New == nil {
			continue
		}
		if ops[reg.ID].Op == nil {
			t.Errorf("%s: in no version's spec", reg.ID)
			continue
		}
		for _, schema := range successSchemas(ops[reg.ID].Op) {
			for _, full := range []bool{true, false} {
				example := synth(schema, full, 0)
				if err := schema.Value.VisitJSON(example); err != nil && !knownSpecDefect(err) {
					t.Errorf("%s: the built example (full=%v) does not match its own schema: %v", reg.ID, full, err)
					continue
				}
				b, _ := json.Marshal(example)
				v := call.New()
				if err := json.Unmarshal(b, v); err != nil {
					t.Errorf("%s.%s (full=%v): %v\n%s", reg.Package, reg.GoMethod, full, err, b)
					continue
				}
				// Client.Do decodes answers with the generated decoders;
				// its result must be encoding/json's.
				c, _ := cannedClient(t, string(b))
				viaDo := call.New()
				if err := c.Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/answer"}, viaDo); err != nil {
					t.Errorf("%s.%s (full=%v): Do: %v", reg.Package, reg.GoMethod, full, err)
				} else if !reflect.DeepEqual(viaDo, v) {
					t.Errorf("%s.%s (full=%v): Do decodes differently from json.Unmarshal\n%s", reg.Package, reg.GoMethod, full, b)
				}
				var unknown []string
				unknownFields(reflect.TypeOf(v), example, "", &unknown)
				sort.Strings(unknown)
				for _, u := range unknown {
					t.Errorf("%s.%s: field %s is not in the Go type", reg.Package, reg.GoMethod, u)
				}
				decoded++
			}
		}
	}
	t.Logf("decoded %d answers built from the spec", decoded)
	if decoded < 400 {
		t.Fatalf("only %d answers decoded; the spec has over 200 operations with a JSON answer", decoded)
	}
}

// specDefects are errors of the spec itself that no answer can avoid.
var specDefects = []string{
	// EnterpriseConnection lists "authenticatable" as required but never
	// defines it, so no instance built from its properties can have it.
	`property "authenticatable" is missing`,
}

func knownSpecDefect(err error) bool {
	for _, d := range specDefects {
		if strings.Contains(err.Error(), d) {
			return true
		}
	}
	return false
}

// successSchemas returns the JSON schemas of an operation's 2xx answers.
func successSchemas(op *openapi3.Operation) []*openapi3.SchemaRef {
	var out []*openapi3.SchemaRef
	for code, r := range op.Responses.Map() {
		if !strings.HasPrefix(code, "2") || r.Value == nil {
			continue
		}
		if mt := r.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil {
			out = append(out, mt.Schema)
		}
	}
	return out
}

// legacyNames are wire names a type accepts through its UnmarshalJSON.
var legacyNames = map[string]string{"payment_source": "payment_method", "payment_source_id": "payment_method_id"}

// unknownFields walks a decoded JSON value beside the Go type it was
// decoded into and records the paths of object keys the type has no field
// for.
func unknownFields(t reflect.Type, v any, path string, out *[]string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if v == nil {
		return
	}
	if t.PkgPath() == "github.com/clerkgo/clerk" {
		switch {
		case strings.HasPrefix(t.Name(), "Opt["):
			unknownFields(t.Field(0).Type, v, path, out)
			return
		case strings.HasPrefix(t.Name(), "Page["):
			data, _ := t.FieldByName("Data")
			switch x := v.(type) {
			case []any:
				unknownFields(data.Type, x, path, out)
			case map[string]any:
				for k, item := range x {
					if arr, ok := item.([]any); ok {
						unknownFields(data.Type, arr, path+"."+k, out)
					} else if k != "total_count" {
						*out = append(*out, path+"."+k)
					}
				}
			}
			return
		}
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return
		}
		fields := jsonFields(t)
		for k, val := range obj {
			f, ok := fields[k]
			if !ok {
				if cur, legacy := legacyNames[k]; legacy {
					if _, has := fields[cur]; has {
						continue
					}
				}
				*out = append(*out, path+"."+k)
				continue
			}
			unknownFields(f, val, path+"."+k, out)
		}
	case reflect.Slice:
		if arr, ok := v.([]any); ok && t.Elem().Kind() != reflect.Uint8 {
			for _, item := range arr {
				unknownFields(t.Elem(), item, path+"[]", out)
			}
		}
	case reflect.Map:
		if obj, ok := v.(map[string]any); ok {
			for k, item := range obj {
				unknownFields(t.Elem(), item, path+"."+k, out)
			}
		}
	}
}

// jsonFields maps the JSON names of a struct's fields (embedded ones
// included) to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			for k, v := range jsonFields(f.Type) {
				out[k] = v
			}
			continue
		}
		if !f.IsExported() {
			continue
		}
		name := strings.Split(f.Tag.Get("json"), ",")[0]
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}
