package tests

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// readmeImports are the packages a README Go fragment may use without
// importing them; the compile test imports them all into every fragment
// (unused imports are not reported).
var readmeImports = []string{
	"context", "encoding/json", "errors", "fmt", "log", "log/slog", "net/http", "os", "testing", "time",
	"github.com/clerkgo/clerk",
	"github.com/clerkgo/clerk/auth",
	"github.com/clerkgo/clerk/billing",
	"github.com/clerkgo/clerk/clerktest",
	"github.com/clerkgo/clerk/organizations",
	"github.com/clerkgo/clerk/users",
	"github.com/clerkgo/clerk/webhooks",
}

// readmeFragmentParams are the names a README fragment may use without
// declaring them, with their types: the context of a snippet, as its prose
// describes it. A fragment's own declarations shadow them.
const readmeFragmentParams = `ctx context.Context, c *clerk.Client, id, token string, other *clerk.User, w http.ResponseWriter, r *http.Request, v *webhooks.Verifier`

// goBlock is one ```go block of a Markdown file.
type goBlock struct {
	line int // of the opening fence
	src  string
}

// goBlocks returns the ```go blocks of a Markdown document.
func goBlocks(doc []byte) []goBlock {
	var blocks []goBlock
	var cur *goBlock
	var body strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(doc))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && line == "```go":
			cur = &goBlock{line: n}
			body.Reset()
		case cur != nil && line == "```":
			cur.src = body.String()
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			body.WriteString(line + "\n")
		}
	}
	return blocks
}

// wrapFragment turns a README Go block into the files it may stand for: a
// complete program stays as it is; a block of declarations gets a package
// clause and the imports; a block of statements becomes the body of a
// function with readmeFragmentParams in scope, that returns an error (as
// a snippet ending in "return err" assumes) or nothing (as a snippet
// inside an http.HandlerFunc does).
func wrapFragment(src string) []string {
	if strings.HasPrefix(src, "package ") {
		return []string{src}
	}
	var b strings.Builder
	b.WriteString("package readme\n\nimport (\n")
	for _, p := range readmeImports {
		b.WriteString("\t\"" + p + "\"\n")
	}
	b.WriteString(")\n\n")
	head := b.String()
	if strings.HasPrefix(src, "func ") || strings.Contains(src, "\nfunc ") {
		return []string{head + src}
	}
	return []string{
		head + "func _(" + readmeFragmentParams + ") error {\n{\n" + src + "}\nreturn nil\n}\n",
		head + "func _(" + readmeFragmentParams + ") {\n{\n" + src + "}\n}\n",
	}
}

// exportData maps the import paths of readmeImports, and their
// dependencies, to their compiled export data, built by go list.
func exportData(t *testing.T) map[string]string {
	t.Helper()
	args := append([]string{"list", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}"}, readmeImports...)
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		t.Fatalf("go list -export: %v", err)
	}
	m := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if path, file, ok := strings.Cut(line, "\t"); ok && file != "" {
			m[path] = file
		}
	}
	return m
}

// TestReadmeGoBlocksCompile type-checks every Go block of README.md, so a
// snippet cannot drift from the API: a complete program as it is, a
// fragment wrapped as wrapFragment says. Unused variables and imports are
// the only errors allowed, since fragments show part of a program.
func TestReadmeGoBlocksCompile(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := goBlocks(doc)
	if len(blocks) < 5 {
		t.Fatalf("found %d Go blocks in README.md; the extraction is broken", len(blocks))
	}
	exports := exportData(t)
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		file, ok := exports[path]
		if !ok {
			return nil, os.ErrNotExist
		}
		return os.Open(file)
	})
	check := func(src string) []string {
		f, err := parser.ParseFile(fset, "README.md block", src, 0)
		if err != nil {
			return []string{"it does not parse: " + err.Error()}
		}
		var problems []string
		conf := types.Config{Importer: imp, Error: func(err error) {
			if te, ok := err.(types.Error); ok && te.Soft && strings.Contains(te.Msg, "not used") {
				return
			}
			problems = append(problems, err.Error())
		}}
		conf.Check("readme", fset, []*ast.File{f}, nil)
		return problems
	}
	for _, b := range blocks {
		var first []string
		for i, src := range wrapFragment(b.src) {
			problems := check(src)
			if len(problems) == 0 {
				first = nil
				break
			}
			if i == 0 {
				first = problems
			}
		}
		if first != nil {
			t.Errorf("README.md:%d: the Go block does not compile:\n%s", b.line, strings.Join(first, "\n"))
		}
	}
	t.Logf("%d Go blocks of README.md type-checked", len(blocks))
}
