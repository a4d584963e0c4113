package auth

// rawClaims is the JWT payload as sent, in both Clerk claim formats (the
// tags document the claim names; decodeClaims reads them).
type rawClaims struct {
	Sub claimString
	Azp claimString
	Iss claimString
	Aud claimAudience
	Exp claimNumber
	Nbf claimNumber
	Iat claimNumber

	Jti string `json:"jti"`
	Sid string `json:"sid"`
	Sts string `json:"sts"`
	Act *Actor `json:"act"`
	Fva []int  `json:"fva"`
	V   int    `json:"v"`

	// Version 1 organization claims.
	OrgID          string   `json:"org_id"`
	OrgRole        string   `json:"org_role"`
	OrgSlug        string   `json:"org_slug"`
	OrgPermissions []string `json:"org_permissions"`

	// Version 2 claims.
	Org *orgClaim `json:"o"`
	Fea string    `json:"fea"`
	Pla string    `json:"pla"`

	// Machine token claims.
	Scope    string `json:"scope"`
	Scopes   any    `json:"scopes"`
	ClientID string `json:"client_id"`
}

// orgClaim is the compact "o" claim of version 2 tokens.
type orgClaim struct {
	ID   string `json:"id"`
	Role string `json:"rol"`
	Slug string `json:"slg"`
	Per  string `json:"per"`
	Fpm  string `json:"fpm"`
}
