package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sampleSDK = `package billing

import "github.com/clerkgo/clerk"

type Service struct{}

func (s *Service) ListPlans() {}
func (s Service) AllPlans()   {}
func helper()                 {}

type Money struct {
	Amount int64 ` + "`json:\"amount\"`" + `
}

type Plan struct {
	Fee     *Money            ` + "`json:\"fee\"`" + `
	Notes   clerk.Opt[string] ` + "`json:\"notes,omitzero\"`" + `
	Tiers   []*Money          ` + "`json:\"tiers,omitempty\"`" + `
	Hidden  string            ` + "`json:\"-\"`" + `
	untagged string
}

type ListPlansParams struct {
	PayerType clerk.Opt[string] ` + "`url:\"payer_type,omitempty\" json:\"-\"`" + `
}
`

func writeSDK(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestParseSDK(t *testing.T) {
	t.Parallel()
	dir := writeSDK(t, map[string]string{"models.go": sampleSDK, "x_test.go": "package billing\n\ntype Plan struct{}\n", "notes.txt": "ignored"})
	m, err := parseSDK(dir)
	if err != nil {
		t.Fatalf("parseSDK: %v", err)
	}
	tests := []struct {
		typ, path, wantPath, wantType string
		ok                            bool
	}{
		{"Plan", "fee", "Plan.Fee", "*Money", true},
		{"Plan", "fee.amount", "Plan.Fee.Amount", "int64", true},
		{"Plan", "tiers.amount", "Plan.Tiers.Amount", "int64", true},
		{"Plan", "notes", "Plan.Notes", "clerk.Opt[string]", true},
		{"Plan", "fee.cents", "", "", false},
		{"Plan", "Hidden", "", "", false},
		{"Plan", "untagged", "", "", false},
		{"Nope", "fee", "", "", false},
	}
	for _, tt := range tests {
		p, typ, ok := m.fieldPath(tt.typ, tt.path)
		if p != tt.wantPath || typ != tt.wantType || ok != tt.ok {
			t.Errorf("fieldPath(%s, %s) = %q, %q, %v; want %q, %q, %v", tt.typ, tt.path, p, typ, ok, tt.wantPath, tt.wantType, tt.ok)
		}
	}
	if m.Package != "billing" || !m.Methods["ListPlans"] || !m.Methods["AllPlans"] || m.Methods["helper"] {
		t.Errorf("package %q, methods %v", m.Package, m.Methods)
	}
	if p, _, ok := m.fieldPathTag("ListPlansParams", "payer_type"); !ok || p != "ListPlansParams.PayerType" {
		t.Errorf("fieldPathTag = %q, %v", p, ok)
	}
	names := map[string]string{"CommercePlan": "Plan", "Ghost": "Missing"}
	for schema, want := range map[string]string{"CommercePlan": "Plan", "Money": "Money", "Ghost": "", "Other": ""} {
		if got, _ := m.goTypeOf(schema, names); got != want {
			t.Errorf("goTypeOf(%s) = %q, want %q", schema, got, want)
		}
	}
}

func TestParseSDKErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no go files", map[string]string{"a_test.go": "package billing\n"}, "no Go files"},
		{"syntax error", map[string]string{"a.go": "package billing\nfunc {"}, "parsing the SDK package"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := parseSDK(writeSDK(t, tt.files))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
	if _, err := parseSDK(filepath.Join(t.TempDir(), "absent")); err == nil {
		t.Error("want an error for a missing directory")
	}
}

func TestBaseType(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Money":                      "Money",
		"*Money":                     "Money",
		"[]*Feature":                 "Feature",
		"clerk.Opt[Totals]":          "Totals",
		"map[string]any":             "any",
		"clerk.Opt[[]*PerUnitTotal]": "PerUnitTotal",
	} {
		if got := baseType(in); got != want {
			t.Errorf("baseType(%q) = %q, want %q", in, got, want)
		}
	}
}
