package clerk

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/clerkgo/clerk/internal/versions"
)

// ErrNotInAPIVersion matches a *VersionError: a call that the client's API
// version does not have, refused before any I/O.
var ErrNotInAPIVersion = errors.New("clerk: not in the client's API version")

// WithAPIVersion selects the Backend API version the client speaks, sent as
// the Clerk-API-Version header on every request: APIVersion20251110 (the
// default, APIVersion) or APIVersion20260512. A version the SDK does not
// know makes NewClient fail with ErrInvalidOption.
//
// What exists in which version is generated from the versions' specs: a
// call of an operation the chosen version lacks, or one setting a request
// field the version refuses (even to null), returns a *VersionError before
// anything is sent.
func WithAPIVersion(version string) Option {
	return clientOption(func(c *config) {
		if versions.Parse(version) == 0 {
			c.fail("WithAPIVersion: unknown API version %q (this SDK speaks %s)", version, strings.Join(versions.Names(), ", "))
			return
		}
		c.apiVersion = version
	})
}

// APIVersion returns the Backend API version the client speaks.
func (c *Client) APIVersion() string { return c.apiVersion }

// VersionError is a call refused before any I/O because the client's API
// version lacks its operation or refuses one of its request fields. It
// matches ErrNotInAPIVersion and ErrInvalidParams with errors.Is.
type VersionError struct {
	// Version is the client's API version.
	Version string
	// Method and Path are the HTTP method and route template of the call.
	Method, Path string
	// Field is the wire name of the refused request field, or "" when the
	// version lacks the whole operation.
	Field string
	// Versions are the API versions that have the operation or field.
	Versions []string
	// Replacements name the SDK methods to call instead, e.g.
	// "users.Service.UpdateMetadata"; empty when there is none.
	Replacements []string
}

// Error says what the version lacks, which versions have it, and what to
// call instead.
func (e *VersionError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "clerk: %s %s: ", e.Method, e.Path)
	if e.Field != "" {
		fmt.Fprintf(&b, "API version %s does not accept the field %s", e.Version, e.Field)
	} else {
		fmt.Fprintf(&b, "API version %s has no such operation", e.Version)
	}
	if len(e.Versions) > 0 {
		fmt.Fprintf(&b, " (only %s: see WithAPIVersion)", strings.Join(e.Versions, ", "))
	}
	if len(e.Replacements) > 0 {
		fmt.Fprintf(&b, "; use %s instead", strings.Join(e.Replacements, " or "))
	}
	return b.String()
}

// Is matches ErrNotInAPIVersion and ErrInvalidParams.
func (e *VersionError) Is(target error) bool {
	return target == ErrNotInAPIVersion || target == ErrInvalidParams
}

// checkVersion refuses a request whose operation the client's version
// lacks, or which sets a field the version refuses. body is the encoded
// JSON body (nil for none), query the encoded query string. The table is
// generated (internal/versions); only the few routes it lists cost more
// than two switches.
func (c *Client) checkVersion(req *Request, body []byte, query string) error {
	method := strings.ToUpper(req.Method)
	if set := versions.OperationVersions(method, req.Path); set&c.apiSet == 0 {
		return &VersionError{Version: c.apiVersion, Method: method, Path: req.Path, Versions: set.List()}
	}
	fields := versions.Fields(method, req.Path)
	if fields == nil {
		return nil
	}
	var present map[string]bool
	for _, f := range fields {
		if f.Versions&c.apiSet != 0 {
			continue
		}
		if present == nil {
			present = sentFields(req, body, query)
		}
		if !present[fieldKey(f.Name, f.Query)] {
			continue
		}
		e := &VersionError{Version: c.apiVersion, Method: method, Path: req.Path, Field: f.Name, Versions: f.Versions.List()}
		for _, r := range f.Replacements {
			e.Replacements = append(e.Replacements, r.GoMethod)
		}
		return e
	}
	return nil
}

// fieldKey keys a field in sentFields' answer.
func fieldKey(name string, query bool) string {
	if query {
		return "?" + name
	}
	return name
}

// sentFields returns the names of the body fields and (after "?") query
// parameters a request sends, present even when null.
func sentFields(req *Request, body []byte, query string) map[string]bool {
	out := map[string]bool{}
	if form, ok := req.Body.(*Form); ok && form != nil {
		for k := range form.Fields {
			out[k] = true
		}
		for k := range form.Files {
			out[k] = true
		}
	} else if len(body) > 0 {
		var obj map[string]json.RawMessage
		if json.Unmarshal(body, &obj) == nil {
			for k := range obj {
				out[k] = true
			}
		}
	}
	if q, err := url.ParseQuery(query); err == nil {
		for k := range q {
			out["?"+k] = true
		}
	}
	return out
}
