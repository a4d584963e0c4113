package main

import (
	"strings"
	"testing"
)

func TestCellAndTidy(t *testing.T) {
	t.Parallel()
	cells := map[string]string{"": " ", "a|b": `a\|b`, "x\ny": "x y", "plain": "plain"}
	for in, want := range cells {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
	got := string(tidy([]byte("\n# T  \n\n\n\ntext\t\n\n")))
	if got != "# T\n\ntext\n" {
		t.Errorf("tidy = %q", got)
	}
}

func TestParseSnippets(t *testing.T) {
	t.Parallel()
	src := "package main\n\n// snippetA says hi.\nfunc snippetA() {\n\tprintln(1)\n}\n\nfunc helper() {}\n\nfunc snippetB() {}\n"
	got, err := parseSnippets(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["snippetA"] != "// snippetA says hi.\nfunc snippetA() {\n\tprintln(1)\n}" || got["snippetB"] != "func snippetB() {}" {
		t.Errorf("parseSnippets = %q", got)
	}
	if _, err := parseSnippets("not go"); err == nil {
		t.Error("want a parse error")
	}
}

func TestEmbeddedSnippetsAreAllUsed(t *testing.T) {
	t.Parallel()
	snippets, err := parseSnippets(snippetSource)
	if err != nil {
		t.Fatal(err)
	}
	if len(snippets) == 0 {
		t.Fatal("no snippets found in snippets_test.go")
	}
	for name := range snippets {
		if !strings.Contains(guideTemplate, `{{snippet "`+name+`"}}`) {
			t.Errorf("%s is not shown in guide.md.tmpl", name)
		}
	}
}

func TestRenderTemplate(t *testing.T) {
	t.Parallel()
	g := &guide{OldVersion: "old", NewVersion: "new", Changed: []endpointRow{{OldMethod: "GET", OldPath: "/a", NewMethod: "GET", NewPath: "/b", SDK: "x|y"}}}
	tests := []struct {
		name, tmpl, want, wantErr string
	}{
		{name: "fields and cell", tmpl: "{{.OldVersion}}>{{.NewVersion}}\n\n\n{{range .Changed}}{{cell .SDK}}{{end}}  ", want: "old>new\n\nx\\|y\n"},
		{name: "code", tmpl: "{{code .OldVersion}}{{code \"\"}}", want: "`old`\n"},
		{name: "snippet", tmpl: `{{snippet "snippetStatements"}}`, want: "```go\n// snippetStatements"},
		{name: "unknown snippet", tmpl: `{{snippet "snippetNope"}}`, wantErr: "has no function snippetNope"},
		{name: "unknown field", tmpl: `{{.Nope}}`, wantErr: "rendering the guide"},
		{name: "bad template", tmpl: `{{`, wantErr: "parsing the guide template"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := renderTemplate(tt.tmpl, g)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(got), tt.want) {
				t.Errorf("got %q, want prefix %q", got, tt.want)
			}
		})
	}
}
