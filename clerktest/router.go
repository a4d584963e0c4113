package clerktest

import (
	"net/http"
	"net/url"
	"slices"
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
	// machineOnly routes accept a machine secret key and nothing else.
	machineOnly bool
	read        bool // holds the state lock shared
	// unlocked handlers take the state lock themselves, for a handler
	// that waits on the network (a proxy check) and must not hold it.
	unlocked bool
	h        handler
	query    []string       // query parameters the handler implements
	body     []string       // body parameters the handler implements
	spec     *specOperation // the spec's definition, nil when absent
}

// router finds routes by method and segment count.
type router struct {
	by   map[string][]*route // method + " " + segment count
	spec *router             // every spec operation, without handlers
}

func routeKey(method string, n int) string { return method + " " + string(rune('0'+n)) }

// newRouter indexes the routes and attaches to each the spec's definition
// of its operation.
func newRouter(table []route) *router {
	r := &router{by: map[string][]*route{}, spec: &router{by: map[string][]*route{}}}
	ops := map[string]*specOperation{}
	all := specOperations()
	for i := range all {
		op := &all[i]
		ops[op.method+" "+op.path] = op
		sr := add(nil, op.method, op.path, nil)[0]
		sr.spec = op
		k := routeKey(sr.method, len(sr.segments))
		r.spec.by[k] = append(r.spec.by[k], &sr)
	}
	for i := range table {
		rt := &table[i]
		rt.spec = ops[rt.method+" "+rt.pattern]
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

// add appends a route to table. GET routes only read the state. params
// names the parameters the handler implements: query parameters for GET
// and DELETE, body parameters otherwise, and a name written "?name" is a
// query parameter of any method. TestEverySpecParameterIsImplemented
// checks that they cover the spec's parameters of the operation.
func add(table []route, method, pattern string, h handler, params ...string) []route {
	var query, body []string
	for _, p := range params {
		if q, ok := strings.CutPrefix(p, "?"); ok || method == http.MethodGet || method == http.MethodDelete {
			query = append(query, q)
		} else {
			body = append(body, p)
		}
	}
	segs := strings.Split(strings.Trim(pattern, "/"), "/")
	n := 0
	for _, s := range segs {
		if !strings.HasPrefix(s, "{") {
			n++
		}
	}
	return append(table, route{method: method, pattern: pattern, segments: segs, literals: n,
		read: method == http.MethodGet, h: h, query: query, body: body})
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

// unversioned lists the path prefixes Clerk also serves without the /v1
// prefix: @clerk/backend calls /api_keys..., /m2m_tokens... and
// /oauth_applications/access_tokens/verify there.
var unversioned = []string{"api_keys", "m2m_tokens", "oauth_applications/access_tokens"}

// isUnversioned reports whether path (without its leading slash) is below
// one of the unversioned prefixes.
func isUnversioned(path string) bool {
	return slices.ContainsFunc(unversioned, func(p string) bool {
		return path == p || strings.HasPrefix(path, p+"/")
	})
}

// splitPath turns an escaped path below /v1 (or an unversioned one) into
// unescaped segments.
func splitPath(escaped string) ([]string, bool) {
	rest, ok := strings.CutPrefix(escaped, "/v1/")
	if !ok {
		if !isUnversioned(strings.TrimPrefix(escaped, "/")) {
			return nil, false
		}
		rest = strings.TrimPrefix(escaped, "/")
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
