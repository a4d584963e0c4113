package session

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/clerkgo/clerk/auth/internal/instance"
)

// requestURL is the public URL of a request, as Clerk derives it from
// X-Forwarded-Proto, X-Forwarded-Host and Host.
type requestURL struct {
	scheme string // "http" or "https"
	host   string // lower case, with a non-default port
	path   string // escaped path
	query  []queryPair
}

// queryPair is one decoded name=value of a query string.
type queryPair struct{ name, value string }

// errRequestURL reports forwarded headers that do not make a clean URL.
var errRequestURL = errors.New("auth: the request URL derived from Host and X-Forwarded-* is not a valid http(s) URL")

// deriveRequestURL takes the first value of X-Forwarded-Proto and
// X-Forwarded-Host, else the request's own scheme and Host, as Clerk does.
// Unlike Clerk, which falls back silently or keeps whatever the URL parser
// makes of it, a scheme other than http(s) or a host that is not a plain
// host[:port] is an error: the URL becomes a redirect target.
func deriveRequestURL(r *http.Request) (*requestURL, error) {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if fp := strings.Join(r.Header.Values("X-Forwarded-Proto"), ", "); fp != "" {
		first, _, _ := strings.Cut(fp, ",")
		scheme = strings.ToLower(first)
	}
	host := r.Host
	if fh := strings.Join(r.Header.Values("X-Forwarded-Host"), ", "); fh != "" {
		host, _, _ = strings.Cut(fh, ",")
	}
	if scheme != "http" && scheme != "https" {
		return nil, errRequestURL
	}
	host, ok := instance.CleanHost(host, scheme)
	if !ok {
		return nil, errRequestURL
	}
	path := r.URL.EscapedPath()
	if path == "" {
		path = "/"
	}
	if !strings.HasPrefix(path, "/") {
		return nil, errRequestURL
	}
	return &requestURL{scheme: scheme, host: host, path: escapePath(path), query: parseQuery(r.URL.RawQuery)}, nil
}

// origin is scheme://host.
func (u *requestURL) origin() string { return u.scheme + "://" + u.host }

// without returns a copy without the named query parameters.
func (u *requestURL) without(names ...string) *requestURL {
	c := *u
	c.query = nil
	for _, p := range u.query {
		drop := false
		for _, n := range names {
			drop = drop || p.name == n
		}
		if !drop {
			c.query = append(c.query, p)
		}
	}
	return &c
}

// String serializes the URL the way a WHATWG URL does after its search
// parameters were touched: the query re-encoded as a form.
func (u *requestURL) String() string {
	s := u.origin() + u.path
	if q := encodeForm(u.query); q != "" {
		s += "?" + q
	}
	return s
}

// escapePath percent-encodes what the WHATWG path percent-encode set
// covers and a raw request path can still contain.
func escapePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c <= 0x20 || c >= 0x7f || strings.IndexByte("\"#<>`{}", c) >= 0 {
			b.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(c)|0x100, 16)[1:]))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// parseQuery decodes application/x-www-form-urlencoded text as
// URLSearchParams does: '+' is a space, bad escapes stay as they are,
// invalid UTF-8 becomes U+FFFD, empty pairs are skipped.
func parseQuery(q string) []queryPair {
	var out []queryPair
	for _, part := range strings.Split(q, "&") {
		if part == "" {
			continue
		}
		name, value, _ := strings.Cut(part, "=")
		out = append(out, queryPair{formDecode(name), formDecode(value)})
	}
	return out
}

func formDecode(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			b = append(b, ' ')
		case c == '%' && i+2 < len(s) && instance.IsHexRune(rune(s[i+1])) && instance.IsHexRune(rune(s[i+2])):
			b = append(b, byte(digitValue(s[i+1])<<4|digitValue(s[i+2])))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// encodeForm serializes pairs as URLSearchParams does: ASCII letters,
// digits and *-._ stay, a space is '+', every other byte is %XX.
func encodeForm(pairs []queryPair) string {
	var b strings.Builder
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		formEncode(&b, p.name)
		b.WriteByte('=')
		formEncode(&b, p.value)
	}
	return b.String()
}

func formEncode(b *strings.Builder, s string) {
	const hex = "0123456789ABCDEF"
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('+')
		case (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'z') || c == '*' || c == '-' || c == '.' || c == '_':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
}
