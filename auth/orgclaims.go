package auth

import (
	"strconv"
	"strings"
)

// splitScoped splits a comma-separated list of "<scopes>:<name>" entries
// (the v2 fea and pla claims). Empty input gives nil; an entry without a
// scope or a name is token-invalid.
func splitScoped(s, claim string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		scope, name, ok := strings.Cut(p, ":")
		if !ok || scope == "" || name == "" || strings.Contains(name, ":") {
			return nil, tokenErr(ReasonTokenInvalid, "malformed %s claim", claim)
		}
		out = append(out, p)
	}
	return out, nil
}

// scopedName reports the name of a scoped entry when its scope letters
// include letter ('o' for organization, 'u' for user).
func scopedName(entry string, letter byte) (string, bool) {
	scope, name, _ := strings.Cut(entry, ":")
	return name, strings.IndexByte(scope, letter) >= 0
}

// orgPermissions decodes the v2 permission bitmaps: fpm holds one integer
// per organization-scoped feature in fea, in order; bit i (least
// significant first) grants the i-th permission of per. Bits beyond per and
// integers beyond the features are ignored, as Clerk's SDKs do; a
// non-integer entry is token-invalid.
func orgPermissions(features []string, per, fpm string) ([]string, error) {
	if strings.TrimSpace(fpm) == "" {
		return nil, nil
	}
	var orgFeatures []string
	for _, f := range features {
		if name, ok := scopedName(f, 'o'); ok {
			orgFeatures = append(orgFeatures, name)
		}
	}
	var perms []string
	if strings.TrimSpace(per) != "" {
		perms = strings.Split(per, ",")
		for i := range perms {
			perms[i] = strings.TrimSpace(perms[i])
		}
	}
	var out []string
	for i, entry := range strings.Split(fpm, ",") {
		bits, err := strconv.ParseUint(strings.TrimSpace(entry), 10, 64)
		if err != nil {
			return nil, tokenErr(ReasonTokenInvalid, "malformed fpm claim")
		}
		if i >= len(orgFeatures) {
			continue
		}
		for j, p := range perms {
			if j < 64 && bits&(1<<uint(j)) != 0 && p != "" {
				out = append(out, "org:"+orgFeatures[i]+":"+p)
			}
		}
	}
	return out, nil
}
