package tests

import (
	"context"
	"sync"
	"testing"

	"github.com/clerkgo/clerk/internal/spec"
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
