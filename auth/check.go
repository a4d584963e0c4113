package auth

import "strings"

// Check is one authorization requirement for Auth.Has and Require.
type Check struct {
	kind  checkKind
	value string
}

type checkKind int

const (
	checkRole checkKind = iota + 1
	checkPermission
	checkFeature
	checkPlan
)

// Role requires the active organization role, e.g. "org:admin" (the "org:"
// prefix may be omitted).
func Role(role string) Check { return Check{checkRole, role} }

// Permission requires an organization permission, e.g. "org:invoices:read".
func Permission(perm string) Check { return Check{checkPermission, perm} }

// Feature requires a feature: "name" in any scope, "org:name" or
// "user:name" in one scope.
func Feature(name string) Check { return Check{checkFeature, name} }

// Plan requires a plan: "name" in any scope, "org:name" or "user:name".
func Plan(name string) Check { return Check{checkPlan, name} }

// String describes the check, e.g. `role "org:admin"`.
func (c Check) String() string {
	kinds := map[checkKind]string{checkRole: "role", checkPermission: "permission", checkFeature: "feature", checkPlan: "plan"}
	return kinds[c.kind] + " " + `"` + c.value + `"`
}

// hasScoped matches a wanted "name", "org:name" or "user:name" against
// scoped entries such as "o:name" or "u:name".
func hasScoped(entries []string, want string) bool {
	letter := byte(0)
	if rest, ok := strings.CutPrefix(want, "org:"); ok {
		want, letter = rest, 'o'
	} else if rest, ok := strings.CutPrefix(want, "user:"); ok {
		want, letter = rest, 'u'
	}
	if want == "" {
		return false
	}
	for _, e := range entries {
		scope, name, _ := strings.Cut(e, ":")
		if name == want && (letter == 0 || strings.IndexByte(scope, letter) >= 0) {
			return true
		}
	}
	return false
}
