package auth

// rawClaims is the JWT payload as sent, in both Clerk claim formats. Every
// claim is read leniently, as Clerk's JavaScript SDK reads it: a claim of an
// unexpected JSON type is remembered as present but unusable, never as a
// malformed payload, so that the verdict is decided by the same check that
// decides it in @clerk/backend.
type rawClaims struct {
	// notObject is set when the payload is valid JSON but not an object:
	// such a token fails the sub check after its signature, as in Clerk.
	notObject bool

	Sub claimString
	Azp claimString
	Iss claimString
	Aud claimAudience
	Exp claimNumber
	Nbf claimNumber
	Iat claimNumber

	Jti claimString
	Sid claimString
	Sts claimString
	Act *Actor
	Fva claimFva
	V2  bool // v is the JSON number 2

	// Version 1 organization claims.
	OrgID          claimString
	OrgRole        claimString
	OrgSlug        claimString
	OrgPermissions claimList

	// Version 2 claims.
	Org orgClaim
	Fea claimString
	Pla claimString

	// Machine token claims.
	Scope  claimString
	Scopes claimString // M2M JWTs: space-separated machine IDs
	// ScopesNotString is set when scopes is present, not null and not a
	// string: Clerk's SDK fails on such an M2M token.
	ScopesNotString bool
	Scp             claimList // OAuth JWTs (RFC 9068)
	ClientID        claimString
}

// orgClaim is the compact "o" claim of version 2 tokens. truthy records
// whether the claim counts as set in JavaScript terms (any value but null,
// false, 0 and ""), which is what decides whether Clerk reads it.
type orgClaim struct {
	truthy bool
	ID     claimString
	Role   claimString
	Slug   claimString
	Per    claimString
	Fpm    claimString
}
