package jwt

// Claims is the JWT payload as sent, in both Clerk claim formats. Every
// claim is read leniently, as Clerk's JavaScript SDK reads it: a claim of an
// unexpected JSON type is remembered as present but unusable, never as a
// malformed payload, so that the verdict is decided by the same check that
// decides it in @clerk/backend.
type Claims struct {
	// NotObject is set when the payload is valid JSON but not an object:
	// such a token fails the sub check after its signature, as in Clerk.
	NotObject bool

	Sub StringClaim
	Azp StringClaim
	Iss StringClaim
	Aud AudienceClaim
	Exp NumberClaim
	Nbf NumberClaim
	Iat NumberClaim

	Jti StringClaim
	Sid StringClaim
	Sts StringClaim
	Act string // the act claim as raw JSON when it is an object, else empty
	Fva FvaClaim
	V2  bool // v is the JSON number 2

	// Version 1 organization claims.
	OrgID          StringClaim
	OrgRole        StringClaim
	OrgSlug        StringClaim
	OrgPermissions ListClaim

	// Version 2 claims.
	Org OrgClaim
	Fea StringClaim
	Pla StringClaim

	// Machine token claims.
	Scope  StringClaim
	Scopes StringClaim // M2M JWTs: space-separated machine IDs
	// ScopesNotString is set when scopes is present, not null and not a
	// string: Clerk's SDK fails on such an M2M token.
	ScopesNotString bool
	Scp             ListClaim // OAuth JWTs (RFC 9068)
	ClientID        StringClaim
}

// OrgClaim is the compact "o" claim of version 2 tokens. truthy records
// whether the claim counts as set in JavaScript terms (any value but null,
// false, 0 and ""), which is what decides whether Clerk reads it.
type OrgClaim struct {
	Truthy bool
	ID     StringClaim
	Role   StringClaim
	Slug   StringClaim
	Per    StringClaim
	Fpm    StringClaim
}
