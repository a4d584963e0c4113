package clerktest

import (
	"net/http"
	"slices"
)

// apiVersions are the Backend API versions the emulator serves, oldest
// first: those Clerk's "available versions" page lists, and 2026-05-12,
// which @clerk/backend 3.25 sends. 2025-11-10 and 2026-05-12 are answered
// exactly, from the generated version table (versions.go); the older ones
// as 2025-11-10, whose answers have the same shapes.
var apiVersions = []string{"2021-02-05", "2024-10-01", "2025-04-10", "2025-11-10", "2026-05-12"}

// checkAPIVersion applies Clerk's versioning rules: the version comes from
// the Clerk-API-Version header or the __clerk_api_version query parameter,
// never both, and must be one Clerk has released; a request with neither is
// served with the instance's version.
func checkAPIVersion(r *http.Request) *apiError {
	header := r.Header.Get("Clerk-API-Version")
	query, inQuery := r.URL.Query()["__clerk_api_version"]
	switch {
	case header != "" && inQuery:
		return apiVersionError("Specify the API version with either the Clerk-API-Version header or the __clerk_api_version query parameter, not both.")
	case inQuery && !slices.Contains(apiVersions, query[0]):
		return apiVersionError("The API version " + query[0] + " is not a valid API version.")
	case header != "" && !slices.Contains(apiVersions, header):
		return apiVersionError("The API version " + header + " is not a valid API version.")
	}
	return nil
}

// apiVersionError is the answer to an invalid version choice. Clerk's
// versioning docs say such a request is invalid; the code and status are
// the emulator's guess (ErrorCodes marks them so).
func apiVersionError(long string) *apiError {
	return fail(http.StatusBadRequest, "api_version_invalid", "invalid API version", long)
}
