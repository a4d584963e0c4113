package auth

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
)

// TestOrganizationSyncHandshake checks that a cookie session whose active
// organization differs from the path's gets a handshake that activates it,
// and that everything else stays signed in.
func TestOrganizationSyncHandshake(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{
		PublishableKey: benchPK,
		OrganizationSync: &OrganizationSync{
			OrganizationPatterns:    []string{"/orgs/:slug", "/o/:id"},
			PersonalAccountPatterns: []string{"/me"},
		},
	})
	session := mint(t, testKey(), baseHeader(), baseClaims())
	personal := mint(t, testKey(), baseHeader(), with(baseClaims(), "o", nil))
	uat := strconv.FormatInt(testNow.Unix()-100, 10)
	tests := []struct {
		path, token, orgParam string
		document              bool
		redirects             int
		handshake             bool
	}{
		{path: "/orgs/acme", token: session, document: true},
		{path: "/orgs/other", token: session, document: true, handshake: true, orgParam: "other"},
		{path: "/o/org_2", token: session, document: true, handshake: true, orgParam: "org_2"},
		{path: "/o/org_1", token: session, document: true},
		{path: "/me", token: session, document: true, handshake: true, orgParam: ""},
		{path: "/me", token: personal, document: true},
		{path: "/orgs/other", token: session},
		{path: "/orgs/other", token: session, document: true, redirects: 3},
	}
	for _, tc := range tests {
		r := httptest.NewRequest(http.MethodGet, "http://app.example.com"+tc.path, nil)
		if tc.document {
			r.Header.Set("Sec-Fetch-Dest", "document")
		}
		r.Header.Set("Cookie", "__session="+tc.token+"; __client_uat="+uat+"; __clerk_redirect_count="+strconv.Itoa(tc.redirects))
		a, _ := v.AuthenticateRequest(r)
		if !tc.handshake {
			if !a.IsAuthenticated {
				t.Errorf("%s (document %v, redirects %d): %s %s, want signed in", tc.path, tc.document, tc.redirects, a.Status, a.Reason)
			}
			continue
		}
		if a.Status != Handshake || a.Reason != ReasonActiveOrganizationMismatch {
			t.Errorf("%s: %s %s, want a handshake for active-organization-mismatch", tc.path, a.Status, a.Reason)
			continue
		}
		loc, err := url.Parse(a.Headers.Get("Location"))
		if err != nil {
			t.Fatal(err)
		}
		q := loc.Query()
		if !q.Has("organization_id") || q.Get("organization_id") != tc.orgParam {
			t.Errorf("%s: Location %s, want organization_id=%q", tc.path, loc, tc.orgParam)
		}
	}
}
