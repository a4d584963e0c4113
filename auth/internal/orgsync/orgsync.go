// Package orgsync decides which organization, or the personal account, a
// request path names, as Clerk's organizationSyncOptions do: patterns in
// path-to-regexp 6 syntax (literal text, :name parameters, (pattern)
// groups, the ? modifier; matching ignores case and one trailing slash),
// the organization patterns tried first, an :id parameter winning over a
// :slug one. Package session decides what to do with the answer (a
// handshake that activates the organization).
package orgsync

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Target is what a request path asks to activate: an organization (by
// ID or slug) or, with personal set, the personal account.
type Target struct {
	personal bool
	id, slug string
}

// Matcher holds compiled organization and personal-account patterns.
type Matcher struct {
	orgs     []*pathPattern
	personal []*pathPattern
}

// New compiles the patterns; a pattern Clerk would refuse, or one using
// syntax this package does not read (the * and + modifiers, {} groups), is
// an error.
func New(organizationPatterns, personalAccountPatterns []string) (*Matcher, error) {
	m := &Matcher{}
	for _, p := range organizationPatterns {
		pp, err := compilePathPattern(p)
		if err != nil {
			return nil, err
		}
		m.orgs = append(m.orgs, pp)
	}
	for _, p := range personalAccountPatterns {
		pp, err := compilePathPattern(p)
		if err != nil {
			return nil, err
		}
		m.personal = append(m.personal, pp)
	}
	return m, nil
}

// Target is Clerk's findTarget: the first organization pattern that
// matches and names an id or slug, else a matching personal-account
// pattern. path is the escaped path of the request URL.
func (m *Matcher) Target(path string) *Target {
	if m == nil {
		return nil
	}
	for _, p := range m.orgs {
		params, ok := p.match(path)
		if !ok {
			continue
		}
		if id := params["id"]; id != "" {
			return &Target{id: id}
		}
		if slug := params["slug"]; slug != "" {
			return &Target{slug: slug}
		}
		return nil // Clerk stops at the first matching pattern
	}
	for _, p := range m.personal {
		if _, ok := p.match(path); ok {
			return &Target{personal: true}
		}
	}
	return nil
}

// QueryValue is the organization_id the handshake asks the Frontend API to
// activate: empty for the personal account.
func (t *Target) QueryValue() string {
	if t.slug != "" {
		return t.slug
	}
	return t.id
}

// MustActivate reports whether the session's active organization differs
// from the target.
func (t *Target) MustActivate(orgID, orgSlug string) bool {
	if t.personal {
		return orgID != ""
	}
	return (t.slug != "" && t.slug != orgSlug) || (t.id != "" && t.id != orgID)
}

// pathPattern is one path-to-regexp pattern compiled to a regexp with
// path-to-regexp 6's defaults: case-insensitive, an optional trailing
// delimiter, anchored at both ends.
type pathPattern struct {
	re    *regexp.Regexp
	names []string // capture group i+1 is parameter names[i]
}

func (p *pathPattern) match(path string) (map[string]string, bool) {
	m := p.re.FindStringSubmatch(path)
	if m == nil {
		return nil, false
	}
	params := make(map[string]string, len(p.names))
	for i, n := range p.names {
		params[n] = m[i+1]
	}
	return params, true
}

// errPatternSyntax reports path-to-regexp syntax this package does not read.
var errPatternSyntax = errors.New("only literal text, :name parameters, (pattern) groups and the ? modifier are supported")

// defaultParamPattern is path-to-regexp's pattern for a parameter without
// one of its own: anything up to the next delimiter, lazily.
const defaultParamPattern = `[^/#?]+?`

// compilePathPattern translates a path-to-regexp 6 pattern. Parameters
// take "/" or "." before them as their prefix, so that "/:slug?" makes the
// slash optional too, as path-to-regexp does.
func compilePathPattern(pattern string) (*pathPattern, error) {
	fail := func(err error) (*pathPattern, error) {
		return nil, fmt.Errorf("auth: OrganizationSync pattern %q: %w", pattern, err)
	}
	var re strings.Builder
	re.WriteString(`(?i)^`)
	var names []string
	var literal strings.Builder
	unnamed := 0
	for i := 0; i < len(pattern); {
		c := pattern[i]
		switch {
		case c == '\\' && i+1 < len(pattern):
			literal.WriteByte(pattern[i+1])
			i += 2
			continue
		case c == ':' || c == '(':
		case c == '{' || c == '}' || c == '*' || c == '+' || c == '?':
			return fail(errPatternSyntax)
		default:
			literal.WriteByte(c)
			i++
			continue
		}
		name := ""
		if c == ':' {
			j := i + 1
			for j < len(pattern) && isParamNameByte(pattern[j]) {
				j++
			}
			if j == i+1 {
				return fail(fmt.Errorf("missing parameter name at %d", i))
			}
			name, i = pattern[i+1:j], j
		}
		sub := defaultParamPattern
		if i < len(pattern) && pattern[i] == '(' {
			p, next, err := groupPattern(pattern, i)
			if err != nil {
				return fail(err)
			}
			sub, i = p, next
		}
		if name == "" {
			name = strconv.Itoa(unnamed)
			unnamed++
		}
		modifier := ""
		if i < len(pattern) && pattern[i] == '?' {
			modifier, i = "?", i+1
		} else if i < len(pattern) && (pattern[i] == '*' || pattern[i] == '+') {
			return fail(errPatternSyntax)
		}
		prefix := ""
		if lit := literal.String(); lit != "" && (lit[len(lit)-1] == '/' || lit[len(lit)-1] == '.') {
			prefix = lit[len(lit)-1:]
			literal.Reset()
			literal.WriteString(lit[:len(lit)-1])
		}
		re.WriteString(regexp.QuoteMeta(literal.String()))
		literal.Reset()
		if _, err := regexp.Compile(sub); err != nil {
			return fail(err)
		}
		fmt.Fprintf(&re, `(?:%s(%s))%s`, regexp.QuoteMeta(prefix), sub, modifier)
		names = append(names, name)
	}
	re.WriteString(regexp.QuoteMeta(literal.String()))
	re.WriteString(`[/#?]?$`)
	compiled, err := regexp.Compile(re.String())
	if err != nil {
		return fail(err)
	}
	if compiled.NumSubexp() != len(names) {
		return fail(errors.New("capturing groups are not allowed inside a parameter pattern"))
	}
	return &pathPattern{re: compiled, names: names}, nil
}

// groupPattern reads the balanced "(...)" at pattern[i] and returns its
// inside and the index after it. As in path-to-regexp, a capturing group
// inside is refused.
func groupPattern(pattern string, i int) (string, int, error) {
	depth := 0
	for j := i; j < len(pattern); j++ {
		switch pattern[j] {
		case '\\':
			j++
		case '(':
			if depth > 0 && (j+1 >= len(pattern) || pattern[j+1] != '?') {
				return "", 0, errors.New("capturing groups are not allowed inside a parameter pattern")
			}
			depth++
		case ')':
			depth--
			if depth == 0 {
				inner := pattern[i+1 : j]
				if inner == "" || inner[0] == '?' {
					return "", 0, fmt.Errorf("bad pattern at %d", i)
				}
				return inner, j + 1, nil
			}
		}
	}
	return "", 0, fmt.Errorf("unbalanced pattern at %d", i)
}

func isParamNameByte(c byte) bool {
	return c == '_' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}
