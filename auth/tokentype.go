package auth

import "slices"

// TokenType names a kind of bearer token; the strings match Clerk's SDKs.
type TokenType string

// The token types a Verifier can recognise.
const (
	SessionToken TokenType = "session_token"
	APIKey       TokenType = "api_key"
	M2MToken     TokenType = "m2m_token"
	OAuthToken   TokenType = "oauth_token"
)

// Prefixes of the opaque machine tokens.
const (
	prefixM2M   = "mt_"
	prefixOAuth = "oat_"
	prefixAPI   = "ak_"
	prefixMch   = "mch_"
	prefixUser  = "user_"
	prefixOrg   = "org_"
)

// m2mCategory is the JWT header "cat" value of M2M tokens.
const m2mCategory = "cl_B7d4PD333AAA"

// accepts reports whether t is in the accepted list.
func accepts(list []TokenType, any bool, t TokenType) bool {
	return any || slices.Contains(list, t)
}
