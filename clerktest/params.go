package clerktest

import (
	"encoding/json"
	"net/http"
	"slices"
)

// bodyKind says what request body an operation takes.
type bodyKind int

const (
	bodyNone      bodyKind = iota // no body
	bodyObject                    // a JSON object with the listed keys
	bodyOpen                      // JSON whose keys the spec does not fix
	bodyMultipart                 // a multipart form
)

// specOperation is one operation of the spec and the parameters it
// defines (spec_params_gen.go, written by internal/gen).
type specOperation struct {
	method, path string
	query, body  []string
	kind         bodyKind
}

// checkParams refuses, before the handler runs, a body key the spec does
// not define (422 form_param_unknown, as Clerk answers). A query parameter
// the spec does not define is ignored, as Clerk ignores it (the official
// clients send paginated=true to lists that do not define it). Every
// parameter the spec does define is implemented: the route lists say what
// each handler reads, and TestEverySpecParameterIsImplemented keeps them
// complete.
func checkParams(rt *route, c *call) *apiError {
	if rt.spec == nil || rt.spec.kind != bodyObject || len(c.body) == 0 {
		return nil
	}
	var keys map[string]json.RawMessage
	if json.Unmarshal(c.body, &keys) != nil {
		return nil // the handler reports the malformed body
	}
	for _, k := range sortedKeys(keys) {
		if !slices.Contains(rt.spec.body, k) && !slices.Contains(ignoredBodyKeys[rt.method+" "+rt.pattern], k) {
			e := failParam(http.StatusUnprocessableEntity, "form_param_unknown", "is unknown", k)
			e.detail.LongMessage = k + " is not a valid parameter for this request."
			return e
		}
	}
	return nil
}

// ignoredBodyKeys lists, per operation, the body keys the spec does not
// define that Clerk accepts and ignores rather than refusing. Each entry
// carries its evidence:
//   - POST /enterprise_connections, sync_user_attributes: @clerk/backend
//     3.25.0 sends it on create and its type documents that "the Backend
//     API does not support this parameter on create and ignores it" (the
//     spec defines it on update only); a new connection keeps the default.
var ignoredBodyKeys = map[string][]string{
	"POST /enterprise_connections": {"sync_user_attributes"},
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
