package session

import (
	"math"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// Names of the cookies and query parameters of Clerk's protocol.
const (
	cookieSession        = "__session"
	cookieClientUat      = "__client_uat"
	cookieRefresh        = "__refresh"
	cookieHandshake      = "__clerk_handshake"
	cookieHandshakeNonce = "__clerk_handshake_nonce"
	cookieDevBrowser     = "__clerk_db_jwt"
	cookieRedirectCount  = "__clerk_redirect_count"

	paramHelp           = "__clerk_help"
	paramLegacyDev      = "__dev_session"
	paramSynced         = "__clerk_synced"
	paramHandshakeWhy   = "__clerk_hs_reason"
	paramSuffixed       = "suffixed_cookies"
	paramRedirectURL    = "__clerk_redirect_url"
	paramAPIVersion     = "__clerk_api_version"
	handshakeAPIVersion = "2026-05-12"
)

// parseCookies reads a Cookie header the way Clerk's SDK (the cookie
// package, 1.x) reads it: pairs split at ';', names and values trimmed of
// spaces and tabs, the first occurrence of a name wins, a value with '%'
// is URL-decoded when it decodes, quotes are kept.
func parseCookies(h string) map[string]string {
	out := map[string]string{}
	if len(h) < 2 {
		return out
	}
	for index := 0; index < len(h); {
		eq := strings.IndexByte(h[index:], '=')
		if eq < 0 {
			break
		}
		eq += index
		end := strings.IndexByte(h[index:], ';')
		if end < 0 {
			end = len(h)
		} else {
			end += index
		}
		if eq > end {
			// The pair has no '='; start again after the previous ';'.
			index = strings.LastIndexByte(h[:eq], ';') + 1
			continue
		}
		key := trimSpaceTab(h[index:eq])
		if _, seen := out[key]; !seen {
			out[key] = decodeCookie(trimSpaceTab(h[eq+1 : end]))
		}
		index = end + 1
	}
	return out
}

// decodeCookie applies decodeURIComponent when the value has '%', keeping
// the raw value when it does not decode to UTF-8.
func decodeCookie(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	d, err := url.PathUnescape(s)
	if err != nil || !utf8.ValidString(d) {
		return s
	}
	return d
}

// parseIntJS is Number.parseInt(s) || 0: leading white space, a sign, then
// decimal digits (or hexadecimal after 0x), stopping at the first other
// character; no digits at all gives 0.
func parseIntJS(s string) float64 {
	s = jwt.TrimJS(s)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	base := 10.0
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		base, s = 16, s[2:]
	}
	v, n := 0.0, 0
	for ; n < len(s); n++ {
		d := digitValue(s[n])
		if d < 0 || float64(d) >= base {
			break
		}
		v = v*base + float64(d)
	}
	if n == 0 || math.IsInf(v, 0) {
		if math.IsInf(v, 0) {
			return v
		}
		return 0
	}
	if neg {
		return -v
	}
	return v
}

func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// numberJS is Number(s) || 0 for the redirect counter: the whole string,
// trimmed, must be a decimal number.
func numberJS(s string) float64 {
	s = jwt.TrimJS(s)
	if s == "" {
		return 0
	}
	v := 0.0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		v = v*10 + float64(s[i]-'0')
	}
	return v
}

// cookieName and cookieValue split a Set-Cookie directive as Clerk does:
// the name before the first '=', the value up to the next '=' or ';'.
func cookieName(directive string) string {
	first, _, _ := strings.Cut(directive, ";")
	name, _, _ := strings.Cut(first, "=")
	return name
}

func cookieValue(directive string) string {
	first, _, _ := strings.Cut(directive, ";")
	parts := strings.Split(first, "=")
	if len(parts) < 2 {
		return ""
	}
	return parts[1]
}

// isClerkCookie reports whether a handshake directive sets one of Clerk's
// own cookies; others are dropped (see the package documentation).
func isClerkCookie(directive string) bool {
	name := trimSpaceTab(cookieName(directive))
	for _, p := range [...]string{cookieSession, cookieClientUat, cookieRefresh, "__clerk"} {
		if name == p || strings.HasPrefix(name, p+"_") {
			return true
		}
	}
	return false
}
