package clerktest_test

import (
	"context"
	"io"
	"net/http"
	"testing"
)

// TestAPIVersion checks Clerk's versioning rules: a released version in the
// header or the __clerk_api_version query parameter is served (2026-05-12,
// which @clerk/backend 3.25 sends, included), no version is served, and an
// unknown version or both sources at once is refused.
func TestAPIVersion(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	for _, tt := range []struct {
		name, header, query string
		status              int
	}{
		{"none", "", "", 200},
		{"header 2025-11-10", "2025-11-10", "", 200},
		{"header 2026-05-12", "2026-05-12", "", 200},
		{"header 2021-02-05", "2021-02-05", "", 200},
		{"query 2025-11-10", "", "?__clerk_api_version=2025-11-10", 200},
		{"header unknown", "1999-01-01", "", 400},
		{"header not a date", "latest", "", 400},
		{"query unknown", "", "?__clerk_api_version=1999-01-01", 400},
		{"query empty", "", "?__clerk_api_version=", 400},
		{"both", "2025-11-10", "?__clerk_api_version=2025-11-10", 400},
	} {
		req, err := http.NewRequestWithContext(context.Background(), "GET", e.URL()+"/users"+tt.query, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+e.SecretKey())
		if tt.header != "" {
			req.Header.Set("Clerk-API-Version", tt.header)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s: %d %s", tt.name, resp.StatusCode, raw)
			continue
		}
		if tt.status != 400 {
			continue
		}
		if code, _ := errCode(t, raw); code != "api_version_invalid" {
			t.Errorf("%s: code %q", tt.name, code)
		}
	}
}
