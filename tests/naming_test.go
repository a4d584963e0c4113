package tests

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/clerkgo/clerk/internal/registry"
)

// The naming rules of internal/gen/overlay/README.md, as far as code can
// check them, over the registry of operations and the exported API.

// verbsOf are the verbs each HTTP method's calls may start with. POST is the
// method of actions (Ban, Lock, Verify, ...), so it is only kept from the
// verbs that belong to other methods (see reservedVerbs).
var verbsOf = map[string][]string{
	"GET":    {"Get", "List", "Count"},
	"PATCH":  {"Update"},
	"PUT":    {"Replace", "Upload"},
	"DELETE": {"Delete", "Remove", "Revoke", "Cancel"},
}

// reservedVerbs belong to one HTTP method: a Replace is always a PUT that
// overwrites, an Update always a PATCH, and so on.
var reservedVerbs = map[string]string{
	"Get": "GET", "List": "GET", "Count": "GET", "Update": "PATCH", "Replace": "PUT",
	"Upload": "", "Delete": "DELETE", "Create": "POST",
}

// namingExceptions are calls whose verb breaks a rule on purpose.
var namingExceptions = map[string]string{
	// The deprecated beta route of ChangeDomain: one action, one verb.
	"instance.ChangeDomainBeta": "PUT",
}

// verb returns the leading word of a method name.
func verb(method string) string {
	for i, r := range method {
		if i > 0 && unicode.IsUpper(r) {
			return method[:i]
		}
	}
	return method
}

func TestOneVerbPerHTTPShape(t *testing.T) {
	t.Parallel()
	for _, op := range registry.Operations() {
		name := op.Package + "." + op.GoMethod
		if namingExceptions[name] == op.Method {
			continue
		}
		v := verb(op.GoMethod)
		if allowed, ok := verbsOf[op.Method]; ok {
			found := false
			for _, a := range allowed {
				found = found || a == v
			}
			if !found {
				t.Errorf("%s (%s %s): a %s call starts with one of %v, not %s", name, op.Method, op.Path, op.Method, allowed, v)
			}
		}
		if m, ok := reservedVerbs[v]; ok && m != "" && m != op.Method {
			t.Errorf("%s (%s %s): %s is the verb of %s calls only", name, op.Method, op.Path, v, m)
		}
		if strings.HasSuffix(op.Path, "/bulk") != strings.HasSuffix(op.GoMethod, "Bulk") && !strings.Contains(op.Path, "/ban") && !strings.Contains(op.Path, "/unban") {
			t.Errorf("%s (%s %s): bulk routes, and only they, end in Bulk", name, op.Method, op.Path)
		}
		for _, word := range []string{"SecretKey", "Commerce"} {
			if strings.Contains(op.GoMethod, word) {
				t.Errorf("%s: %q is not one of the SDK's words (say Secret, Billing)", name, word)
			}
		}
	}
}

// TestNoStutterAndBulkItems parses every generated package: no exported
// type repeats its package's name (enterpriseconnections.EnterpriseConnection...,
// clerk.Clerk...), and the element of a bulk call's slice is named
// <Method>Item, for one element.
func TestNoStutterAndBulkItems(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join("..", "*", "*_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	root, err := filepath.Glob(filepath.Join("..", "*_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	bulk := 0
	for _, path := range append(files, root...) {
		if strings.Contains(path, string(os.PathSeparator)+"internal"+string(os.PathSeparator)) || strings.Contains(path, "tests"+string(os.PathSeparator)) {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		pkg := f.Name.Name
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok || !ts.Name.IsExported() {
						continue
					}
					lower := strings.ToLower(ts.Name.Name)
					if strings.HasPrefix(lower, pkg) || len(pkg) > 4 && strings.HasPrefix(lower, strings.TrimSuffix(pkg, "s")) {
						t.Errorf("%s.%s stutters", pkg, ts.Name.Name)
					}
				}
			case *ast.FuncDecl:
				if d.Recv == nil || !strings.HasSuffix(d.Name.Name, "Bulk") {
					continue
				}
				for _, p := range d.Type.Params.List {
					arr, ok := p.Type.(*ast.ArrayType)
					if !ok {
						continue
					}
					bulk++
					elem := arr.Elt
					if star, ok := elem.(*ast.StarExpr); ok {
						elem = star.X
					}
					if id, ok := elem.(*ast.Ident); !ok || id.Name != d.Name.Name+"Item" {
						t.Errorf("%s.%s takes a slice of %v; name the element %sItem", pkg, d.Name.Name, elem, d.Name.Name)
					}
				}
			}
		}
	}
	if bulk < 3 {
		t.Fatalf("only %d bulk calls with a slice found; the walk is not reaching them", bulk)
	}
}
