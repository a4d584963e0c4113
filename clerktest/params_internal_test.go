package clerktest

import (
	"slices"
	"testing"
)

// TestEverySpecParameterIsImplemented checks that every route lists every
// query and body parameter the spec defines for its operation: the lists
// say what the handler reads, and no documented parameter may be refused
// or ignored.
func TestEverySpecParameterIsImplemented(t *testing.T) {
	t.Parallel()
	e := New()
	defer e.Close()
	n := 0
	for _, rs := range e.routes.by {
		for _, r := range rs {
			if r.spec == nil {
				t.Errorf("%s %s is not an operation of the spec", r.method, r.pattern)
				continue
			}
			for _, q := range r.spec.query {
				n++
				if !slices.Contains(r.query, q) {
					t.Errorf("%s %s: query parameter %s is not implemented", r.method, r.pattern, q)
				}
			}
			for _, b := range r.spec.body {
				n++
				if !slices.Contains(r.body, b) {
					t.Errorf("%s %s: body parameter %s is not implemented", r.method, r.pattern, b)
				}
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d spec parameters seen; the spec table looks truncated", n)
	}
	t.Logf("%d spec parameters, all implemented", n)
}

// TestIgnoredBodyKeysAreUndeclared checks that every key the emulator
// accepts and ignores names a spec operation that does not define it: an
// entry goes once the spec declares the key (the handler must then
// implement it).
func TestIgnoredBodyKeysAreUndeclared(t *testing.T) {
	t.Parallel()
	ops := map[string]specOperation{}
	for _, op := range specOperations() {
		ops[op.method+" "+op.path] = op
	}
	for route, keys := range ignoredBodyKeys {
		op, ok := ops[route]
		if !ok {
			t.Errorf("%s is not an operation of the spec", route)
			continue
		}
		for _, k := range keys {
			if slices.Contains(op.body, k) {
				t.Errorf("%s: the spec now defines %s; implement it instead of ignoring it", route, k)
			}
		}
	}
}
