package auth

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
)

func TestPathPatternMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, path string
		want          map[string]string // nil: no match
	}{
		{"/orgs/:slug", "/orgs/acme", map[string]string{"slug": "acme"}},
		{"/orgs/:slug", "/orgs/acme/", map[string]string{"slug": "acme"}},
		{"/orgs/:slug", "/ORGS/Acme", map[string]string{"slug": "Acme"}},
		{"/orgs/:slug", "/orgs/acme/more", nil},
		{"/orgs/:slug", "/orgs/", nil},
		{"/orgs/:slug/(.*)", "/orgs/acme/a/b", map[string]string{"slug": "acme", "0": "a/b"}},
		{"/orgs/:slug/(.*)", "/orgs/acme/", map[string]string{"slug": "acme", "0": ""}},
		{"/orgs/:slug/(.*)", "/orgs/acme", nil},
		{"/orgs/:slug?", "/orgs", map[string]string{"slug": ""}},
		{"/o/:id(org_[a-z0-9]+)", "/o/org_2", map[string]string{"id": "org_2"}},
		{"/o/:id(org_[a-z0-9]+)", "/o/user_2", nil},
		{"/me", "/me", map[string]string{}},
		{"/me", "/mean", nil},
		{`/a\:b`, "/a:b", map[string]string{}},
	}
	for _, tc := range tests {
		p, err := compilePathPattern(tc.pattern)
		if err != nil {
			t.Fatalf("%s: %v", tc.pattern, err)
		}
		got, ok := p.match(tc.path)
		if ok != (tc.want != nil) {
			t.Errorf("%s on %s: match %v, want %v", tc.pattern, tc.path, ok, tc.want != nil)
			continue
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("%s on %s: %s = %q, want %q", tc.pattern, tc.path, k, got[k], v)
			}
		}
	}
	for _, bad := range []string{"/orgs/:", "/orgs/:slug+", "/orgs/:slug*", "/{a}", "/(a(b))", "/(?x)", "/(", "/a?"} {
		if _, err := compilePathPattern(bad); err == nil {
			t.Errorf("%s: compiled, want an error", bad)
		}
	}
}

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
