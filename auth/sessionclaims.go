package auth

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// SessionClaims are the verified claims of a Clerk session token. The
// claims VerifySessionToken returns may share their slices and Actor with
// the token cache: treat those as read-only. Auth.SessionClaims returns a
// copy that shares nothing.
type SessionClaims struct {
	Subject         string    // sub: the user ID
	Issuer          string    // iss: the Frontend API URL
	Audience        []string  // aud, when the token has one
	AuthorizedParty string    // azp: the origin that requested the token
	ID              string    // jti
	Expiry          time.Time // exp
	NotBefore       time.Time // nbf (zero when absent)
	IssuedAt        time.Time // iat (zero when absent)

	SessionID     string // sid
	SessionStatus string // sts: "active" or "pending" (empty in older tokens)
	Actor         *Actor // act: the impersonator, when any
	// FactorVerificationAge (fva) holds the minutes since the first and
	// second factor were verified; -1 means the factor is not enrolled. It
	// is nil when the claim is absent or malformed.
	FactorVerificationAge []int

	Version        int      // 1 or 2 (v)
	OrgID          string   // active organization ID
	OrgRole        string   // e.g. "org:admin"
	OrgSlug        string   // active organization slug
	OrgPermissions []string // e.g. "org:invoices:read"
	Features       []string // the fea entries as sent, e.g. "o:invoices", "u:beta"
	Plans          []string // the pla entries as sent, e.g. "o:pro", "u:free"

	// Raw is the decoded payload JSON, for custom claims; see Decode.
	Raw string

	// fva is the fva claim as Has reads it, nil unless valid. It is shared
	// by every copy of the claims of one verification and never written
	// after it (a pointer keeps the copies Middleware and a cached
	// VerifySessionToken make 32 bytes smaller; see BENCHMARKS.md).
	fva *verifiedFva
}

// verifiedFva is a valid fva claim: the ages as Has compares them, and the
// array behind FactorVerificationAge.
type verifiedFva struct {
	claim jwt.FvaClaim
	ages  [2]int
}

// claimsAlloc holds new claims and their fva in one allocation.
type claimsAlloc struct {
	c   SessionClaims
	fva verifiedFva
}

// Actor identifies who acts on the user's behalf (impersonation).
type Actor struct {
	// Subject is the user who is acting (the impersonator).
	Subject string `json:"sub"`
	// Issuer is who granted the actor token, when given.
	Issuer string `json:"iss,omitempty"`
	// Session is the actor's own session, when given.
	Session string `json:"sid,omitempty"`
}

// clone is a copy of c that shares no slice or Actor with it; the fva Has
// reads is shared, as it is never written.
func (c *SessionClaims) clone() *SessionClaims {
	cp := *c
	cp.Audience = slices.Clone(c.Audience)
	cp.FactorVerificationAge = slices.Clone(c.FactorVerificationAge)
	cp.OrgPermissions = slices.Clone(c.OrgPermissions)
	cp.Features = slices.Clone(c.Features)
	cp.Plans = slices.Clone(c.Plans)
	if c.Actor != nil {
		act := *c.Actor
		cp.Actor = &act
	}
	return &cp
}

// Decode unmarshals the raw payload into v, for custom session claims.
func (c *SessionClaims) Decode(v any) error {
	if err := json.Unmarshal([]byte(c.Raw), v); err != nil {
		return fmt.Errorf("auth: decode claims: %w", err)
	}
	return nil
}

// newSessionClaims builds SessionClaims from a verified payload. It reads
// the claims as Clerk's SDK reads them; a version 2 token with an
// organization whose fea, per or fpm claim Clerk cannot read (its SDK throws
// on them) is token-invalid.
func newSessionClaims(rc *jwt.Claims, payload string) (*SessionClaims, error) {
	alloc := &claimsAlloc{c: SessionClaims{
		Subject:         rc.Sub.Val,
		Issuer:          rc.Iss.Val,
		AuthorizedParty: rc.Azp.Val,
		ID:              rc.Jti.Val,
		Expiry:          rc.Exp.Time(),
		NotBefore:       rc.Nbf.Time(),
		IssuedAt:        rc.Iat.Time(),
		SessionID:       rc.Sid.Val,
		SessionStatus:   rc.Sts.Val,
		Actor:           decodeActor(rc.Act),
		Version:         1,
		Raw:             payload,
	}}
	c := &alloc.c
	c.Features, c.Plans = entries2(rc.Fea, rc.Pla)
	if rc.Fva.Valid {
		alloc.fva = verifiedFva{claim: rc.Fva, ages: [2]int{int(rc.Fva.Ages[0]), int(rc.Fva.Ages[1])}}
		c.fva = &alloc.fva
		c.FactorVerificationAge = alloc.fva.ages[:]
	}
	if rc.Aud.OK {
		c.Audience = rc.Aud.Val
	}
	if !rc.V2 {
		c.OrgID, c.OrgRole, c.OrgSlug = rc.OrgID.Val, rc.OrgRole.Val, rc.OrgSlug.Val
		if rc.OrgPermissions.IsArray {
			c.OrgPermissions = rc.OrgPermissions.Strs
			if c.OrgPermissions == nil {
				c.OrgPermissions = []string{}
			}
		}
		return c, nil
	}
	c.Version = 2
	o := &rc.Org
	if !o.Truthy {
		return c, nil
	}
	c.OrgID, c.OrgSlug = o.ID.Val, o.Slug.Val
	if o.Role.Truthy {
		if !o.Role.OK {
			// Clerk would build "org:<value>" from a non-string; no string
			// check can match it here, so the role is left out.
			c.OrgRole = ""
		} else {
			c.OrgRole = "org:" + o.Role.Val
		}
	}
	if rc.Fea.Truthy && !rc.Fea.OK {
		return nil, tokenErr(ReasonTokenInvalid, "malformed fea claim: not a string")
	}
	if err := checkScoped(c.Features); err != nil {
		return nil, tokenErr(ReasonTokenInvalid, "malformed fea claim: %v", err)
	}
	perms, err := orgPermissions(c.Features, o.Per, o.Fpm)
	if err != nil {
		return nil, err
	}
	c.OrgPermissions = perms
	return c, nil
}

// entries2 splits the fea and pla claims into their trimmed entries (nil
// for a claim that is not a non-empty string), in one allocation.
func entries2(fea, pla jwt.StringClaim) (features, plans []string) {
	count := func(c jwt.StringClaim) int {
		if !c.OK || c.Val == "" {
			return 0
		}
		return strings.Count(c.Val, ",") + 1
	}
	nf, np := count(fea), count(pla)
	if nf+np == 0 {
		return nil, nil
	}
	all := make([]string, 0, nf+np)
	split := func(c jwt.StringClaim) {
		if !c.OK || c.Val == "" {
			return
		}
		rest := c.Val
		for {
			part, tail, more := strings.Cut(rest, ",")
			all = append(all, jwt.TrimJS(part))
			if !more {
				return
			}
			rest = tail
		}
	}
	split(fea)
	split(pla)
	if nf > 0 {
		features = all[:nf:nf]
	}
	if np > 0 {
		plans = all[nf:]
	}
	return features, plans
}

// decodeActor reads the act claim (raw JSON of an object, or empty).
func decodeActor(raw string) *Actor {
	if raw == "" {
		return nil
	}
	var a Actor
	if json.Unmarshal([]byte(raw), &a) != nil {
		return nil
	}
	return &a
}
