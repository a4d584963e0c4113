package tests

import (
	"context"
	"sync"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/internal/registry"
	"github.com/clerkgo/clerk/internal/spec"
	"github.com/clerkgo/clerk/internal/versions"
	"github.com/getkin/kin-openapi/openapi3"
)

// specPath is the Backend API spec the contract and coverage tests read:
// $CLERK_BAPI_SPEC, or ../shared/spec/bapi/2025-11-10.yml beside the module.
// It is "" (and the tests skip) only when no module root is found.
func specPath() string {
	p, _ := spec.Path("CLERK_BAPI_SPEC", spec.BAPI)
	return p
}

var loadOnce = sync.OnceValues(func() (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(specPath())
	if err != nil {
		return nil, err
	}
	return doc, doc.Validate(context.Background(), openapi3.DisableExamplesValidation())
})

// loadSpec returns the parsed spec, or skips the test when it is absent.
func loadSpec(t *testing.T) *openapi3.T {
	t.Helper()
	spec.NeedFile(t, specPath(), "CLERK_BAPI_SPEC")
	doc, err := loadOnce()
	if err != nil {
		t.Fatalf("loading %s: %v", specPath(), err)
	}
	return doc
}

// specOp is one operation of the spec.
type specOp struct {
	ID, Method, Path string
	Op               *openapi3.Operation
}

// specOps lists the spec's operations by operationId.
func specOps(doc *openapi3.T) map[string]specOp {
	out := map[string]specOp{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			out[op.OperationID] = specOp{ID: op.OperationID, Method: method, Path: path, Op: op}
		}
	}
	return out
}

// apiVersionSpec is one API version the SDK speaks and where its spec is.
type apiVersionSpec struct {
	// Name is the version, e.g. 2026-05-12.
	Name string
	// Env is the variable that points elsewhere; Rel the default path.
	Env, Rel string
}

// apiVersionSpecs lists every version with its spec, oldest first.
func apiVersionSpecs() []apiVersionSpec {
	return []apiVersionSpec{
		{Name: clerk.APIVersion20251110, Env: "CLERK_BAPI_SPEC", Rel: spec.BAPI},
		{Name: clerk.APIVersion20260512, Env: "CLERK_BAPI_NEXT_SPEC", Rel: spec.NextBAPI},
	}
}

// versionDocs caches the parsed spec of each version for the whole run.
var versionDocs sync.Map // version name -> func() (*openapi3.T, error)

// loadVersionSpec returns the parsed spec of version v, or skips the test
// (fails it under CI) when the file is absent.
func loadVersionSpec(t *testing.T, v apiVersionSpec) *openapi3.T {
	t.Helper()
	if v.Env == "CLERK_BAPI_SPEC" {
		return loadSpec(t)
	}
	path := spec.Need(t, v.Env, v.Rel)
	f, _ := versionDocs.LoadOrStore(v.Name, sync.OnceValues(func() (*openapi3.T, error) {
		doc, err := openapi3.NewLoader().LoadFromFile(path)
		if err != nil {
			return nil, err
		}
		return doc, doc.Validate(context.Background(), openapi3.DisableExamplesValidation())
	}))
	doc, err := f.(func() (*openapi3.T, error))()
	if err != nil {
		t.Fatalf("loading %s: %v", path, err)
	}
	if doc.Info.Version != v.Name {
		t.Fatalf("%s has version %q, want %s", path, doc.Info.Version, v.Name)
	}
	return doc
}

// versionOps returns the registered operations that version v has,
// according to the generated version table.
func versionOps(v apiVersionSpec) []registry.Operation {
	set := versions.Parse(v.Name)
	var out []registry.Operation
	for _, op := range registry.Operations() {
		if versions.OperationVersions(op.Method, op.Path)&set != 0 {
			out = append(out, op)
		}
	}
	return out
}

// newestVersionOf returns the newest version that has op.
func newestVersionOf(op registry.Operation) string {
	set := versions.OperationVersions(op.Method, op.Path)
	names := versions.Names()
	for i := len(names) - 1; i >= 0; i-- {
		if set&(1<<i) != 0 {
			return names[i]
		}
	}
	return clerk.APIVersion
}
