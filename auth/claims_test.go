package auth

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clerkgo/clerk/auth/internal/jwt"
	"github.com/google/go-cmp/cmp"
)

func TestSessionClaimsFormats(t *testing.T) {
	t.Parallel()
	key := testKey()
	v1 := map[string]any{
		"sub": "user_123", "sid": "sess_123", "exp": testNow.Add(time.Minute).Unix(),
		"org_id": "org_9", "org_role": "org:member", "org_slug": "acme",
		"org_permissions": []string{"org:sys_memberships:read"},
		"act":             map[string]any{"sub": "user_admin"},
		"fva":             []int{3, -1},
	}
	tests := []struct {
		name   string
		claims map[string]any
		want   SessionClaims
	}{
		{name: "v1", claims: v1, want: SessionClaims{
			Subject: "user_123", SessionID: "sess_123", Version: 1,
			OrgID: "org_9", OrgRole: "org:member", OrgSlug: "acme",
			OrgPermissions: []string{"org:sys_memberships:read"},
			Actor:          &Actor{Subject: "user_admin"}, FactorVerificationAge: []int{3, -1},
		}},
		{name: "v2", claims: baseClaims(), want: SessionClaims{
			Subject: "user_123", SessionID: "sess_123", SessionStatus: "active", Version: 2,
			Issuer: "https://clerk.example.com", AuthorizedParty: "https://app.example.com",
			OrgID: "org_1", OrgRole: "org:admin", OrgSlug: "acme",
			// fpm "3,1" over per "read,manage": invoices gets both, reports only read.
			OrgPermissions: []string{"org:invoices:read", "org:invoices:manage", "org:reports:read"},
			Features:       []string{"o:invoices", "u:beta", "o:reports"},
			Plans:          []string{"o:pro"},
		}},
		{name: "v2 without org", claims: with(baseClaims(), "o", nil), want: SessionClaims{
			Subject: "user_123", SessionID: "sess_123", SessionStatus: "active", Version: 2,
			Issuer: "https://clerk.example.com", AuthorizedParty: "https://app.example.com",
			Features: []string{"o:invoices", "u:beta", "o:reports"}, Plans: []string{"o:pro"},
		}},
		{name: "v2 more fpm than features", claims: with(baseClaims(), "fea", "o:invoices", "o", map[string]any{"id": "org_1", "rol": "admin", "per": "read,manage", "fpm": "2,3"}), want: SessionClaims{
			Subject: "user_123", SessionID: "sess_123", SessionStatus: "active", Version: 2,
			Issuer: "https://clerk.example.com", AuthorizedParty: "https://app.example.com",
			OrgID: "org_1", OrgRole: "org:admin",
			OrgPermissions: []string{"org:invoices:manage"},
			Features:       []string{"o:invoices"}, Plans: []string{"o:pro"},
		}},
	}
	ignore := cmp.FilterPath(func(p cmp.Path) bool {
		switch p.Last().String() {
		case ".fva", ".Raw", ".Expiry", ".NotBefore", ".IssuedAt":
			return true
		}
		return false
	}, cmp.Ignore())
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v := staticVerifier(t, Config{})
			got, err := v.VerifySessionToken(context.Background(), mint(t, key, baseHeader(), tc.claims))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&tc.want, got, ignore); diff != "" {
				t.Fatalf("claims (-want +got):\n%s", diff)
			}
			if !got.Expiry.Equal(testNow.Add(time.Minute)) {
				t.Fatalf("Expiry = %v", got.Expiry)
			}
		})
	}
}

func TestSessionClaimsDecodeCustom(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{})
	c, err := v.VerifySessionToken(context.Background(), mint(t, testKey(), baseHeader(), with(baseClaims(), "email", "a@b.c")))
	if err != nil {
		t.Fatal(err)
	}
	var custom struct {
		Email string `json:"email"`
	}
	if err := c.Decode(&custom); err != nil || custom.Email != "a@b.c" {
		t.Fatalf("Decode = %v, %+v", err, custom)
	}
}

func TestAuthHas(t *testing.T) {
	t.Parallel()
	a := fromSession(&SessionClaims{
		Subject: "user_1", OrgID: "org_1", OrgRole: "org:admin",
		OrgPermissions: []string{"org:invoices:read"},
		Features:       []string{"o:invoices", "u:beta"},
		Plans:          []string{"o:pro", "u:free"},
	})
	tests := []struct {
		check Check
		want  bool
	}{
		{Role("org:admin"), true},
		{Role("admin"), true},
		{Role("org:member"), false},
		{Permission("org:invoices:read"), true},
		{Permission("org:invoices:manage"), false},
		{Feature("invoices"), true},
		{Feature("org:invoices"), true},
		{Feature("user:invoices"), false},
		{Feature("user:beta"), true},
		{Feature("org:beta"), false},
		{Plan("pro"), true},
		{Plan("org:pro"), true},
		{Plan("user:pro"), false},
		{Plan("user:free"), true},
		{Plan(""), false},
		{Permission("invoices:read"), true},
		{Role("org:org:admin"), true},
		{Feature("team:invoices"), false},
	}
	for _, tc := range tests {
		if got := a.Has(tc.check); got != tc.want {
			t.Errorf("Has(%s) = %v, want %v", tc.check, got, tc.want)
		}
	}
	var nilAuth *Auth
	if nilAuth.Has(Role("org:admin")) || (&Auth{OrgRole: "org:admin"}).Has(Role("org:admin")) {
		t.Error("a nil or signed-out Auth must pass no check")
	}
}

func TestOrgPermissionsAsClerkReadsThem(t *testing.T) {
	t.Parallel()
	str := func(s string) jwt.StringClaim { return jwt.StringClaim{Val: s, OK: true, Truthy: s != ""} }
	// An entry that is not all digits grants nothing for its feature.
	for _, fpm := range []string{"x", "-1", "1.5", "+1", "0x1", ""} {
		got, err := orgPermissions([]string{"o:a"}, str("read"), str(fpm))
		if err != nil || len(got) != 0 {
			t.Errorf("fpm %q: %v, %v; want no permission", fpm, got, err)
		}
	}
	got, err := orgPermissions([]string{"u:x", "o:y", "ou:a"}, str("r,w,d"), str("0,5"))
	if err != nil || !slices.Equal(got, []string{"org:a:r", "org:a:d"}) {
		t.Errorf("orgPermissions = %v, %v", got, err)
	}
	// Bit 69 of a 70-permission organization.
	perms := make([]string, 70)
	for i := range perms {
		perms[i] = fmt.Sprint("p", i)
	}
	got, err = orgPermissions([]string{"o:big"}, str(strings.Join(perms, ",")), str("590295810358705651712"))
	if err != nil || !slices.Equal(got, []string{"org:big:p69"}) {
		t.Errorf("bit 69: %v, %v", got, err)
	}
	if _, err := orgPermissions([]string{"o:a"}, jwt.StringClaim{Present: true, Truthy: true}, str("1")); err == nil {
		t.Error("a per claim of another type than string must be token-invalid")
	}
}
