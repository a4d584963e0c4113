package clerk_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/directories"
	"github.com/clerkgo/clerk/organizations"
	"github.com/clerkgo/clerk/users"
	"github.com/jarcoal/httpmock"
)

// versionedClient returns a client on version (default when "") whose
// transport answers every request with an empty page and records the version header.
func versionedClient(t *testing.T, version string) (*clerk.Client, *httpmock.MockTransport, *[]string) {
	t.Helper()
	var opts []clerk.Option
	if version != "" {
		opts = append(opts, clerk.WithAPIVersion(version))
	}
	c, mt := newMocked(t, opts...)
	var seen []string
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		seen = append(seen, r.Header.Get("Clerk-API-Version"))
		return httpmock.NewStringResponse(200, `{"data":[],"total_count":0}`), nil
	})
	return c, mt, &seen
}

func TestAPIVersionHeaderOnEveryRequest(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ option, want string }{
		{"", "2025-11-10"},
		{clerk.APIVersion20251110, "2025-11-10"},
		{clerk.APIVersion20260512, "2026-05-12"},
	} {
		c, _, seen := versionedClient(t, tc.option)
		if got := c.APIVersion(); got != tc.want {
			t.Errorf("WithAPIVersion(%q): APIVersion() = %q", tc.option, got)
		}
		ctx := context.Background()
		_, _ = users.New(c).Get(ctx, "user_1")
		_, _ = users.New(c).Update(ctx, "user_1", &users.UpdateParams{FirstName: clerk.String("Ada")})
		_ = c.Do(ctx, &clerk.Request{Method: http.MethodGet, Path: "/jwks"}, nil)
		if len(*seen) != 3 {
			t.Fatalf("WithAPIVersion(%q): %d requests, want 3", tc.option, len(*seen))
		}
		for i, v := range *seen {
			if v != tc.want {
				t.Errorf("WithAPIVersion(%q): request %d sent Clerk-API-Version %q, want %q", tc.option, i, v, tc.want)
			}
		}
	}
}

func TestWithAPIVersionRefusesUnknownVersions(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"", "2024-10-01", "2026-05-12 ", "latest"} {
		_, err := clerk.NewClient(testKey, clerk.WithAPIVersion(v))
		if !errors.Is(err, clerk.ErrInvalidOption) {
			t.Errorf("WithAPIVersion(%q): err = %v, want ErrInvalidOption", v, err)
		}
	}
}

