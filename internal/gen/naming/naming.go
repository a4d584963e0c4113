// Package naming turns the names of the API specs (snake_case, dotted,
// dashed or CamelCase) into Go identifiers with Go's initialisms. The
// generators of the resource packages and of the webhook events share it,
// so that one spec name always becomes the same Go name.
package naming

import (
	"strings"
	"unicode"
)

// initialisms are the words Go spells in capitals (or with their own
// casing) inside identifiers.
var initialisms = map[string]string{
	"id": "ID", "ids": "IDs", "url": "URL", "urls": "URLs", "uri": "URI", "api": "API",
	"jwt": "JWT", "jwks": "JWKS", "jwk": "JWK", "saml": "SAML", "scim": "SCIM", "totp": "TOTP",
	"oauth": "OAuth", "mfa": "MFA", "http": "HTTP", "https": "HTTPS", "ip": "IP", "json": "JSON",
	"html": "HTML", "sms": "SMS", "otp": "OTP", "m2m": "M2M", "cname": "CNAME", "dns": "DNS",
	"ui": "UI", "ttl": "TTL", "sso": "SSO", "idp": "IdP", "acs": "ACS", "uuid": "UUID",
	"web3": "Web3", "ssl": "SSL", "rsa": "RSA", "ecdsa": "ECDSA", "crv": "Crv", "kid": "KID",
	"sp": "SP", "db": "DB", "utm": "UTM", "cors": "CORS", "csp": "CSP", "b2b": "B2B",
	"mx": "MX", "spf": "SPF", "dkim": "DKIM", "pem": "PEM", "xml": "XML", "pkce": "PKCE",
}

// Camel converts a spec name (snake_case, dotted, dashed or already
// CamelCase) to an exported Go identifier.
func Camel(name string) string {
	words := splitWords(name)
	var b strings.Builder
	for _, w := range words {
		lw := strings.ToLower(w)
		if ini, ok := initialisms[lw]; ok {
			b.WriteString(ini)
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	s := b.String()
	if s == "" {
		return "X"
	}
	if unicode.IsDigit(rune(s[0])) {
		s = "N" + s
	}
	return s
}

// LowerCamel converts a spec name to an unexported Go identifier, used for
// method arguments.
func LowerCamel(name string) string {
	c := Camel(name)
	for ini, spelled := range initialisms {
		if strings.HasPrefix(c, spelled) && (len(c) == len(spelled) || unicode.IsUpper(rune(c[len(spelled)]))) {
			c = ini + c[len(spelled):]
			break
		}
	}
	r := []rune(c)
	r[0] = unicode.ToLower(r[0])
	s := string(r)
	if goKeywords[s] {
		s += "_"
	}
	return s
}

var goKeywords = map[string]bool{
	"type": true, "func": true, "package": true, "range": true, "map": true, "chan": true,
	"default": true, "select": true, "go": true, "interface": true, "var": true, "const": true,
}

// splitWords splits on separators and on lower-to-upper case changes,
// keeping runs of capitals together.
func splitWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '_' || r == '.' || r == '-' || r == ' ' || r == '/' || r == ':':
			flush()
		case unicode.IsUpper(r) && len(cur) > 0 && (unicode.IsLower(cur[len(cur)-1]) ||
			(i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(cur[len(cur)-1]))):
			flush()
			cur = append(cur, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return words
}
