package auth

import (
	"slices"
)

// TokenType names a kind of bearer token; the strings match Clerk's SDKs.
type TokenType string

// The token types a Verifier can recognise.
const (
	SessionToken TokenType = "session_token"
	APIKey       TokenType = "api_key"
	M2MToken     TokenType = "m2m_token"
	OAuthToken   TokenType = "oauth_token"

	// AnyToken, as the only AcceptsToken entry, accepts every type.
	AnyToken TokenType = "any"
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

// JWT header "cat" values: the class of a token signed by the instance key.
const (
	sessionCategory = "cl_B7d4PD111AAA"
	m2mCategory     = "cl_B7d4PD333AAA"
	ignoreCategory  = "cl_I7d4PD111III" // stamped on every class by some instances
)

// accepts reports whether t is in the accepted list.
func accepts(list []TokenType, t TokenType) bool {
	return t != "" && (slices.Contains(list, AnyToken) || slices.Contains(list, t))
}
