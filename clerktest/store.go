package clerktest

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
)

// store keeps records of one kind by ID, in insertion order. Its zero value
// is ready to use. The records are the generated model types themselves, so
// an answer is the stored value.
type store[T any] struct {
	byID  map[string]*T
	order []string
}

func (s *store[T]) put(id string, v *T) {
	if s.byID == nil {
		s.byID = map[string]*T{}
	}
	if _, ok := s.byID[id]; !ok {
		s.order = append(s.order, id)
	}
	s.byID[id] = v
}

func (s *store[T]) get(id string) (*T, bool) {
	v, ok := s.byID[id]
	return v, ok
}

func (s *store[T]) del(id string) bool {
	if _, ok := s.byID[id]; !ok {
		return false
	}
	delete(s.byID, id)
	if i := slices.Index(s.order, id); i >= 0 {
		s.order = slices.Delete(s.order, i, i+1)
	}
	return true
}

// list returns the records newest first (newest=true) or oldest first,
// keeping those keep accepts (nil keeps all).
func (s *store[T]) list(newest bool, keep func(*T) bool) []*T {
	out := make([]*T, 0, len(s.order))
	for i := range s.order {
		id := s.order[i]
		if newest {
			id = s.order[len(s.order)-1-i]
		}
		if v := s.byID[id]; keep == nil || keep(v) {
			out = append(out, v)
		}
	}
	return out
}

// find returns the record with the path parameter's ID, or a 404 naming it.
func find[T any](s *store[T], c *call, param, what string) (*T, error) {
	v, ok := s.get(c.param(param))
	if !ok {
		return nil, notFound(what + " " + c.param(param))
	}
	return v, nil
}

// decode reads the call's JSON body into a generated params struct; a value
// of the wrong type is a 422 naming the parameter.
func decode[T any](c *call, p *T) error { return decodeJSON(c.body, p) }

// decodeJSON is decode for a body of its own (an item of a bulk request).
func decodeJSON[T any](body []byte, p *T) error {
	switch strings.TrimSpace(string(body)) {
	case "":
		return nil
	case "null":
		return invalidBody() // a body, but not an object
	}
	err := json.Unmarshal(body, p)
	var te *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &te):
		name := te.Field
		if i := strings.IndexByte(name, '.'); i >= 0 {
			name = name[:i]
		}
		return badType(name, "of the type the spec defines, not a "+te.Value)
	default:
		return invalidBody()
	}
}

// need reports the first empty required string parameter as form_param_missing.
func need(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) == "" {
			return missingParam(pairs[i])
		}
	}
	return nil
}

// listAnswer answers a list as a bare array, or as {data, total_count}
// when paged is true or the caller sends paginated=true (both official
// clients do).
// lp and paginated come from the list's params type (decodeQuery).
func listAnswer[T any](lp clerk.ListParams, paginated clerk.Opt[bool], items []T, paged bool) (int, any, error) {
	limit, offset, err := pageOfParams(lp, 500)
	if err != nil {
		return 0, nil, err
	}
	p := pageOf(items, limit, offset)
	if paged || paginated.Or(false) {
		return http.StatusOK, p, nil
	}
	return http.StatusOK, p.Data, nil
}

// sortBy orders items by key, stably, descending when desc.
func sortBy[T any](items []*T, desc bool, key func(*T) string) {
	slices.SortStableFunc(items, func(a, b *T) int {
		r := strings.Compare(key(a), key(b))
		if desc {
			r = -r
		}
		return r
	})
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
