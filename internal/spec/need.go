package spec

import (
	"os"
	"strconv"
	"testing"
)

// InCI reports whether the CI environment variable says this is a CI run
// (any value strconv.ParseBool reads as true, as CI services set it).
func InCI() bool {
	ok, _ := strconv.ParseBool(os.Getenv("CI"))
	return ok
}

// NeedFile ends the test when the spec file at path is missing: under CI it
// is a failure, since a spec-driven check that skips there would pass
// without checking anything; elsewhere it is a skip whose message names the
// path and the environment variable env that points to the spec.
func NeedFile(tb testing.TB, path, env string) {
	tb.Helper()
	_, err := os.Stat(path)
	if err == nil {
		return
	}
	if InCI() {
		tb.Fatalf("spec not found at %s (%v): under CI a spec-driven test must not skip; put the spec there or set %s", path, err, env)
	}
	tb.Skipf("spec not found at %s: skipping this spec-driven test (set %s to its path to run it)", path, env)
}

// Need returns the path of the spec rel (as Path finds it, env overriding)
// and ends the test as NeedFile does when the file is missing.
func Need(tb testing.TB, env, rel string) string {
	tb.Helper()
	p, err := Path(env, rel)
	if err != nil {
		tb.Fatalf("locating spec %s: %v", rel, err)
	}
	NeedFile(tb, p, env)
	return p
}
