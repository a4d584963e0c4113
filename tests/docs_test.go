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

// TestEveryExportedFieldIsDocumented parses the generated files of the SDK
// (the root models and every package's params and services) and fails on an
// exported type, or an exported field of an exported struct, that has no
// comment; it also counts the documented fields of the root models.
func TestEveryExportedFieldIsDocumented(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	rootFields := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || d.Name() == "internal" || d.Name() == "tests" || d.Name() == "bench" || d.Name() == "examples" || d.Name() == "cmd") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_gen.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		root := filepath.Dir(path) == ".."
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				if !ts.Name.IsExported() {
					continue
				}
				if ts.Doc == nil && gd.Doc == nil {
					t.Errorf("%s: type %s has no comment", fset.Position(ts.Pos()), ts.Name.Name)
				}
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				for _, fl := range st.Fields.List {
					for _, n := range fl.Names {
						if !n.IsExported() {
							continue
						}
						if fl.Doc == nil && fl.Comment == nil {
							t.Errorf("%s: field %s.%s has no comment", fset.Position(n.Pos()), ts.Name.Name, n.Name)
						} else if root && strings.HasSuffix(path, "_gen.go") {
							rootFields++
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
	if rootFields < 1000 {
		t.Fatalf("only %d documented root model fields found; the walk is not reaching them", rootFields)
	}
	t.Logf("%d root model fields documented", rootFields)
}
