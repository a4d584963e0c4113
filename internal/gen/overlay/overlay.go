// Package overlay holds the naming decisions the generator applies to the
// OpenAPI spec: which Go package and method each operation becomes, the
// one-line doc comment written in our own words, and the Go names of schemas
// and fields whose spec names do not read well in Go.
//
// The spec's operationIds and schema names are never used as Go names
// directly; everything a user types comes from here or from the generator's
// mechanical conversion (snake_case to CamelCase with Go initialisms).
package overlay

// Op is the naming of one operation of the spec, keyed by its operationId.
type Op struct {
	// Package is the Go package the method lives in, e.g. "users".
	Package string
	// Method is the method name on that package's Service, e.g. "List".
	Method string
	// Doc completes the sentence that starts with the method name, e.g.
	// "returns one page of the instance's users." for List. It is written in
	// our own words, never copied from the spec.
	Doc string
	// Params renames request fields and parameters: spec name to Go field
	// name. Names not listed are converted mechanically.
	Params map[string]string
	// Response names the Go type of an inline (unnamed) response schema.
	// Empty means Method + "Response".
	Response string
	// Body names the Go params type. Empty means Method + "Params".
	Body string
}

// Operations returns the naming of every operation, keyed by operationId.
// A fresh map is built on each call so callers may not share mutable state.
func Operations() map[string]Op {
	ops := make(map[string]Op, 256)
	for _, group := range groups() {
		for id, op := range group {
			ops[id] = op
		}
	}
	return ops
}

// SchemaNames maps a spec component schema name to its Go type name where the
// mechanical conversion would not read well (e.g. the billing schemas whose
// spec names still say "Commerce").
func SchemaNames() map[string]string {
	return schemaNames()
}
