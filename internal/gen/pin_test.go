package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/internal/spec"
	"github.com/getkin/kin-openapi/openapi3"
)

// TestSpecPin checks that the pinned Backend API spec passes its pin, and
// that a file differing by one byte, or declaring another version, fails
// with a message naming the file and the pinned SHA-256.
func TestSpecPin(t *testing.T) {
	t.Parallel()
	path := spec.Need(t, "CLERK_BAPI_SPEC", spec.BAPI)
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	load := func(p string) *openapi3.T {
		doc, err := openapi3.NewLoader().LoadFromFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	doc := load(path)
	if err := bapiPin().check(path, doc); err != nil {
		t.Fatalf("the pinned spec fails its pin: %v", err)
	}
	dir := t.TempDir()
	changed := filepath.Join(dir, "changed.yml")
	if err := os.WriteFile(changed, append(append([]byte{}, orig...), "\n# one more line\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	err = bapiPin().check(changed, doc)
	if err == nil || !strings.Contains(err.Error(), changed) || !strings.Contains(err.Error(), bapiPin().SHA256) {
		t.Fatalf("a changed file: err = %v, want one naming %s and the pinned SHA-256", err, changed)
	}
	other := *doc
	other.Info = &openapi3.Info{Version: "2099-01-01"}
	if err := bapiPin().check(path, &other); err == nil || !strings.Contains(err.Error(), `"2099-01-01"`) {
		t.Fatalf("another version: err = %v, want one naming it", err)
	}
}
