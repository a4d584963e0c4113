package auth

import "strings"

// detectType classifies a token by its form: the mt_, oat_ and ak_
// prefixes; a JWT typed at+jwt (OAuth) or whose sub starts with mch_ (M2M).
// Everything else is treated as a session token.
func detectType(token string) TokenType {
	switch {
	case strings.HasPrefix(token, prefixM2M):
		return M2MToken
	case strings.HasPrefix(token, prefixOAuth):
		return OAuthToken
	case strings.HasPrefix(token, prefixAPI):
		return APIKey
	}
	var t jws
	if t.parse(token) != nil {
		return SessionToken
	}
	switch {
	case isAccessTokenType(&t.header):
		return OAuthToken
	case t.claims.Sub.ok && strings.HasPrefix(t.claims.Sub.val, prefixMch):
		return M2MToken
	}
	return SessionToken
}
