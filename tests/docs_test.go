package tests

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryExportedNameIsDocumented holds the hand-written code to the same
// rule: every exported function, method, type, field, constant and
// variable of every public package (the root package, the resource
// packages, auth, webhooks, clerktest, batch, ...) has a comment, so that
// `go doc -all` says something about each of them. A constant or variable
// in a commented group counts as documented. Fields of generated structs
// are the exception: TestFieldCommentsSayMoreThanTheName holds them to a
// different rule (a comment only where it adds to the name).
func TestEveryExportedNameIsDocumented(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != ".." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "internal" || d.Name() == "tests" || d.Name() == "bench" || d.Name() == "examples" || d.Name() == "cmd" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		if f.Name.Name == "main" {
			return nil
		}
		generated := strings.HasSuffix(path, "_gen.go")
		missing := func(pos token.Pos, what string) {
			t.Errorf("%s: %s has no comment", fset.Position(pos), what)
		}
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if !decl.Name.IsExported() || (decl.Recv != nil && !exportedReceiver(decl.Recv)) {
					continue
				}
				checked++
				if decl.Doc == nil {
					missing(decl.Pos(), "func "+decl.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						if !spec.Name.IsExported() {
							continue
						}
						checked++
						if spec.Doc == nil && decl.Doc == nil {
							missing(spec.Pos(), "type "+spec.Name.Name)
						}
						if st, ok := spec.Type.(*ast.StructType); ok && !generated {
							for _, fl := range st.Fields.List {
								for _, n := range fl.Names {
									if n.IsExported() {
										checked++
										if fl.Doc == nil && fl.Comment == nil {
											missing(n.Pos(), "field "+spec.Name.Name+"."+n.Name)
										}
									}
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range spec.Names {
							if n.IsExported() {
								checked++
								if spec.Doc == nil && spec.Comment == nil && decl.Doc == nil {
									missing(n.Pos(), n.Name)
								}
							}
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 2000 {
		t.Fatalf("only %d exported names checked; the walk is not reaching the packages", checked)
	}
	t.Logf("%d exported names documented", checked)
}

// exportedReceiver reports whether a method's receiver type is exported.
func exportedReceiver(recv *ast.FieldList) bool {
	if recv == nil || len(recv.List) == 0 {
		return false
	}
	t := recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.IsExported()
		default:
			return false
		}
	}
}
