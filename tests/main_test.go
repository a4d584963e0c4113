package tests

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/internal/spec"
)

// TestMain runs the package's tests and then, when every test ran, fails
// the run if allowedAbsences holds an entry no emulator answer needed.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && fullRun() {
		if stale := staleAbsences(); len(stale) > 0 {
			fmt.Fprintf(os.Stderr, "FAIL: allowedAbsences has entries no emulator answer of this run left out; remove them: %s\n", strings.Join(stale, ", "))
			code = 1
		}
	}
	os.Exit(code)
}

// fullRun reports whether the run covered every test: under CI (where no
// spec-driven test skips) and without -run, -skip or -short narrowing it.
func fullRun() bool {
	if !spec.InCI() || testing.Short() {
		return false
	}
	for _, name := range []string{"test.run", "test.skip"} {
		if f := flag.Lookup(name); f != nil && f.Value.String() != "" {
			return false
		}
	}
	return true
}
