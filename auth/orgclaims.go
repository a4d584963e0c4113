package auth

import (
	"errors"
	"math/big"
	"strings"
)

// trimJS trims the white space that JavaScript's String.prototype.trim
// removes (the ASCII subset and the Unicode spaces Clerk's claims could
// carry).
func trimJS(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		switch r {
		case ' ', '\t', '\n', '\v', '\f', '\r', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
			return true
		}
		return r >= 0x2000 && r <= 0x200a
	})
}

// errMissingColon reports a scoped entry without its scope separator.
var errMissingColon = errors.New("scoped entry without a colon")

// splitByScope splits the fea or pla claim into organization and user
// names as Clerk does: "o:" and "u:" entries go to one side, "ou:" and
// "uo:" to both, other scopes are ignored, and an entry without a colon
// (an empty one included) makes the whole claim unreadable.
func splitByScope(c claimString) (org, user []string, err error) {
	if !c.truthy {
		return nil, nil, nil
	}
	if !c.ok {
		return nil, nil, errors.New("claim is not a string")
	}
	for _, part := range strings.Split(c.val, ",") {
		part = trimJS(part)
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

// orgPermissions decodes the v2 permission bitmaps as Clerk does: fpm holds
// one decimal integer of any size per organization feature, in order; bit i
// (least significant first) grants "org:<feature>:<per[i]>". An entry that
// is not all digits grants nothing; bits beyond per and entries beyond the
// features are ignored. per or fpm of another type than string is
// token-invalid (Clerk's SDK throws on it).
func orgPermissions(features []string, per, fpm claimString) ([]string, error) {
	out := []string{}
	if !per.truthy || !fpm.truthy {
		return out, nil
	}
	if !per.ok || !fpm.ok {
		return nil, tokenErr(ReasonTokenInvalid, "malformed per or fpm claim")
	}
	perms := strings.Split(per.val, ",")
	for i := range perms {
		perms[i] = trimJS(perms[i])
	}
	maps := strings.Split(fpm.val, ",")
	var bits big.Int
	for i, feature := range features {
		if i >= len(maps) {
			break
		}
		digits := trimJS(maps[i])
		if !allDigits(digits) {
			continue
		}
		bits.SetString(digits, 10)
		for j, p := range perms {
			if j >= bits.BitLen() {
				break
			}
			if bits.Bit(j) == 1 {
				out = append(out, "org:"+feature+":"+p)
			}
		}
	}
	return out, nil
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
