package orgsync

import "testing"

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
