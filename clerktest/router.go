package clerktest

import (
	"net/http"
	"net/url"
	"strings"
)

// handler serves one route. It runs with the state lock held (shared for
// GET routes, exclusive otherwise) and returns the success status and
// body, or an error.
type handler func(c *call) (int, any, error)

type route struct {
	method   string
	pattern  string   // the spec's path template, relative to /v1
	segments []string // "{name}" is a wildcard
	literals int
	machine  bool // also accepts the machine secret key
	read     bool // holds the state lock shared
	h        handler
}

// router finds routes by method and segment count.
type router struct {
	by map[string][]*route // method + " " + segment count
}

func routeKey(method string, n int) string { return method + " " + string(rune('0'+n)) }

func newRouter(table []route) *router {
	r := &router{by: map[string][]*route{}}
	for i := range table {
		rt := &table[i]
		k := routeKey(rt.method, len(rt.segments))
		r.by[k] = append(r.by[k], rt)
	}
	return r
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

// add appends a route to table. GET routes only read the state.
func add(table []route, method, pattern string, h handler) []route {
	segs := strings.Split(strings.Trim(pattern, "/"), "/")
	n := 0
	for _, s := range segs {
		if !strings.HasPrefix(s, "{") {
			n++
		}
	}
	return append(table, route{method: method, pattern: pattern, segments: segs, literals: n,
		read: method == http.MethodGet, h: h})
}

// match finds the most specific route for method and the unescaped path
// segments.
func (rr *router) match(method string, segs []string) (rt *route, params map[string]string) {
	for _, r := range rr.by[routeKey(method, len(segs))] {
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
				p = make(map[string]string, 2)
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
	for i, s := range raw {
		if !strings.Contains(s, "%") {
			continue
		}
		u, err := url.PathUnescape(s)
		if err != nil {
			return nil, false
		}
		raw[i] = u
	}
	return raw, true
}
