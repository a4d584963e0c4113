package auth

import (
	"errors"
	"math/big"
	"strconv"
	"strings"

	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// errMissingColon reports a scoped entry without its scope separator.
var errMissingColon = errors.New("scoped entry without a colon")

// splitByScope splits the fea or pla claim into organization and user
// names as Clerk does: "o:" and "u:" entries go to one side, "ou:" and
// "uo:" to both, other scopes are ignored, and an entry without a colon
// (an empty one included) makes the whole claim unreadable.
func splitByScope(c jwt.StringClaim) (org, user []string, err error) {
	if !c.Truthy {
		return nil, nil, nil
	}
	if !c.OK {
		return nil, nil, errors.New("claim is not a string")
	}
	for _, part := range strings.Split(c.Val, ",") {
		part = jwt.TrimJS(part)
		scope, name, ok := strings.Cut(part, ":")
		if !ok {
			return nil, nil, errMissingColon
		}
		switch scope {
		case "o":
			org = append(org, name)
		case "u":
			user = append(user, name)
		case "ou", "uo":
			org = append(org, name)
			user = append(user, name)
		}
	}
	return org, user, nil
}

// orgFeatureScope reports whether a fea entry's scope counts for the
// organization ("o", "ou", "uo"), and its name.
func orgFeatureScope(entry string) (string, bool) {
	scope, name, _ := strings.Cut(entry, ":")
	return name, scope == "o" || scope == "ou" || scope == "uo"
}

// checkScoped reports Clerk's error for a fea or pla claim: an entry
// without a colon (an empty one included) makes the claim unreadable.
func checkScoped(entries []string) error {
	for _, e := range entries {
		if strings.IndexByte(e, ':') < 0 {
			return errMissingColon
		}
	}
	return nil
}

// orgPermissions decodes the v2 permission bitmaps as Clerk does: fpm holds
// one decimal integer of any size per organization feature of fea (the
// trimmed entries), in order; bit i (least significant first) grants
// "org:<feature>:<per[i]>". An entry that is not all digits grants
// nothing; bits beyond per and entries beyond the features are ignored.
// per or fpm of another type than string is token-invalid (Clerk's SDK
// throws on it).
func orgPermissions(fea []string, per, fpm jwt.StringClaim) ([]string, error) {
	if !per.Truthy || !fpm.Truthy {
		return []string{}, nil
	}
	if !per.OK || !fpm.OK {
		return nil, tokenErr(ReasonTokenInvalid, "malformed per or fpm claim")
	}
	var permBuf [32]string
	perms := permBuf[:0]
	for rest, more := per.Val, true; more; {
		var p string
		p, rest, more = strings.Cut(rest, ",")
		perms = append(perms, jwt.TrimJS(p))
	}
	// The granted (feature, permission) pairs are collected first, then
	// joined into one string that every permission is a slice of.
	var buf [32][2]string
	granted := buf[:0]
	rest, more := fpm.Val, true
	var wide *big.Int
	for _, entry := range fea {
		feature, isOrg := orgFeatureScope(entry)
		if !isOrg {
			continue
		}
		if !more {
			break
		}
		var digits string
		digits, rest, more = strings.Cut(rest, ",")
		digits = jwt.TrimJS(digits)
		if !allDigits(digits) {
			continue
		}
		if len(digits) <= 19 {
			bits, _ := strconv.ParseUint(digits, 10, 64)
			for j, p := range perms {
				if j >= 64 || bits>>uint(j) == 0 {
					break
				}
				if bits&(1<<uint(j)) != 0 {
					granted = append(granted, [2]string{feature, p})
				}
			}
			continue
		}
		if wide == nil {
			wide = new(big.Int)
		}
		wide.SetString(digits, 10)
		for j, p := range perms {
			if j >= wide.BitLen() {
				break
			}
			if wide.Bit(j) == 1 {
				granted = append(granted, [2]string{feature, p})
			}
		}
	}
	return joinPermissions(granted), nil
}

// joinPermissions builds "org:<feature>:<permission>" for every pair with
// two allocations.
func joinPermissions(granted [][2]string) []string {
	out := make([]string, len(granted))
	n := 0
	for _, g := range granted {
		n += len("org:") + len(g[0]) + 1 + len(g[1])
	}
	var b strings.Builder
	b.Grow(n)
	for _, g := range granted {
		b.WriteString("org:")
		b.WriteString(g[0])
		b.WriteByte(':')
		b.WriteString(g[1])
	}
	all, at := b.String(), 0
	for i, g := range granted {
		l := len("org:") + len(g[0]) + 1 + len(g[1])
		out[i] = all[at : at+l]
		at += l
	}
	return out
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
