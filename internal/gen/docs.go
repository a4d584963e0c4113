package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/clerkgo/clerk/internal/gen/naming"
	"github.com/clerkgo/clerk/internal/gen/overlay"
	"github.com/getkin/kin-openapi/openapi3"
)

// Doc comments are composed from the spec's structured facts (type, format,
// enum, nullability, bounds, deprecation) and the overlay's one-liners; the
// spec's prose is never copied.

// typeDoc returns the doc comment of a declaration, without the slashes.
func typeDoc(d *decl) string {
	if doc, ok := overlay.ModelDocs()[d.Name]; ok {
		return d.Name + " is " + doc
	}
	switch {
	case d.Kind == kindEnum:
		return fmt.Sprintf("%s is a string the API sends with one of the values below; a value added by a later API version decodes as it is.", d.Name)
	case d.Request:
		return d.Name + " is a nested object of a request body."
	case d.where != "":
		return fmt.Sprintf("%s is the %s of %s.", d.Name, words(d.where[strings.IndexByte(d.where, '.')+1:]), article(d.where[:strings.IndexByte(d.where, '.')]))
	}
	return fmt.Sprintf("%s is one %s as the API returns it.", d.Name, words(d.Name))
}

// article returns "a Name" or "an Name".
func article(name string) string {
	if name != "" && strings.ContainsRune("AEIOU", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

// words turns a Go or snake_case name into lower-case words, keeping Go's
// initialisms (SSO, URL, OAuth) as Go spells them.
func words(name string) string {
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == '.' || r == '-' }) {
		for _, part := range splitCamel(w) {
			lower := strings.ToLower(part)
			if c := naming.Camel(lower); len(lower) > 1 && c != strings.ToUpper(lower[:1])+lower[1:] {
				out = append(out, c)
				continue
			}
			out = append(out, lower)
		}
	}
	return strings.Join(out, " ")
}

// splitCamel splits a CamelCase word, keeping runs of capitals together.
func splitCamel(s string) []string {
	var out []string
	start := 0
	for i := 1; i < len(s); i++ {
		lower := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
		upper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
		if upper(s[i]) && (lower(s[i-1]) || i+1 < len(s) && lower(s[i+1]) && upper(s[i-1])) {
			out = append(out, s[start:i])
			start = i
		}
	}
	return append(out, s[start:])
}

// timeVerbs turn the stem of an "..._at" field into a clause.
var timeVerbs = map[string]string{
	"created": "it was created", "updated": "it was last updated", "expire": "it expires",
	"expires": "it expires", "deleted": "it was deleted", "last_active": "it was last active",
	"last_sign_in": "the user last signed in", "abandon": "it will be abandoned if unused",
	"revoked": "it was revoked", "verified": "it was verified", "accepted": "it was accepted",
}

// fieldDoc returns the doc comment of a field of d, without the slashes.
func fieldDoc(d *decl, f *field) string {
	var s *openapi3.Schema
	if f.Schema != nil {
		s = f.Schema.Value
	}
	base := overlay.FieldDocs()[d.Name+"."+f.JSONName]
	if base == "" && !d.Request {
		base = overlay.FieldDocs()["*."+f.JSONName]
	}
	if base == "" && d.Request {
		base = overlay.ParamDocs()[paramDocKey(f)]
	}
	if base == "" {
		base = derivedFieldDoc(d, f, s)
	} else {
		base = f.GoName + " " + base
	}
	var facts []string
	if s != nil {
		facts = append(facts, schemaFacts(f, s)...)
	}
	if !f.Binary && !mentionsNil(base) {
		facts = append(facts, presenceFact(f))
	}
	doc := strings.Join(append([]string{base}, facts...), " ")
	switch {
	case f.VersionDoc != "":
		doc += "\n\n" + f.VersionDoc
	case f.Deprecated || s != nil && s.Deprecated:
		doc += "\n\nDeprecated: the API marks this field as deprecated; it may be removed in a later version."
	}
	return strings.TrimSpace(doc)
}

// paramDocKey is a request field's key in overlay.ParamDocs: its wire
// name, after a "?" for a query parameter.
func paramDocKey(f *field) string {
	if f.Query {
		return "?" + f.JSONName
	}
	return f.JSONName
}

// mentionsNil reports whether an overlay doc already says what nil or null
// means for the field, which makes the generic presence sentence redundant.
func mentionsNil(doc string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(doc), func(r rune) bool { return r < 'a' || r > 'z' }) {
		if w == "nil" || w == "null" {
			return true
		}
	}
	return false
}