// TestVersionRefusalsSendNothing checks that what a version lacks is
// refused with a *VersionError naming the version and the replacement,
// and that the transport saw no request; and that the same calls are sent
// on the version that has them.
func TestVersionRefusalsSendNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	meta := map[string]any{"plan": "pro"}
	cases := []struct {
		name    string
		version string
		call    func(*clerk.Client) error
		refused bool
		// field and replacements are checked on refusals.
		field        string
		replacements []string
	}{
		{"new operation on the default version", "", func(c *clerk.Client) error {
			_, err := directories.New(c).RotateAPIKey(ctx, "dir_1")
			return err
		}, true, "", nil},
		{"new operation through Do", clerk.APIVersion20251110, func(c *clerk.Client) error {
			return c.Do(ctx, &clerk.Request{Method: "get", Path: "/scim_directories/{scim_directory_id}/group_role_mappings", PathParams: []string{"dir_1"}}, nil)
		}, true, "", nil},
		{"new operation on 2026-05-12", clerk.APIVersion20260512, func(c *clerk.Client) error {
			_, err := directories.New(c).ListGroupRoleMappings(ctx, "dir_1")
			return err
		}, false, "", nil},
		{"removed user field set", clerk.APIVersion20260512, func(c *clerk.Client) error {
			_, err := users.New(c).Update(ctx, "user_1", &users.UpdateParams{PublicMetadata: clerk.Value(meta)})
			return err
		}, true, "public_metadata", []string{"users.Service.UpdateMetadata", "users.Service.ReplaceMetadata"}},
		{"removed user field null", clerk.APIVersion20260512, func(c *clerk.Client) error {
			_, err := users.New(c).Update(ctx, "user_1", &users.UpdateParams{UnsafeMetadata: clerk.Null[map[string]any]()})
			return err
		}, true, "unsafe_metadata", []string{"users.Service.UpdateMetadata", "users.Service.ReplaceMetadata"}},
		{"removed organization field", clerk.APIVersion20260512, func(c *clerk.Client) error {
			_, err := organizations.New(c).Update(ctx, "org_1", &organizations.UpdateParams{PrivateMetadata: clerk.Value(meta)})
			return err
		}, true, "private_metadata", []string{"organizations.Service.UpdateMetadata", "organizations.Service.ReplaceMetadata"}},
		{"removed field through Do with a map body", clerk.APIVersion20260512, func(c *clerk.Client) error {
			return c.Do(ctx, &clerk.Request{Method: http.MethodPatch, Path: "/users/{user_id}", PathParams: []string{"user_1"}, Body: map[string]any{"private_metadata": nil}}, nil)
		}, true, "private_metadata", []string{"users.Service.UpdateMetadata", "users.Service.ReplaceMetadata"}},
		{"removed field through WithJSONField", clerk.APIVersion20260512, func(c *clerk.Client) error {
			_, err := organizations.New(c).Update(ctx, "org_1", &organizations.UpdateParams{Name: clerk.String("Acme")}, clerk.WithJSONField("public_metadata", meta))
			return err
		}, true, "public_metadata", []string{"organizations.Service.UpdateMetadata", "organizations.Service.ReplaceMetadata"}},
		{"other fields on 2026-05-12", clerk.APIVersion20260512, func(c *clerk.Client) error {
			_, err := users.New(c).Update(ctx, "user_1", &users.UpdateParams{FirstName: clerk.String("Ada")})
			return err
		}, false, "", nil},
		{"the metadata route on 2026-05-12", clerk.APIVersion20260512, func(c *clerk.Client) error {
			_, err := users.New(c).UpdateMetadata(ctx, "user_1", &users.UpdateMetadataParams{PublicMetadata: clerk.Value(meta)})
			return err
		}, false, "", nil},
		{"removed field on 2025-11-10", "", func(c *clerk.Client) error {
			_, err := users.New(c).Update(ctx, "user_1", &users.UpdateParams{PublicMetadata: clerk.Value(meta)})
			return err
		}, false, "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mt, _ := versionedClient(t, tc.version)
			err := tc.call(c)
			sent := mt.GetTotalCallCount()
			if !tc.refused {
				if err != nil || sent != 1 {
					t.Fatalf("err = %v, %d requests sent; want nil and 1", err, sent)
				}
				return
			}
			if sent != 0 {
				t.Fatalf("%d requests sent; a refusal must send nothing", sent)
			}
			var ve *clerk.VersionError
			if !errors.As(err, &ve) || !errors.Is(err, clerk.ErrNotInAPIVersion) || !errors.Is(err, clerk.ErrInvalidParams) {
				t.Fatalf("err = %v (%T); want a *clerk.VersionError matching ErrNotInAPIVersion and ErrInvalidParams", err, err)
			}
			if ve.Version != c.APIVersion() || !strings.Contains(err.Error(), c.APIVersion()) {
				t.Errorf("the error does not name the client's version %s: %v", c.APIVersion(), err)
			}
			if ve.Field != tc.field {
				t.Errorf("Field = %q, want %q", ve.Field, tc.field)
			}
			if fmt.Sprint(ve.Replacements) != fmt.Sprint(tc.replacements) {
				t.Errorf("Replacements = %v, want %v", ve.Replacements, tc.replacements)
			}
			for _, r := range tc.replacements {
				if !strings.Contains(err.Error(), r) {
					t.Errorf("the message does not name %s: %v", r, err)
				}
			}
		})
	}
}

// ExampleWithAPIVersion selects API version 2026-05-12, which has the
// directory group-role mappings and refuses metadata on users.Update.
func ExampleWithAPIVersion() {
	c, err := clerk.NewClient("sk_test_example", clerk.WithAPIVersion(clerk.APIVersion20260512))
	if err != nil {
		panic(err)
	}
	_, err = users.New(c).Update(context.Background(), "user_123", &users.UpdateParams{
		PublicMetadata: clerk.Value(map[string]any{"plan": "pro"}),
	})
	fmt.Println(errors.Is(err, clerk.ErrNotInAPIVersion))
	fmt.Println(err)
	// Output:
	// true
	// clerk: PATCH /users/{user_id}: API version 2026-05-12 does not accept the field public_metadata (only 2025-11-10: see WithAPIVersion); use users.Service.UpdateMetadata or users.Service.ReplaceMetadata instead
}
