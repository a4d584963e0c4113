package clerktest

import (
	"net/http"
	"slices"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/internal/versions"
)

// The emulator answers each request in the API version it asks for, from
// the version table generated from the versions' specs (internal/versions),
// the same table the SDK's client reads: an operation the version lacks is
// answered as a route that does not exist, and a body field the version
// removed as an unknown parameter. Nothing here names a version or a route.

// requestVersion returns the version a request is answered in: the one it
// names (checkAPIVersion has refused invalid choices), else the
// instance's, clerk.APIVersion. A released version older than the oldest
// the table knows is answered as the oldest, which has every operation and
// field those versions had.
func requestVersion(r *http.Request) versions.Set {
	v := r.Header.Get("Clerk-API-Version")
	if q, ok := r.URL.Query()["__clerk_api_version"]; ok && v == "" && len(q) > 0 {
		v = q[0]
	}
	if s := versions.Parse(v); s != 0 {
		return s
	}
	if v == "" {
		return versions.Parse(clerk.APIVersion)
	}
	return versions.Parse(versions.Names()[0])
}

// versionRefusal answers what the request's version lacks: a 404 for an
// operation, the unknown-parameter answer of checkParams for a removed body
// field. It returns nil for everything else.
func versionRefusal(rt *route, c *call) *apiError {
	set := requestVersion(c.r)
	if versions.OperationVersions(rt.method, rt.pattern)&set == 0 {
		return fail(http.StatusNotFound, "resource_not_found", "not found",
			c.r.Method+" "+c.r.URL.Path+" is not an operation of the Backend API")
	}
	fields := versions.Fields(rt.method, rt.pattern)
	if fields == nil || rt.spec == nil {
		return nil
	}
	narrowed := *rt.spec
	narrowed.body = slices.DeleteFunc(slices.Clone(rt.spec.body), func(name string) bool {
		for _, f := range fields {
			if !f.Query && f.Name == name && f.Versions&set == 0 {
				return true
			}
		}
		return false
	})
	return checkParams(&route{spec: &narrowed}, c)
}
