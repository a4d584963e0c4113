package tests

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// A field comment restates its name when one of its sentences, once the
// words of the field's name (Go and JSON), of the struct's name and of the
// field's Go type are taken away, together with stop words and the stock
// verbs of a description ("is", "lists", "identifies", ...), has no word
// left. Such a sentence tells a reader nothing the declaration does not:
// "LastUsedAt is the time of the last used" leaves nothing, while "Unix
// milliseconds; absent until the key is first used" leaves "unix",
// "milliseconds", "absent", "until", "first". Words are compared by a crude
// stem (created ~ create, scopes ~ scope), so inflection does not hide a
// restatement.

// restateStopWords carry no information of their own in a field comment.
var restateStopWords = wordSet(`
a an the this that these those it its is are be been being was were has have had
of to in on at for by with from as or and into per about
which who whose what there here
true false whether when reports report identifies identify names name lists list
holds hold gives give says say tells tell contains contain describes describe
represents represent refers refer returns return
id ids time times date number count value values item items thing things
itself kind field fields flag object data info information details detail
one given current corresponding associated related respective
send sent sends query parameter parameters use used set sets
free form type e g i`)

// restatedSentences returns the sentences of a field comment that, by the
// rule above, only restate the field's name. nameWords are the words the
// declaration already shows: the Go and JSON names of the field, the name of
// its struct and its Go type.
func restatedSentences(comment string, nameWords ...string) []string {
	known := map[string]bool{}
	for _, n := range nameWords {
		for _, w := range commentWords(n) {
			known[stem(w)] = true
		}
	}
	var out []string
	for _, s := range sentences(comment) {
		informative := false
		for _, w := range commentWords(s) {
			if !restateStopWords[w] && !restateStopWords[stem(w)] && !known[stem(w)] {
				informative = true
				break
			}
		}
		if !informative {
			out = append(out, s)
		}
	}
	return out
}

// sentences splits comment text at full stops that end a sentence and at
// paragraph breaks.
func sentences(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		start := 0
		for i := 0; i+1 < len(para); i++ {
			if para[i] != '.' || para[i+1] != ' ' || strings.HasSuffix(para[:i], "e.g") || strings.HasSuffix(para[:i], "i.e") {
				continue
			}
			out = append(out, para[start:i])
			start = i + 2
		}
		if rest := strings.TrimSuffix(para[start:], "."); rest != "" {
			out = append(out, rest)
		}
	}
	return out
}

