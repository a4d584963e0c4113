package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/clerkgo/clerk/internal/spec"
)

// TestGeneratedFileIsCurrent regenerates events_gen.go and compares it with
// the committed file, so a stale file or a non-deterministic generator fails.
func TestGeneratedFileIsCurrent(t *testing.T) {
	t.Parallel()
	path, err := spec.Path("CLERK_WEBHOOKS_SPEC", spec.Webhooks)
	if err != nil {
		t.Fatal(err)
	}
	spec.NeedFile(t, path, "CLERK_WEBHOOKS_SPEC")
	first, err := generate(path)
	if err != nil {
		t.Fatal(err)
	}
	second, err := generate(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Fatal("two runs of the generator differ")
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "..", defaultOut))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, committed) {
		t.Fatal("webhooks/events_gen.go is stale: run go generate ./webhooks")
	}
}
