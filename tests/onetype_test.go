package tests

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"iter"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/organizations"
	"github.com/clerkgo/clerk/users"
	"github.com/clerkgo/clerk/webhooks"
)

// The webhook payloads are the Backend API's models: these lines stop
// compiling if user.created and users.Get (or organizationMembership.created
// and organizations.ListMemberships) ever use different types.
var (
	_ func(*webhooks.Dispatcher, func(context.Context, *webhooks.Event, *clerk.User) error)                                                                               = (*webhooks.Dispatcher).OnUserCreated
	_ func(*users.Service, context.Context, string, ...clerk.RequestOption) (*clerk.User, error)                                                                          = (*users.Service).Get
	_ func(*webhooks.Dispatcher, func(context.Context, *webhooks.Event, *clerk.OrganizationMembership) error)                                                             = (*webhooks.Dispatcher).OnOrganizationMembershipCreated
	_ func(*organizations.Service, context.Context, string, *organizations.ListMembershipsParams, ...clerk.RequestOption) iter.Seq2[*clerk.OrganizationMembership, error] = (*organizations.Service).AllMemberships
)

// goStruct is one struct type declared in the module.
type goStruct struct {
	name   string // package.Type
	file   string
	fields map[string]bool // JSON names
}

// moduleStructs parses every non-test Go file of the module (the generator
// and this folder aside) and returns its struct types with JSON fields.
func moduleStructs(t *testing.T) []goStruct {
	t.Helper()
	var out []goStruct
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || path == filepath.Join("..", "internal", "gen") || path == filepath.Join("..", "tests")) {
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
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			g := goStruct{name: f.Name.Name + "." + ts.Name.Name, file: path, fields: map[string]bool{}}
			for _, fl := range st.Fields.List {
				if fl.Tag == nil {
					continue
				}
				tag, _ := strconv.Unquote(fl.Tag.Value)
				if js := strings.Split(reflect.StructTag(tag).Get("json"), ",")[0]; js != "" && js != "-" {
					g.fields[js] = true
				}
			}
			if len(g.fields) > 0 {
				out = append(out, g)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// pendingCopies are hand-written mirrors of root models still declared
// somewhere; the emulator now answers with the models themselves, so none
// is left. Each entry must still exist, so the list only shrinks.
var pendingCopies = map[string]bool{}

// TestOneTypePerObject fails when a Clerk object has a second Go type: a
// struct outside the root models that carries every wire field of a root
// model (a copy of it), or two root models with the same wire fields.
func TestOneTypePerObject(t *testing.T) {
	t.Parallel()
	all := moduleStructs(t)
	var models, others []goStruct
	for _, s := range all {
		switch {
		case strings.HasPrefix(s.name, "clerk.") && strings.HasSuffix(s.file, "_gen.go"):
			models = append(models, s)
		case strings.HasSuffix(s.file, "params_gen.go"):
			// Request bodies are not answers; they may share field names.
		default:
			others = append(others, s)
		}
	}
	if len(models) < 120 {
		t.Fatalf("only %d root models found; the walk is not reaching the generated files", len(models))
	}
	contains := func(a, b map[string]bool) bool {
		for k := range b {
			if !a[k] {
				return false
			}
		}
		return true
	}
	seen := map[string]bool{}
	var copies []string
	for _, m := range models {
		if len(m.fields) < 4 {
			continue
		}
		for _, o := range others {
			if contains(o.fields, m.fields) {
				seen[o.name] = true
				if !pendingCopies[o.name] {
					copies = append(copies, o.name+" ("+o.file+") copies "+m.name)
				}
			}
		}
	}
	for i, a := range models {
		for _, b := range models[i+1:] {
			if len(a.fields) >= 3 && len(a.fields) == len(b.fields) && contains(a.fields, b.fields) && !distinctObjects[a.name+" "+b.name] {
				copies = append(copies, a.name+" and "+b.name+" have the same wire fields")
			}
		}
	}
	for name := range pendingCopies {
		if !seen[name] {
			t.Errorf("%s no longer copies a model: remove it from pendingCopies", name)
		}
	}
	sort.Strings(copies)
	for _, c := range copies {
		t.Error(c)
	}
	t.Logf("%d root models, %d other struct types checked", len(models), len(others))
}

// distinctObjects are pairs of root models with the same fields that are
// different Clerk objects (their object values differ).
var distinctObjects = map[string]bool{
	// A deleted API key and a deleted machine are answers of different
	// deletes; both say which object went away.
	"clerk.DeletedAPIKey clerk.DeletedMachine": true,
	// The deletes of API version 2026-05-12's group-role mappings say which
	// kind of mapping went away; the two mappings differ in their object.
	"clerk.DeletedAPIKey clerk.DeletedDirectoryGroupRoleMapping":               true,
	"clerk.DeletedAPIKey clerk.DeletedSCIMGroupRoleMapping":                    true,
	"clerk.DeletedDirectoryGroupRoleMapping clerk.DeletedMachine":              true,
	"clerk.DeletedDirectoryGroupRoleMapping clerk.DeletedSCIMGroupRoleMapping": true,
	"clerk.DeletedSCIMGroupRoleMapping clerk.DeletedMachine":                   true,
	"clerk.DirectoryGroupRoleMapping clerk.SCIMGroupRoleMapping":               true,
	// The directory of an enterprise connection and a SCIM directory.
	"clerk.Directory clerk.SCIMDirectory":                                              true,
	"clerk.DirectoryCustomAttributeItem clerk.EnterpriseConnectionCustomAttributeItem": true,
	// What a test run parsed from the IdP, and how a connection maps attributes.
	"clerk.EnterpriseConnectionTestRunParsedUserInfo clerk.SAMLConnectionAttributeMapping": true,
}
