package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"text/template"
)

// guideTemplate holds the hand-written prose of MIGRATING.md around the
// generated tables.
//
//go:embed guide.md.tmpl
var guideTemplate string

// snippetSource holds the Go snippets the guide shows. They live in a test
// file so that `go test` compiles and runs every one of them against the
// real billing package.
//
//go:embed snippets_test.go
var snippetSource string

// render executes the guide template.
func render(g *guide) ([]byte, error) {
	return renderTemplate(guideTemplate, g)
}

// renderTemplate executes the template text tmpl for g.
func renderTemplate(tmpl string, g *guide) ([]byte, error) {
	snippets, err := parseSnippets(snippetSource)
	if err != nil {
		return nil, err
	}
	funcs := template.FuncMap{
		"cell": cell,
		"code": func(s string) string {
			if s == "" {
				return ""
			}
			return "`" + s + "`"
		},
		"snippet": func(name string) (string, error) {
			s, ok := snippets[name]
			if !ok {
				return "", fmt.Errorf("migration: snippets_test.go has no function %s", name)
			}
			return "```go\n" + s + "\n```", nil
		},
	}
	t, err := template.New("guide").Funcs(funcs).Option("missingkey=error").Parse(tmpl)
	if err != nil {
		return nil, fmt.Errorf("migration: parsing the guide template: %w", err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, g); err != nil {
		return nil, fmt.Errorf("migration: rendering the guide: %w", err)
	}
	return tidy(buf.Bytes()), nil
}

// cell makes s safe inside a Markdown table cell.
func cell(s string) string {
	if s == "" {
		return " "
	}
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

// tidy trims trailing spaces and collapses runs of blank lines, so the
// template can be laid out for reading.
func tidy(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	out := make([]string, 0, len(lines))
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return []byte(strings.TrimSpace(strings.Join(out, "\n")) + "\n")
}

// parseSnippets returns the source of every top-level function of src
// whose name starts with "snippet", keyed by name, with its doc comment.
func parseSnippets(src string) (map[string]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "snippets_test.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("migration: parsing snippets: %w", err)
	}
	out := map[string]string{}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || !strings.HasPrefix(fd.Name.Name, "snippet") {
			continue
		}
		start := fd.Pos()
		if fd.Doc != nil {
			start = fd.Doc.Pos()
		}
		out[fd.Name.Name] = src[fset.Position(start).Offset:fset.Position(fd.End()).Offset]
	}
	return out, nil
}
