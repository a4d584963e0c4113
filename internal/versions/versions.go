// Package versions says which operations and request fields of the
// Backend API exist in which API version. Its tables (versions_gen.go) are
// generated from the specs of every version the SDK speaks: the root
// package refuses, before sending, what the client's version lacks, and the
// emulator answers as the version a request asks for. What the tables do
// not list exists in every version. This file holds the types the tables
// are made of.
package versions

import "strings"

// String lists the set's versions, e.g. "2025-11-10, 2026-05-12".
func (s Set) String() string { return strings.Join(s.List(), ", ") }

// List returns the names of the set's versions, oldest first; nil for the
// empty set.
func (s Set) List() []string {
	var out []string
	for i, n := range Names() {
		if s&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// Op is an operation that some version lacks.
type Op struct {
	// Method and Route are the HTTP method and the route template.
	Method, Route string
	// ID is the spec's operationId.
	ID string
	// Versions are the versions that have it.
	Versions Set
	// GoMethod is the SDK method, e.g. "directories.Service.RotateAPIKey".
	GoMethod string
}

// Field is a request field that some versions of its operation refuse.
type Field struct {
	// Method and Route name the operation.
	Method, Route string
	// Name is the wire name; Query tells a query parameter from a body field.
	Name  string
	Query bool
	// Versions are the versions that accept it.
	Versions Set
	// Replacements are the operations the spec names instead.
	Replacements []Replacement
}

// Replacement is an operation that does what a refused field did.
type Replacement struct {
	// Method and Route name the operation.
	Method, Route string
	// GoMethod is the SDK method, e.g. "users.Service.UpdateMetadata".
	GoMethod string
}
