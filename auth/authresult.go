package auth

import (
	"slices"
	"strings"
)

// Auth is the outcome of authenticating one request. A signed-out Auth has
// IsAuthenticated false and, when a token was refused or missing, a Reason.
type Auth struct {
	IsAuthenticated bool
	TokenType       TokenType // the presented token's type, when one was found
	Reason          Reason    // why the request is signed out (empty when signed in)
	Err             error     // the verification error behind Reason, if any

	UserID         string
	SessionID      string
	SessionStatus  string // "active" or "pending"; kept for signed-out pending sessions
	OrgID          string
	OrgRole        string
	OrgSlug        string
	OrgPermissions []string
	Features       []string
	Plans          []string
	MachineID      string
	Scopes         []string

	Session *SessionClaims // the verified session claims, for session tokens
	Machine *MachineAuth   // the verified machine token, for machine tokens
}

// Has reports whether a signed-in Auth passes the check. A nil or signed-out
// Auth passes nothing.
func (a *Auth) Has(c Check) bool {
	if a == nil || !a.IsAuthenticated || c.value == "" {
		return false
	}
	switch c.kind {
	case checkRole:
		return a.OrgRole != "" && (a.OrgRole == c.value || (!strings.HasPrefix(c.value, "org:") && a.OrgRole == "org:"+c.value))
	case checkPermission:
		return slices.Contains(a.OrgPermissions, c.value)
	case checkFeature:
		return hasScoped(a.Features, c.value)
	case checkPlan:
		return hasScoped(a.Plans, c.value)
	}
	return false
}

// signedOut builds a signed-out Auth for a reason.
func signedOut(typ TokenType, err error) *Auth {
	a := &Auth{TokenType: typ, Err: err}
	var te *TokenError
	if asTokenError(err, &te) {
		a.Reason = te.Reason
	} else if err != nil {
		a.Reason = ReasonUnexpectedError
	}
	return a
}

// fromSession builds an Auth from verified session claims.
func fromSession(c *SessionClaims) *Auth {
	return &Auth{
		IsAuthenticated: true,
		TokenType:       SessionToken,
		UserID:          c.Subject,
		SessionID:       c.SessionID,
		SessionStatus:   c.SessionStatus,
		OrgID:           c.OrgID,
		OrgRole:         c.OrgRole,
		OrgSlug:         c.OrgSlug,
		OrgPermissions:  c.OrgPermissions,
		Features:        c.Features,
		Plans:           c.Plans,
		Session:         c,
	}
}

// fromMachine builds an Auth from a verified machine token.
func fromMachine(m *MachineAuth) *Auth {
	return &Auth{
		IsAuthenticated: true,
		TokenType:       m.TokenType,
		UserID:          m.UserID,
		OrgID:           m.OrgID,
		MachineID:       m.MachineID,
		Scopes:          m.Scopes,
		Machine:         m,
	}
}
