package auth

import (
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// SessionClaims are the verified claims of a Clerk session token. Treat the
// slices as read-only: a cached verification may share them.
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
	// second factor were verified; -1 means never.
	FactorVerificationAge []int

	Version        int      // 1 or 2 (v)
	OrgID          string   // active organization ID
	OrgRole        string   // e.g. "org:admin"
	OrgSlug        string   // active organization slug
	OrgPermissions []string // e.g. "org:invoices:read"
	Features       []string // scoped features, e.g. "o:invoices", "u:beta" (v2)
	Plans          []string // scoped plans, e.g. "o:pro", "u:free" (v2)

	// Raw is the decoded payload JSON, for custom claims; see Decode.
	Raw string
}

// Actor identifies who acts on the user's behalf (impersonation).
type Actor struct {
	Subject string `json:"sub"`
	Issuer  string `json:"iss,omitempty"`
	Session string `json:"sid,omitempty"`
}

// Decode unmarshals the raw payload into v, for custom session claims.
func (c *SessionClaims) Decode(v any) error {
	if err := json.Unmarshal([]byte(c.Raw), v); err != nil {
		return fmt.Errorf("auth: decode claims: %w", err)
	}
	return nil
}

// newSessionClaims builds SessionClaims from a verified payload; a malformed
// fea or fpm claim is token-invalid.
func newSessionClaims(rc *rawClaims, payload string) (*SessionClaims, error) {
	c := &SessionClaims{
		Subject:               rc.Sub.val,
		Issuer:                rc.Iss.val,
		AuthorizedParty:       rc.Azp.val,
		ID:                    rc.Jti,
		Expiry:                secondsToTime(rc.Exp),
		NotBefore:             secondsToTime(rc.Nbf),
		IssuedAt:              secondsToTime(rc.Iat),
		SessionID:             rc.Sid,
		SessionStatus:         rc.Sts,
		Actor:                 rc.Act,
		FactorVerificationAge: rc.Fva,
		Version:               1,
		Raw:                   payload,
	}
	if rc.Aud.ok {
		c.Audience = rc.Aud.val
	}
	if rc.V != 2 {
		c.OrgID, c.OrgRole, c.OrgSlug = rc.OrgID, rc.OrgRole, rc.OrgSlug
		c.OrgPermissions = rc.OrgPermissions
		return c, nil
	}
	c.Version = 2
	features, err := splitScoped(rc.Fea, "fea")
	if err != nil {
		return nil, err
	}
	plans, err := splitScoped(rc.Pla, "pla")
	if err != nil {
		return nil, err
	}
	c.Features, c.Plans = features, plans
	if o := rc.Org; o != nil {
		c.OrgID, c.OrgSlug = o.ID, o.Slug
		if o.Role != "" {
			c.OrgRole = "org:" + o.Role
		}
		perms, err := orgPermissions(features, o.Per, o.Fpm)
		if err != nil {
			return nil, err
		}
		c.OrgPermissions = perms
	}
	return c, nil
}

// secondsToTime converts a NumericDate to a time, zero when absent; values
// beyond the year 9999 are clamped.
func secondsToTime(n claimNumber) time.Time {
	if !n.ok {
		return time.Time{}
	}
	const maxSec = 253402300799 // 9999-12-31T23:59:59Z
	f := math.Max(math.Min(n.val, maxSec), -maxSec)
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC()
}
