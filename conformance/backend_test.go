package conformance

import (
	"strings"
	"testing"
)

// TestClerkBackend drives the standalone emulator with @clerk/backend
// 3.25.0: every resource method of its Backend API client, as enumerated
// from the package by js/backend.mjs, must be called, and every call must
// get what Clerk would give, unless it is on knownBackendFailures (a
// ratchet) or backendExceptions.
func TestClerkBackend(t *testing.T) {
	e := StartEmulator(t)
	j := NewJudge(t)
	run := RunNode(t, e, "backend.mjs")

	if len(run.Methods) < 150 {
		t.Fatalf("the driver enumerated %d methods of the client; @clerk/backend 3.25.0 has more", len(run.Methods))
	}
	called := map[string]bool{}
	for _, c := range run.Calls {
		method, _, _ := strings.Cut(c.Name, "#")
		called[method] = true
	}
	enumerated := map[string]bool{}
	for _, m := range run.Methods {
		enumerated[m] = true
		if !called[m] {
			t.Errorf("@clerk/backend method %s is never called: add a step to js/backend_steps.mjs", m)
		}
	}
	for m := range called {
		if !enumerated[m] {
			t.Errorf("a step calls %s, which the client does not have", m)
		}
	}
	Ratchet(t, "@clerk/backend", j.Results(run), knownBackendFailures, backendExceptions)
}
