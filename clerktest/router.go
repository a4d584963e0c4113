package clerktest

import (
	"net/http"
	"net/url"
	"strings"
)

// handler serves one route. It runs with the emulator's lock held and
// returns the success status and body, or an error.
type handler func(c *call) (int, any, error)

type route struct {
	method   string
	segments []string // "{name}" is a wildcard
	literals int
	machine  bool // also accepts the machine secret key
	h        handler
}

// call is one request as a handler sees it.
type call struct {
	e      *Emulator
	r      *http.Request
	params map[string]string
	query  url.Values
	body   []byte
	events []event
}

func (c *call) param(name string) string { return c.params[name] }

// add appends a route to table.
func add(table []route, method, pattern string, h handler) []route {
	segs := strings.Split(strings.Trim(pattern, "/"), "/")
	n := 0
	for _, s := range segs {
		if !strings.HasPrefix(s, "{") {
			n++
		}
	}
	return append(table, route{method: method, segments: segs, literals: n, h: h})
}

// match finds the most specific route for method and the unescaped path
// segments. pathOnly reports whether some route matched the path with
// another method.
func (e *Emulator) match(method string, segs []string) (rt *route, params map[string]string) {
	for i := range e.routes {
		r := &e.routes[i]
		if r.method != method || len(r.segments) != len(segs) {
			continue
		}
		p, ok := matchSegments(r.segments, segs)
		if !ok {
			continue
		}
		if rt == nil || r.literals > rt.literals {
			rt, params = r, p
		}
	}
	return rt, params
}

func matchSegments(pattern, segs []string) (map[string]string, bool) {
	var p map[string]string
	for i, s := range pattern {
		if strings.HasPrefix(s, "{") {
			if segs[i] == "" {
				return nil, false
			}
			if p == nil {
				p = map[string]string{}
			}
			p[strings.Trim(s, "{}")] = segs[i]
			continue
		}
		if s != segs[i] {
			return nil, false
		}
	}
	return p, true
}

// splitPath turns an escaped path below /v1 into unescaped segments.
func splitPath(escaped string) ([]string, bool) {
	rest, ok := strings.CutPrefix(escaped, "/v1/")
	if !ok {
		return nil, false
	}
	raw := strings.Split(strings.TrimSuffix(rest, "/"), "/")
	out := make([]string, len(raw))
	for i, s := range raw {
		u, err := url.PathUnescape(s)
		if err != nil {
			return nil, false
		}
		out[i] = u
	}
	return out, true
}
