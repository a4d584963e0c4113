package tests

import (
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/clerkgo/clerk/internal/registry"
)

// TestReadmePackageTable keeps the README's package table in step with the
// generated registry: every package listed once, with its operation count.
func TestReadmePackageTable(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, op := range registry.Operations() {
		want[op.Package]++
	}
	row := regexp.MustCompile("(?m)^\\| \\[`([a-z0-9]+)`\\]\\(\\./[a-z0-9]+\\) \\| [^|]+ \\| (\\d+) \\|$")
	got := map[string]int{}
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		n, _ := strconv.Atoi(m[2])
		if _, dup := got[m[1]]; dup {
			t.Errorf("README lists %s twice", m[1])
		}
		got[m[1]] = n
	}
	for pkg, n := range want {
		if got[pkg] != n {
			t.Errorf("README says %s has %d operations, the registry %d", pkg, got[pkg], n)
		}
	}
	for pkg := range got {
		if _, ok := want[pkg]; !ok {
			t.Errorf("README lists %s, which the registry does not have", pkg)
		}
	}
}
