package tests

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestOptFieldsAreOmitzero parses every Go file of the module and checks
// that each clerk.Opt struct field can be left out of the wire: JSON fields
// carry omitzero (an omitted Opt must never be marshalled), query fields
// omitempty, and multipart fields are kept out of JSON.
func TestOptFieldsAreOmitzero(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			st, ok := n.(*ast.StructType)
			if !ok {
				return true
			}
			for _, fl := range st.Fields.List {
				if !isOpt(fl.Type) || len(fl.Names) == 0 {
					continue
				}
				checked++
				tag := ""
				if fl.Tag != nil {
					tag, _ = strconv.Unquote(fl.Tag.Value)
				}
				if msg := optTagProblem(reflect.StructTag(tag)); msg != "" {
					t.Errorf("%s: field %s: %s (tag %q)", fset.Position(fl.Pos()), fl.Names[0].Name, msg, tag)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 500 {
		t.Fatalf("only %d Opt fields found; the walk is not reaching the generated packages", checked)
	}
	t.Logf("%d clerk.Opt fields checked", checked)
}

// isOpt reports whether a field type is clerk.Opt[...] (or Opt[...] inside
// the root package).
func isOpt(e ast.Expr) bool {
	idx, ok := e.(*ast.IndexExpr)
	if !ok {
		return false
	}
	switch x := idx.X.(type) {
	case *ast.SelectorExpr:
		pkg, ok := x.X.(*ast.Ident)
		return ok && pkg.Name == "clerk" && x.Sel.Name == "Opt"
	case *ast.Ident:
		return x.Name == "Opt"
	}
	return false
}

func optTagProblem(tag reflect.StructTag) string {
	js, hasJSON := tag.Lookup("json")
	if js == "-" {
		if u, ok := tag.Lookup("url"); ok && strings.Contains(u, "omitempty") {
			return ""
		}
		if _, ok := tag.Lookup("form"); ok {
			return ""
		}
		return "a field kept out of JSON must be a query (url omitempty) or form field"
	}
	if !hasJSON {
		return "no json tag"
	}
	opts := strings.Split(js, ",")[1:]
	for _, o := range opts {
		if o == "omitzero" {
			if u, ok := tag.Lookup("url"); ok && u != "-" && !strings.Contains(u, "omitempty") {
				return "url tag without omitempty"
			}
			return ""
		}
	}
	return "json tag without omitzero"
}
