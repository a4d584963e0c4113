package main

import (
	"net/http"
	"regexp"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// endpoint is one operation of a spec.
type endpoint struct {
	Method string // upper case, e.g. GET
	Path   string
	ID     string // operationId
	Tags   []string
	op     *openapi3.Operation
}

// isBilling reports whether an operation belongs to billing or commerce:
// by tag, or by a /billing or /commerce path segment.
func isBilling(path string, tags []string) bool {
	for _, t := range tags {
		if strings.EqualFold(t, "billing") || strings.EqualFold(t, "commerce") {
			return true
		}
	}
	for _, seg := range strings.Split(path, "/") {
		if seg == "billing" || seg == "commerce" {
			return true
		}
	}
	return false
}

// billingEndpoints returns the billing and commerce operations of doc,
// sorted by path then method.
func billingEndpoints(doc *openapi3.T) []endpoint {
	var out []endpoint
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if isBilling(path, op.Tags) {
				out = append(out, endpoint{Method: strings.ToUpper(method), Path: path, ID: op.OperationID, Tags: op.Tags, op: op})
			}
		}
	}
	sortEndpoints(out)
	return out
}

func sortEndpoints(es []endpoint) {
	sort.Slice(es, func(i, j int) bool {
		if es[i].Path != es[j].Path {
			return es[i].Path < es[j].Path
		}
		return methodRank(es[i].Method) < methodRank(es[j].Method)
	})
}

// methodRank orders methods the way a reader expects them.
func methodRank(m string) int {
	switch m {
	case http.MethodGet:
		return 0
	case http.MethodPost:
		return 1
	case http.MethodPut:
		return 2
	case http.MethodPatch:
		return 3
	case http.MethodDelete:
		return 4
	}
	return 5
}

// How a pair of endpoints was matched.
const (
	byDecision    = "explicit decision"
	byOperationID = "same operationId"
	byPath        = "same method and path"
	byShape       = "same method and path shape"
	byIDSimilar   = "similar operationId"
)

// match pairs an old endpoint with its 2025-11-10 counterpart.
type match struct {
	Old, New endpoint
	How      string
}

// Changed reports whether callers must change the method or path they use.
func (m match) Changed() bool { return m.Old.Method != m.New.Method || m.Old.Path != m.New.Path }

// endpointDiff is the result of matching the two specs' billing endpoints.
type endpointDiff struct {
	Matched []match    // sorted by old path and method
	Removed []endpoint // old endpoints without a counterpart
	Added   []endpoint // new endpoints without an old counterpart
}

// Changed returns the matched endpoints whose method or path moved.
func (d endpointDiff) Changed() []match {
	var out []match
	for _, m := range d.Matched {
		if m.Changed() {
			out = append(out, m)
		}
	}
	return out
}

// Unchanged returns the matched endpoints that kept method and path.
func (d endpointDiff) Unchanged() []match {
	var out []match
	for _, m := range d.Matched {
		if !m.Changed() {
			out = append(out, m)
		}
	}
	return out
}

// endpointDecisions holds matches the rules below cannot make, keyed by the
// 2025-04-10 operationId: the 2025-11-10 operationId it became, or "" for an
// operation removed without replacement. It is empty today: every billing or
// commerce operation of 2025-04-10 kept its operationId in 2025-11-10.
func endpointDecisions() map[string]string {
	return map[string]string{}
}