// derivedFieldDoc builds the first sentence of a field's comment from its
// name, type and owner, when those say something the name does not: the
// constant value of an object tag, or the unit of a timestamp. Otherwise it
// returns "" and the comment holds only the schema's facts (or nothing):
// "Name is the name of the API key" would tell the reader nothing.
func derivedFieldDoc(d *decl, f *field, s *openapi3.Schema) string {
	name := f.JSONName
	if d.Request {
		return requestFieldDoc(f)
	}
	switch {
	case name == "object" && s != nil && len(s.Enum) == 1:
		return fmt.Sprintf("%s is always %q.", f.GoName, fmt.Sprint(s.Enum[0]))
	case strings.HasSuffix(name, "_at") && s != nil && (isType(s, "integer") || isType(s, "number")):
		if v, ok := timeVerbs[strings.TrimSuffix(name, "_at")]; ok {
			return fmt.Sprintf("%s is when %s, in Unix milliseconds.", f.GoName, v)
		}
		return f.GoName + " is a time in Unix milliseconds."
	}
	return ""
}

// schemaFacts lists what the spec states about a field's values.
func schemaFacts(f *field, s *openapi3.Schema) []string {
	var out []string
	if len(s.Enum) == 1 && f.JSONName != "object" {
		if v, ok := s.Enum[0].(string); ok {
			out = append(out, fmt.Sprintf("Always %q.", v))
		} else {
			out = append(out, fmt.Sprintf("Always %v.", s.Enum[0]))
		}
	}
	if len(s.Enum) > 1 {
		var vals []string
		for _, v := range s.Enum {
			vals = append(vals, fmt.Sprintf("%q", fmt.Sprint(v)))
		}
		if len(vals) == 2 && vals[0] == `"true"` && vals[1] == `"false"` {
			out = append(out, `Takes the text "true" or "false".`)
		} else {
			out = append(out, "One of "+strings.Join(vals, ", ")+".")
		}
	}
	switch s.Format {
	case "email":
		if !strings.Contains(f.JSONName, "email") {
			out = append(out, "An email address.")
		}
	case "date-time":
		out = append(out, "An RFC 3339 date and time.")
	case "uri", "url":
		out = append(out, "An absolute URL.")
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	if s.Min != nil && s.Max != nil {
		out = append(out, fmt.Sprintf("From %s to %s.", num(*s.Min), num(*s.Max)))
	} else if s.Min != nil {
		out = append(out, fmt.Sprintf("At least %s.", num(*s.Min)))
	} else if s.Max != nil {
		out = append(out, fmt.Sprintf("At most %s.", num(*s.Max)))
	}
	if s.MinLength > 0 || s.MaxLength != nil {
		switch {
		case s.MaxLength != nil && s.MinLength > 0:
			out = append(out, fmt.Sprintf("%d to %d characters.", s.MinLength, *s.MaxLength))
		case s.MaxLength != nil:
			out = append(out, fmt.Sprintf("At most %d characters.", *s.MaxLength))
		default:
			out = append(out, fmt.Sprintf("At least %d characters.", s.MinLength))
		}
	}
	if s.ReadOnly {
		out = append(out, "Set by Clerk; read-only.")
	}
	return out
}

// presenceFact says what the field's Go type means when nothing is sent.
func presenceFact(f *field) string {
	t := f.Type
	switch {
	case f.Query && strings.HasPrefix(t, "clerk.Opt["):
		return "Optional: leave it unset to send nothing."
	case f.Query && strings.HasPrefix(t, "[]"):
		return "Optional: leave it empty to send nothing."
	case f.Query && f.Required:
		return "Required."
	case f.mode == request && strings.HasPrefix(t, "clerk.Opt["):
		if f.Nullable {
			return "Optional: leave it unset to send nothing, or set it to clerk.Null to send null."
		}
		return "Optional: leave it unset to send nothing; the API refuses null."
	case f.mode == request && f.Required && f.Nullable:
		return "Required; nil sends null."
	case f.mode == request && f.Required:
		return "Required."
	case strings.TrimPrefix(t, "clerk.") == rawJSON:
		return jsonPresenceFact(f)
	case strings.HasPrefix(t, "clerk.Opt["):
		return "The API may leave it out or send null; Opt tells the two apart."
	case strings.HasPrefix(t, "*") && f.Required:
		return "Nil when the API sends null."
	case strings.HasPrefix(t, "*"):
		return "Nil when the API leaves it out."
	case f.Nullable && nilable(t):
		return "Nil when the API sends null."
	case !f.Required && nilable(t):
		return "Nil when the API leaves it out."
	}
	return ""
}

// jsonPresenceFact says how a clerk.JSON field shows a missing or null
// value.
func jsonPresenceFact(f *field) string {
	switch {
	case !f.Required && f.Nullable:
		return "IsAbsent and IsNull tell a field left out from null."
	case f.Nullable:
		return "IsNull reports a null."
	case !f.Required:
		return "Empty (IsAbsent) when the API leaves it out."
	}
	return ""
}

// requestFieldDoc builds the first sentence of a params field's comment for
// the query parameters whose use the name does not tell.
func requestFieldDoc(f *field) string {
	switch {
	case f.Query && strings.HasPrefix(f.Type, "[]"):
		return f.GoName + " keeps only the results matching one of these values."
	case f.Query && f.JSONName == "order_by":
		return f.GoName + " sorts the results by a field, prefixed with + or - for the direction."
	case f.Query && f.JSONName == "query":
		return f.GoName + " keeps only the results that contain this text in one of their identifiers or names."
	}
	return ""
}