// commentWords splits text into lower-case words: at anything that is not a
// letter or digit, and inside CamelCase identifiers (LastUsedAt, APIKey).
func commentWords(text string) []string {
	var out []string
	for _, tok := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		for _, w := range camelWords(tok) {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// camelWords splits a CamelCase token, keeping runs of capitals together
// (APIKey is API, Key).
func camelWords(s string) []string {
	r := []rune(s)
	var out []string
	start := 0
	for i := 1; i < len(r); i++ {
		if unicode.IsUpper(r[i]) && (!unicode.IsUpper(r[i-1]) || i+1 < len(r) && unicode.IsLower(r[i+1])) {
			out = append(out, string(r[start:i]))
			start = i
		}
	}
	return append(out, string(r[start:]))
}

// stem strips the commonest English inflections so that "created" and
// "create", "scopes" and "scope" compare equal.
func stem(w string) string {
	for _, suffix := range []string{"ing", "ed", "es", "s", "e", "d"} {
		if len(w) > len(suffix)+2 && strings.HasSuffix(w, suffix) && !strings.HasSuffix(w, "ss") {
			return strings.TrimSuffix(w, suffix)
		}
	}
	return w
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func TestRestatedSentences(t *testing.T) {
	t.Parallel()
	cases := []struct {
		comment, field, json, owner, typ string
		restates                         bool
	}{
		{"LastUsedAt is the time of the last used", "LastUsedAt", "last_used_at", "APIKey", "*float64", true},
		{"Unix milliseconds; absent until the key is first used", "LastUsedAt", "last_used_at", "APIKey", "*float64", false},
		{"LastUsedAt is when the key last authenticated a request, in Unix milliseconds.", "LastUsedAt", "last_used_at", "APIKey", "*float64", false},
		{"Name is the name of the API key.", "Name", "name", "APIKey", "string", true},
		{"Scopes lists the scopes of the created API key.", "Scopes", "scopes", "CreatedAPIKey", "[]string", true},
		{"Expired is true when the API key is expired.", "Expired", "expired", "APIKey", "bool", true},
		{"ID identifies the API key.", "ID", "id", "APIKey", "string", true},
		{"Object names the kind of object; it is always \"api_key\".", "Object", "object", "APIKey", "string", false},
		{"OrganizationID is the ID of the organization.", "OrganizationID", "organization_id", "OrganizationMembership", "string", true},
		{"Claims is the claims of the API key. Nil when the API sends null.", "Claims", "claims", "APIKey", "any", true},
		{"Nil when the API sends null.", "Claims", "claims", "APIKey", "any", false},
		{"Roles lists the roles of the role set.", "Roles", "roles", "RoleSet", "[]RoleSetRole", true},
		{"Banned is true when the user is banned and cannot sign in.", "Banned", "banned", "User", "bool", false},
		{"CurrencySymbol is the symbol of the currency, e.g. $.", "CurrencySymbol", "currency_symbol", "Plan", "string", true},
		{"Role is the key of the role, e.g. org:admin.", "Role", "role", "OrganizationMembership", "string", false},
		{"In seconds.", "ExpiresInSeconds", "expires_in_seconds", "CreateParams", "Opt[int64]", true},
	}
	for _, c := range cases {
		got := len(restatedSentences(c.comment, c.field, c.json, c.owner, c.typ)) > 0
		if got != c.restates {
			t.Errorf("%q on %s.%s: restates = %v, want %v (flagged %q)", c.comment, c.owner, c.field, got, c.restates, restatedSentences(c.comment, c.field, c.json, c.owner, c.typ))
		}
	}
}

// TestFieldCommentsSayMoreThanTheName parses the generated files of the SDK
// (the root models and every package's params) and fails on a field comment
// with a sentence that only restates the field's name, and on an exported
// type without a comment. A field may have no comment at all: where the
// spec has nothing to add to the name, silence is better than an echo.
func TestFieldCommentsSayMoreThanTheName(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	var rootFields, rootCommented, paramFields, paramCommented int
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || d.Name() == "internal" || d.Name() == "tests" || d.Name() == "bench" || d.Name() == "examples" || d.Name() == "cmd" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_gen.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		root := filepath.Dir(path) == ".."
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				if !ts.Name.IsExported() {
					continue
				}
				if ts.Doc == nil && gd.Doc == nil {
					t.Errorf("%s: type %s has no comment", fset.Position(ts.Pos()), ts.Name.Name)
				}
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				for _, fl := range st.Fields.List {
					for _, n := range fl.Names {
						if !n.IsExported() {
							continue
						}
						if root {
							rootFields++
						} else {
							paramFields++
						}
						doc := fl.Doc
						if doc == nil {
							doc = fl.Comment
						}
						if doc == nil {
							continue
						}
						if root {
							rootCommented++
						} else {
							paramCommented++
						}
						typ := typeWords(fset, fl.Type)
						for _, s := range restatedSentences(doc.Text(), n.Name, jsonName(fl), ts.Name.Name, typ) {
							t.Errorf("%s: %s.%s: %q only restates the name", fset.Position(n.Pos()), ts.Name.Name, n.Name, s)
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rootFields < 1000 || paramFields < 500 {
		t.Fatalf("only %d root model fields and %d params fields found; the walk is not reaching them", rootFields, paramFields)
	}
	t.Logf("root models: %d of %d fields commented; params: %d of %d", rootCommented, rootFields, paramCommented, paramFields)
}

// jsonName returns the wire name in a field's json or url tag.
func jsonName(fl *ast.Field) string {
	if fl.Tag == nil {
		return ""
	}
	tag := strings.Trim(fl.Tag.Value, "`")
	var names []string
	for _, key := range []string{`json:"`, `url:"`, `form:"`} {
		if i := strings.Index(tag, key); i >= 0 {
			v := tag[i+len(key):]
			v = v[:strings.IndexAny(v, `",`)]
			if v != "-" {
				names = append(names, v)
			}
		}
	}
	return strings.Join(names, " ")
}

// typeWords returns the identifiers of a field's type expression, space-separated.
func typeWords(fset *token.FileSet, e ast.Expr) string {
	var b strings.Builder
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			b.WriteString(id.Name + " ")
		}
		return true
	})
	_ = fset
	return b.String()
}