// matchEndpoints pairs old and new endpoints. It applies, in order: the
// explicit decisions, an identical operationId, an identical method and path,
// the same method with the same path shape once /commerce/ reads /billing/
// and parameter names are ignored, and the same method with an operationId
// that differs only in its Commerce/Billing wording.
func matchEndpoints(oldEPs, newEPs []endpoint, decisions map[string]string) endpointDiff {
	var d endpointDiff
	usedNew := map[int]bool{}
	pending := make([]endpoint, 0, len(oldEPs))

	// pick finds the first unused new endpoint satisfying ok.
	pick := func(ok func(endpoint) bool) int {
		for i, n := range newEPs {
			if !usedNew[i] && ok(n) {
				return i
			}
		}
		return -1
	}

	for _, o := range oldEPs {
		to, decided := decisions[o.ID]
		if !decided {
			pending = append(pending, o)
			continue
		}
		if to == "" {
			d.Removed = append(d.Removed, o)
			continue
		}
		if j := pick(func(n endpoint) bool { return n.ID == to }); j >= 0 {
			usedNew[j] = true
			d.Matched = append(d.Matched, match{Old: o, New: newEPs[j], How: byDecision})
			continue
		}
		d.Removed = append(d.Removed, o)
	}

	rules := []struct {
		how string
		ok  func(o, n endpoint) bool
	}{
		{byOperationID, func(o, n endpoint) bool { return o.ID != "" && o.ID == n.ID }},
		{byPath, func(o, n endpoint) bool { return o.Method == n.Method && o.Path == n.Path }},
		{byShape, func(o, n endpoint) bool { return o.Method == n.Method && pathShape(o.Path) == pathShape(n.Path) }},
		{byIDSimilar, func(o, n endpoint) bool {
			return o.Method == n.Method && o.ID != "" && idStem(o.ID) == idStem(n.ID)
		}},
	}
	for _, r := range rules {
		rest := pending[:0:0]
		for _, o := range pending {
			if j := pick(func(n endpoint) bool { return r.ok(o, n) }); j >= 0 {
				usedNew[j] = true
				d.Matched = append(d.Matched, match{Old: o, New: newEPs[j], How: r.how})
				continue
			}
			rest = append(rest, o)
		}
		pending = rest
	}
	d.Removed = append(d.Removed, pending...)
	for i, n := range newEPs {
		if !usedNew[i] {
			d.Added = append(d.Added, n)
		}
	}
	sort.Slice(d.Matched, func(i, j int) bool {
		a, b := d.Matched[i].Old, d.Matched[j].Old
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return methodRank(a.Method) < methodRank(b.Method)
	})
	sortEndpoints(d.Removed)
	sortEndpoints(d.Added)
	return d
}

var paramRE = regexp.MustCompile(`\{[^}]*\}`)

// pathShape is a path with /commerce read as /billing and every parameter
// name replaced by {}.
func pathShape(p string) string {
	p = paramRE.ReplaceAllString(p, "{}")
	if p == "/commerce" || strings.HasPrefix(p, "/commerce/") {
		p = "/billing" + strings.TrimPrefix(p, "/commerce")
	}
	return strings.ReplaceAll(p, "/commerce/", "/billing/")
}

// idStem is an operationId without its Commerce or Billing words, lower
// case: GetCommercePlanList and GetBillingPlanList share the stem getplanlist.
func idStem(id string) string {
	id = strings.ReplaceAll(id, "Commerce", "")
	id = strings.ReplaceAll(id, "Billing", "")
	return strings.ToLower(id)
}

// paramChange is a query, path or header parameter present in only one of
// the two versions of an operation.
type paramChange struct {
	Match   match
	In      string // query, path, header
	Name    string
	Removed bool // true: only in 2025-04-10; false: only in 2025-11-10
}

// paramChanges compares the parameters of every matched operation. Path
// parameters are left out: the path columns of the endpoint table show them.
func paramChanges(ms []match) []paramChange {
	var out []paramChange
	for _, m := range ms {
		oldP, newP := params(m.Old.op), params(m.New.op)
		for _, k := range sortedKeys(oldP) {
			if _, ok := newP[k]; !ok && oldP[k] != "path" {
				out = append(out, paramChange{Match: m, In: oldP[k], Name: k, Removed: true})
			}
		}
		for _, k := range sortedKeys(newP) {
			if _, ok := oldP[k]; !ok && newP[k] != "path" {
				out = append(out, paramChange{Match: m, In: newP[k], Name: k})
			}
		}
	}
	return out
}

// params maps an operation's parameter names to where they go.
func params(op *openapi3.Operation) map[string]string {
	out := map[string]string{}
	if op == nil {
		return out
	}
	for _, p := range op.Parameters {
		if p != nil && p.Value != nil {
			out[p.Value.Name] = p.Value.In
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
