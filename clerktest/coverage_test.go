package clerktest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestEveryOperationAnswers calls every operation of the spec once (with
// placeholder IDs) and fails on any 501; every route the emulator registers
// must be a spec operation.
func TestEveryOperationAnswers(t *testing.T) {
	t.Parallel()
	const minAnswered = 239
	e := New()
	defer e.Close()
	spec := map[string]bool{}
	for _, op := range specOperations() {
		spec[op.method+" "+op.path] = true
	}
	for _, rt := range e.routes.by {
		for _, r := range rt {
			if !spec[r.method+" "+r.pattern] {
				t.Errorf("route %s %s is not an operation of the spec", r.method, r.pattern)
			}
		}
	}
	var missing []string
	answered := 0
	for _, op := range specOperations() {
		path := op.path
		for strings.Contains(path, "{") {
			i, j := strings.Index(path, "{"), strings.Index(path, "}")
			path = path[:i] + "x_placeholder" + path[j+1:]
		}
		req := httptest.NewRequest(op.method, "http://emulator/v1"+path, nil)
		req.Header.Set("Authorization", "Bearer "+e.SecretKey())
		rec := httptest.NewRecorder()
		e.serveHTTP(rec, req)
		if rec.Code == http.StatusNotImplemented {
			missing = append(missing, op.method+" "+op.path)
			continue
		}
		answered++
	}
	t.Logf("%d of %d operations answer; 501 for: %s", answered, len(specOperations()), strings.Join(missing, ", "))
	if answered < minAnswered || len(missing) > 0 {
		t.Errorf("%d operations answer, want all %d; 501 for %v", answered, minAnswered, missing)
	}
}
