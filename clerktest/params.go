package clerktest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
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
// defines (the generated table in spec_params_gen.go).
type specOperation struct {
	method, path string
	query, body  []string
	kind         bodyKind
}

// checkParams refuses, before the handler runs, a body key the spec does
// not define (422 form_param_unknown, as Clerk answers) and a parameter the
// spec defines that the route does not implement (400, a defect that
// TestEverySpecParameterIsImplemented keeps from shipping). A query
// parameter the spec does not define is ignored, as Clerk ignores it (the
// official clients send paginated=true to lists that do not define it).
func checkParams(rt *route, c *call) *apiError {
	for k := range c.query {
		name := strings.TrimSuffix(k, "[]")
		if slices.Contains(rt.query, name) || rt.spec == nil || !slices.Contains(rt.spec.query, name) {
			continue
		}
		return notImplemented(name, "the emulator does not implement the query parameter "+name+" of "+rt.method+" "+rt.pattern)
	}
	if rt.spec == nil || rt.spec.kind != bodyObject || len(c.body) == 0 {
		return nil
	}
	var keys map[string]json.RawMessage
	if json.Unmarshal(c.body, &keys) != nil {
		return nil // the handler reports the malformed body
	}
	for _, k := range sortedKeys(keys) {
		if !slices.Contains(rt.spec.body, k) {
			e := failParam(http.StatusUnprocessableEntity, "form_param_unknown", "is unknown", k)
			e.detail.LongMessage = k + " is not a valid parameter for this request."
			return e
		}
		if !slices.Contains(rt.body, k) {
			return notImplemented(k, "the emulator does not implement the body parameter "+k+" of "+rt.method+" "+rt.pattern)
		}
	}
	return nil
}

// notImplemented is the 400 for a parameter the emulator refuses.
func notImplemented(param, long string) *apiError {
	e := failParam(http.StatusBadRequest, "emulator_param_not_implemented", "parameter not implemented by the emulator", param)
	e.detail.LongMessage = long + " (clerktest refuses it rather than ignore it)."
	return e
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
