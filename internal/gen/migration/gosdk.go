package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
)

// goField is one field of a generated Go struct.
type goField struct {
	Name string // Go name, e.g. PaymentMethodID
	Type string // Go type as written, e.g. clerk.Opt[int64]
}

// sdkModel is what the guide needs from a generated package: its struct
// types and, for each, the fields keyed by JSON name.
type sdkModel struct {
	Package string
	Types   map[string]map[string]goField
	Methods map[string]bool               // methods declared on the package's Service
	Query   map[string]map[string]goField // params types' fields by url tag
	// Home is the package that declares each type: the billing package for
	// params, the root package clerk for the models.
	Home map[string]string
}

// qualified returns the type name with the package that declares it.
func (m *sdkModel) qualified(name string) string {
	if h := m.Home[name]; h != "" {
		return h + "." + name
	}
	return m.Package + "." + name
}

// parseSDK reads the non-test Go files of dir (the generated billing
// package) and indexes their struct types.
func parseSDK(dir string) (*sdkModel, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("migration: reading the SDK package: %w", err)
	}
	m := &sdkModel{Types: map[string]map[string]goField{}, Methods: map[string]bool{}, Query: map[string]map[string]goField{}, Home: map[string]string{}}
	fset := token.NewFileSet()
	// The models live in the root package, beside the resource packages.
	root := filepath.Dir(filepath.Clean(dir))
	if models, err := filepath.Glob(filepath.Join(root, "*_gen.go")); err == nil {
		for _, path := range models {
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return nil, fmt.Errorf("migration: parsing the SDK models: %w", err)
			}
			m.addFile(fset, f)
		}
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("migration: parsing the SDK package: %w", err)
		}
		m.Package = f.Name.Name
		m.addFile(fset, f)
	}
	if m.Package == "" {
		return nil, fmt.Errorf("migration: no Go files in %s", dir)
	}
	return m, nil
}

// addFile indexes the struct types of one file.
func (m *sdkModel) addFile(fset *token.FileSet, f *ast.File) {
	for _, decl := range f.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok {
			if fd.Recv != nil && len(fd.Recv.List) == 1 && receiverName(fd.Recv.List[0].Type) == "Service" {
				m.Methods[fd.Name.Name] = true
			}
			continue
		}
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts, ok := spec.(*ast.TypeSpec)
			if !ok {
				continue
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				continue
			}
			fields, query := map[string]goField{}, map[string]goField{}
			for _, fl := range st.Fields.List {
				if len(fl.Names) != 1 || fl.Tag == nil {
					continue
				}
				var buf bytes.Buffer
				if err := format.Node(&buf, fset, fl.Type); err != nil {
					continue
				}
				gf := goField{Name: fl.Names[0].Name, Type: buf.String()}
				tag := reflect.StructTag(strings.Trim(fl.Tag.Value, "`"))
				if js := strings.Split(tag.Get("json"), ",")[0]; js != "" && js != "-" {
					fields[js] = gf
				}
				if q := strings.Split(tag.Get("url"), ",")[0]; q != "" && q != "-" {
					query[q] = gf
				}
			}
			m.Types[ts.Name.Name] = fields
			m.Query[ts.Name.Name] = query
			m.Home[ts.Name.Name] = f.Name.Name
		}
	}
}

// receiverName is the type name of a method receiver (*Service gives
// Service).
func receiverName(e ast.Expr) string {
	if st, ok := e.(*ast.StarExpr); ok {
		e = st.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// baseType strips pointers, slices, maps and clerk.Opt from a Go type
// expression: "clerk.Opt[Money]", "Opt[Money]" and "[]*Feature" give "Money"
// and "Feature".
func baseType(t string) string {
	for {
		switch {
		case strings.HasPrefix(t, "*"):
			t = t[1:]
		case strings.HasPrefix(t, "[]"):
			t = t[2:]
		case strings.HasPrefix(t, "clerk.Opt[") && strings.HasSuffix(t, "]"):
			t = t[len("clerk.Opt[") : len(t)-1]
		case strings.HasPrefix(t, "Opt[") && strings.HasSuffix(t, "]"):
			// The root package writes its own Opt unqualified.
			t = t[len("Opt[") : len(t)-1]
		case strings.HasPrefix(t, "map[") && strings.Contains(t, "]"):
			t = t[strings.Index(t, "]")+1:]
		default:
			return t
		}
	}
}

// fieldPath resolves a dotted JSON path from Go type typ: ("Plan",
// "fee.amount") gives "Plan.Fee.Amount" and the last field's Go type.
func (m *sdkModel) fieldPath(typ, path string) (string, string, bool) {
	if m == nil {
		return "", "", false
	}
	names := []string{typ}
	cur, last := typ, ""
	for _, seg := range strings.Split(path, ".") {
		fields, ok := m.Types[cur]
		if !ok {
			return "", "", false
		}
		f, ok := fields[seg]
		if !ok {
			return "", "", false
		}
		names = append(names, f.Name)
		cur, last = baseType(f.Type), f.Type
	}
	return strings.Join(names, "."), last, true
}

// goTypeOf names the Go type of a spec component: the overlay's name when
// it has one and the package declares it, otherwise the spec name when the
// package happens to declare that.
func (m *sdkModel) goTypeOf(schema string, names map[string]string) (string, bool) {
	if m == nil {
		return "", false
	}
	if n, ok := names[schema]; ok {
		if _, ok := m.Types[n]; ok {
			return n, true
		}
	}
	if _, ok := m.Types[schema]; ok {
		return schema, true
	}
	return "", false
}

// fieldPathTag finds the field of typ whose json or url tag is name (params
// types tag query parameters with url), returning "Type.Field".
func (m *sdkModel) fieldPathTag(typ, name string) (string, string, bool) {
	if p, t, ok := m.fieldPath(typ, name); ok {
		return p, t, true
	}
	f, ok := m.Query[typ][name]
	if !ok {
		return "", "", false
	}
	return typ + "." + f.Name, f.Type, true
}
