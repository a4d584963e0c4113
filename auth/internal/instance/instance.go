// Package instance decides what identifies a Clerk instance and which
// addresses belong to it: what a publishable key says (production or
// development, the Frontend API host, the suffix of the per-instance
// cookie names), where the instance's accounts portal lives, which hosts
// are Clerk's development account portals, and which hosts and origins are
// clean enough to become redirect targets or to be sent to Clerk. Package
// auth (New), its internal package session (the handshake and the public
// URL of a request) and the Frontend API proxy (auth/proxy) share these
// rules.
package instance

import (
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Instance is what a publishable key says about a Clerk instance.
type Instance struct {
	Production   bool
	FrontendAPI  string // host of the Frontend API, e.g. "clerk.example.com"
	CookieSuffix string // suffix of the per-instance cookie names
}

// ErrPublishableKey reports a publishable key Clerk would refuse.
var ErrPublishableKey = errors.New("auth: PublishableKey is not a Clerk publishable key (pk_test_... or pk_live_...)")

// Parse reads pk_live_/pk_test_ keys as Clerk does: the third
// underscore-separated part is the base64 of "<frontend api>$".
func Parse(pk string) (Instance, error) {
	var inst Instance
	switch {
	case strings.HasPrefix(pk, "pk_live_"):
		inst.Production = true
	case strings.HasPrefix(pk, "pk_test_"):
	default:
		return inst, ErrPublishableKey
	}
	parts := strings.Split(pk, "_")
	if len(parts) != 3 || parts[2] == "" {
		return inst, ErrPublishableKey
	}
	decoded, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(parts[2], "="))
	if err != nil {
		return inst, fmt.Errorf("%w: %v", ErrPublishableKey, err)
	}
	fapi, ok := strings.CutSuffix(string(decoded), "$")
	if !ok || strings.Contains(fapi, "$") || !strings.Contains(fapi, ".") {
		return inst, ErrPublishableKey
	}
	inst.FrontendAPI = fapi
	inst.CookieSuffix = cookieSuffix(pk)
	return inst, nil
}

// cookieSuffix is the first eight characters of the URL-safe base64 of the
// SHA-1 of the publishable key: the suffix of __session_<suffix> and
// __client_uat_<suffix>.
func cookieSuffix(pk string) string {
	sum := sha1.Sum([]byte(pk))
	return base64.URLEncoding.EncodeToString(sum[:])[:8]
}

// AccountsOrigin is the accounts portal of a Frontend API, as Clerk
// derives it: clerk.<domain> becomes accounts.<domain>.
func AccountsOrigin(fapi string) string {
	s := fapi
	switch {
	case strings.Contains(s, "clerk.accountsstage."):
		s = strings.Replace(s, "clerk.accountsstage.", "accountsstage.", 1)
	case strings.Contains(s, "clerk.accounts."):
		s = strings.Replace(s, "clerk.accounts.", "accounts.", 1)
	case strings.Contains(s, "clerk."):
		s = strings.Replace(s, "clerk.", "accounts.", 1)
	}
	o, _ := OriginOf("https://" + s)
	return o
}

// IsDevAccountPortal reports the hosts of Clerk's development account
// portals.
func IsDevAccountPortal(host string) bool {
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

// OriginOf is the WHATWG origin of an absolute http(s) URL.
func OriginOf(s string) (string, bool) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	scheme := u.Scheme
	host, ok := CleanHost(u.Host, scheme)
	if !ok {
		return "", false
	}
	return scheme + "://" + host, true
}

// CleanHost lower-cases an ASCII host[:port], drops the scheme's default
// port, and refuses anything else (user info, paths, spaces, bad ports,
// non-ASCII names).
func CleanHost(h, scheme string) (string, bool) {
	if h == "" || len(h) > 255 {
		return "", false
	}
	name, port := h, ""
	if strings.HasPrefix(h, "[") {
		end := strings.IndexByte(h, ']')
		if end < 0 {
			return "", false
		}
		name, port = h[:end+1], h[end+1:]
		for _, c := range name[1:end] {
			if !(c == ':' || c == '.' || IsHexRune(c)) {
				return "", false
			}
		}
		if port != "" && port[0] != ':' {
			return "", false
		}
		port = strings.TrimPrefix(port, ":")
	} else if i := strings.LastIndexByte(h, ':'); i >= 0 {
		name, port = h[:i], h[i+1:]
	}
	if name == "" {
		return "", false
	}
	for i := 0; i < len(name) && name[0] != '['; i++ {
		c := name[i]
		if !(c == '-' || c == '.' || c == '_' || (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'z')) {
			return "", false
		}
	}
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n > 65535 || strings.ContainsAny(port, "+-") {
			return "", false
		}
		port = strconv.Itoa(n)
		if (scheme == "http" && n == 80) || (scheme == "https" && n == 443) {
			port = ""
		}
	}
	name = strings.ToLower(name)
	if port != "" {
		return name + ":" + port, true
	}
	return name, true
}

// IsHexRune reports an ASCII hexadecimal digit.
func IsHexRune(c rune) bool {
	return (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'f')
}
