package encode

import (
	"fmt"
	"net/url"
	"strings"
)

// Path fills the {name} placeholders of route with params, in order, escaping
// each as one path segment. An empty, "." or ".." value is refused: it would
// address a different resource than the caller meant.
func Path(route string, params []string) (string, error) {
	if len(params) == 0 && strings.IndexByte(route, '{') < 0 {
		return route, nil
	}
	var b strings.Builder
	b.Grow(len(route) + 32)
	rest := route
	for i := 0; ; i++ {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			if i != len(params) {
				return "", fmt.Errorf("route %s takes %d path parameters, got %d", route, i, len(params))
			}
			b.WriteString(rest)
			return b.String(), nil
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			return "", fmt.Errorf("route %s has an unclosed placeholder", route)
		}
		name := rest[open+1 : open+end]
		if i >= len(params) {
			return "", fmt.Errorf("route %s: missing path parameter %s", route, name)
		}
		v := params[i]
		switch v {
		case "":
			return "", fmt.Errorf("%s must not be empty", name)
		case ".", "..":
			return "", fmt.Errorf("%s must not be %q", name, v)
		}
		b.WriteString(rest[:open])
		b.WriteString(url.PathEscape(v))
		rest = rest[open+end+1:]
	}
}
