package sdkgo

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/conformance"
)

// module is the Go module of clerk-sdk-go v2.
const module = "github.com/clerk/clerk-sdk-go/v2"

// Functions lists the package-level API functions of the clerk-sdk-go
// version the calling module selects ("package.Function"), read from the
// module's source: the exported functions of every package's api.go, which
// is where the SDK keeps its package-level API. It also returns the version.
func Functions(t testing.TB) ([]string, string) {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-json", module).Output()
	if err != nil {
		t.Fatalf("go list -m %s: %v", module, err)
	}
	var m struct{ Dir, Version string }
	if err := json.Unmarshal(out, &m); err != nil || m.Dir == "" {
		t.Fatalf("go list -m %s: no source directory (%v)", module, err)
	}
	entries, err := os.ReadDir(m.Dir)
	if err != nil {
		t.Fatal(err)
	}
	var funcs []string
	for _, d := range entries {
		api := filepath.Join(m.Dir, d.Name(), "api.go")
		if !d.IsDir() {
			continue
		}
		if _, err := os.Stat(api); err != nil {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), api, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("parse %s: %v", api, err)
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.IsExported() {
				funcs = append(funcs, f.Name.Name+"."+fn.Name.Name)
			}
		}
	}
	sort.Strings(funcs)
	return funcs, m.Version
}

// Conform runs the steps against a fresh standalone emulator and fails the
// test when a package function of the selected clerk-sdk-go is never
// called, when a call fails without being on known, or when a call on known
// passes.
func Conform(t *testing.T, steps []Step, known map[string]conformance.Known, exceptions map[string]string) {
	funcs, version := Functions(t)
	if len(funcs) < 100 {
		t.Fatalf("found %d package functions in clerk-sdk-go %s; it has more", len(funcs), version)
	}
	called := map[string]bool{}
	for _, s := range steps {
		name, _, _ := strings.Cut(s.Name, "#")
		called[name] = true
	}
	missing := 0
	for _, f := range funcs {
		if !called[f] {
			t.Errorf("clerk-sdk-go %s: %s is never called: add a step", version, f)
			missing++
		}
	}
	e := conformance.StartEmulator(t)
	j := conformance.NewJudge(t)
	calls := Run(t, e, steps)
	results := make([]conformance.Result, 0, len(calls))
	for _, c := range calls {
		results = append(results, conformance.Result{Name: c.Name, Err: j.Call(c)})
	}
	t.Logf("clerk-sdk-go %s: %d package functions, %d never called", version, len(funcs), missing)
	conformance.Ratchet(t, "clerk-sdk-go "+version, results, known, exceptions)
}
