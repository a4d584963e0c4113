package auth

import (
	"fmt"
	"strings"

	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// Check is one authorization requirement for Auth.Has and Require. Build
// checks with Role, Permission, Feature, Plan and Reverification.
type Check struct {
	kind  checkKind
	value string
	// For reverification checks: the level and the freshness, or a preset
	// name in value.
	level   VerificationLevel
	minutes float64
}

type checkKind int

const (
	checkRole checkKind = iota + 1
	checkPermission
	checkFeature
	checkPlan
	checkReverification
)

// Role requires the active organization role, e.g. "org:admin" (the "org:"
// prefix may be omitted, as in Clerk's has()).
func Role(role string) Check { return Check{kind: checkRole, value: role} }

// Permission requires an organization permission, e.g. "org:invoices:read"
// (the "org:" prefix may be omitted).
func Permission(perm string) Check { return Check{kind: checkPermission, value: perm} }

// Feature requires a feature: "name" in either scope, "org:name" (also
// "o:" or "organization:") or "user:name" (also "u:").
func Feature(name string) Check { return Check{kind: checkFeature, value: name} }

// Plan requires a plan, scoped like Feature.
func Plan(name string) Check { return Check{kind: checkPlan, value: name} }

// String describes the check, e.g. `role "org:admin"`.
func (c Check) String() string {
	switch c.kind {
	case checkRole:
		return fmt.Sprintf("role %q", c.value)
	case checkPermission:
		return fmt.Sprintf("permission %q", c.value)
	case checkFeature:
		return fmt.Sprintf("feature %q", c.value)
	case checkPlan:
		return fmt.Sprintf("plan %q", c.value)
	case checkReverification:
		if c.value != "" {
			return fmt.Sprintf("reverification %q", c.value)
		}
		return fmt.Sprintf("reverification %s within %g minutes", c.level, c.minutes)
	}
	return "invalid check"
}

// prefixWithOrg replaces any run of leading "org:" with exactly one, as
// Clerk compares roles and permissions.
func prefixWithOrg(s string) string {
	for strings.HasPrefix(s, "org:") {
		s = s[len("org:"):]
	}
	return "org:" + s
}

// hasScoped reports whether a feature or plan claim grants want, with
// Clerk's reading of both: want is "scope:name" (only the first two
// colon-separated parts count) or a bare name matched in either scope.
func hasScoped(claim string, want string) bool {
	if claim == "" {
		return false
	}
	org, user, err := splitByScope(jwt.StringClaim{Val: claim, OK: true, Truthy: true})
	if err != nil {
		return false
	}
	parts := strings.SplitN(want, ":", 3)
	scope, id := parts[0], parts[0]
	explicit := len(parts) > 1
	if explicit && parts[1] != "" {
		id = parts[1]
	}
	contains := func(list []string) bool {
		for _, x := range list {
			if x == id {
				return true
			}
		}
		return false
	}
	if !explicit {
		return contains(org) || contains(user)
	}
	switch scope {
	case "o", "org", "organization":
		return contains(org)
	case "u", "user":
		return contains(user)
	}
	return false
}
