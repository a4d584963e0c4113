package auth

import "strings"

// detectType classifies a token as Clerk's SDK does: mt_ or a JWT whose sub
// starts with mch_ is an M2M token, oat_ or a JWT typed at+jwt an OAuth
// token, ak_ an API key; everything else is a session token.
func (rc *reqContext) detectType(token string) TokenType {
	return typeOf(token, func(t string) tokenFacts { return rc.peek(t).facts })
}

func typeOf(token string, facts func(string) tokenFacts) TokenType {
	if strings.HasPrefix(token, prefixM2M) {
		return M2MToken
	}
	f := facts(token)
	switch {
	case f.m2mJWT:
		return M2MToken
	case strings.HasPrefix(token, prefixOAuth), f.oauthJWT:
		return OAuthToken
	case strings.HasPrefix(token, prefixAPI):
		return APIKey
	}
	return SessionToken
}
