package conformance

// The bullets of issue 17's section 2 (what a first run of Clerk's clients
// against the emulator found), as the known-failure lists name them;
// BulletNew marks a failure the issue does not list.
const (
	BulletPaginated = "§2 paginated=true refused"
	BulletParams    = "§2 documented parameters refused"
	BulletMultipart = "§2 multipart uploads"
	BulletNoV1      = "§2 routes without /v1"
	BulletIssuer    = "§2 session token iss"
	BulletFields    = "§2 answer fields left out"
	BulletLenient   = "§2 lenient where Clerk refuses"
	BulletBehaviour = "§2 behaviour"
	BulletOutside   = "§2 endpoints outside the spec"
	BulletNew       = "new"
)
