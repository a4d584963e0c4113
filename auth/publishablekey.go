package auth

import (
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// instance is what a publishable key says about a Clerk instance.
type instance struct {
	production  bool
	frontendAPI string // host of the Frontend API, e.g. "clerk.example.com"
	suffix      string // suffix of the per-instance cookie names
}

// errPublishableKey reports a publishable key Clerk would refuse.
var errPublishableKey = errors.New("auth: PublishableKey is not a Clerk publishable key (pk_test_... or pk_live_...)")

// parsePublishableKey reads pk_live_/pk_test_ keys as Clerk does: the third
// underscore-separated part is the base64 of "<frontend api>$".
func parsePublishableKey(pk string) (instance, error) {
	var inst instance
	switch {
	case strings.HasPrefix(pk, "pk_live_"):
		inst.production = true
	case strings.HasPrefix(pk, "pk_test_"):
	default:
		return inst, errPublishableKey
	}
	parts := strings.Split(pk, "_")
	if len(parts) != 3 || parts[2] == "" {
		return inst, errPublishableKey
	}
	decoded, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(parts[2], "="))
	if err != nil {
		return inst, fmt.Errorf("%w: %v", errPublishableKey, err)
	}
	fapi, ok := strings.CutSuffix(string(decoded), "$")
	if !ok || strings.Contains(fapi, "$") || !strings.Contains(fapi, ".") {
		return inst, errPublishableKey
	}
	inst.frontendAPI = fapi
	inst.suffix = cookieSuffix(pk)
	return inst, nil
}

// cookieSuffix is the first eight characters of the URL-safe base64 of the
// SHA-1 of the publishable key: the suffix of __session_<suffix> and
// __client_uat_<suffix>.
func cookieSuffix(pk string) string {
	sum := sha1.Sum([]byte(pk))
	return base64.URLEncoding.EncodeToString(sum[:])[:8]
}

// accountsOrigin is the accounts portal of a Frontend API, as Clerk
// derives it: clerk.<domain> becomes accounts.<domain>.
func accountsOrigin(fapi string) string {
	s := fapi
	switch {
	case strings.Contains(s, "clerk.accountsstage."):
		s = strings.Replace(s, "clerk.accountsstage.", "accountsstage.", 1)
	case strings.Contains(s, "clerk.accounts."):
		s = strings.Replace(s, "clerk.accounts.", "accounts.", 1)
	case strings.Contains(s, "clerk."):
		s = strings.Replace(s, "clerk.", "accounts.", 1)
	}
	o, _ := originOf("https://" + s)
	return o
}

// isDevAccountPortal reports the hosts of Clerk's development account
// portals.
func isDevAccountPortal(host string) bool {
	for _, s := range [...]string{".lcl.dev", ".lclstage.dev", ".lclclerk.com"} {
		if strings.HasPrefix(host, "accounts.") && strings.HasSuffix(host, s) {
			return true
		}
	}
	for _, s := range [...]string{".accounts.dev", ".accountsstage.dev", ".accounts.lclclerk.com"} {
		if strings.HasSuffix(host, s) && !strings.HasSuffix(host, ".clerk"+s) {
			return true
		}
	}
	return false
}
