package auth

import (
	"net/http"
	"slices"
	"strings"
)

// Status is the outcome of authenticating a request, as Clerk names it.
type Status string

// The three request states.
const (
	SignedIn  Status = "signed-in"
	SignedOut Status = "signed-out"
	// Handshake means the cookie session must be refreshed through Clerk's
	// Frontend API first: answer with Headers (a redirect); Middleware does.
	Handshake Status = "handshake"
)

// Auth is the outcome of authenticating one request. A signed-out Auth has
// IsAuthenticated false and, when a token was refused or missing, a Reason.
// Its lists (OrgPermissions, Features, Plans) are its own copies; the
// session claims are read through SessionClaims.
type Auth struct {
	// Status is the request state Clerk's SDKs report: signed in, signed
	// out, or handshake (the cookie session needs a refresh first).
	Status Status
	// IsAuthenticated is true when the request carries a valid token of an
	// accepted type; a pending session counts only with
	// Config.AcceptPendingSessions.
	IsAuthenticated bool
	TokenType       TokenType // the presented token's type, when one was found
	Reason          Reason    // why the request is signed out (empty when signed in)
	Err             error     // the verification error behind Reason, if any

	// Headers are the response headers Clerk's protocol asks for: the
	// handshake redirect (Location, Set-Cookie, Cache-Control) or the
	// cookies a completed handshake carries. Middleware writes them.
	Headers http.Header

	// UserID is the signed-in user (sub of a session token, or the user a
	// machine token belongs to).
	UserID string
	// SessionID is the session of a session token (sid).
	SessionID     string
	SessionStatus string // "active" or "pending"; kept for signed-out pending sessions
	// OrgID is the active organization, empty when none is active.
	OrgID string
	// OrgRole is the user's role in the active organization (e.g.
	// "org:admin").
	OrgRole string
	// OrgSlug is the active organization's slug.
	OrgSlug string
	// OrgPermissions are the user's permissions in the active organization
	// (e.g. "org:invoices:read").
	OrgPermissions []string
	// Features are the features of the user's and the organization's plans,
	// each with its scope prefix ("u:" or "o:").
	Features []string
	// Plans are the plans the user and the organization subscribe to, each
	// with its scope prefix ("u:" or "o:").
	Plans []string
	// MachineID is the machine a machine token belongs to (mch_...).
	MachineID string
	// Scopes are a machine or OAuth token's granted scopes.
	Scopes []string

	// Machine is the verified machine token, for machine tokens. It is
	// built for this request alone (machine tokens are not cached).
	Machine *MachineAuth

	// claims are the verified session claims, for session tokens. A cached
	// token's claims are the cache's: they are never written and never
	// handed out (SessionClaims returns a copy).
	claims *SessionClaims
}

// SessionClaims returns a copy of the verified session claims, or nil when
// the request is not signed in with a session token. Every call makes a
// new copy whose slices and Actor are its own: changing it changes nothing
// this Auth's Has, a later call, or a later request with the same token
// reads.
func (a *Auth) SessionClaims() *SessionClaims {
	if a == nil || a.claims == nil {
		return nil
	}
	return a.claims.clone()
}

// Has reports whether a signed-in session passes every check, with the
// rules of Clerk's has(): roles and permissions need an active
// organization, features and plans are read from the token's fea and pla
// claims, reverification from its fva claim. Machine tokens, signed-out
// requests and an empty list of checks pass nothing.
func (a *Auth) Has(checks ...Check) bool {
	if a == nil || !a.IsAuthenticated || a.TokenType != SessionToken || a.UserID == "" || len(checks) == 0 {
		return false
	}
	for _, c := range checks {
		if !a.passes(c) {
			return false
		}
	}
	return true
}

func (a *Auth) passes(c Check) bool {
	switch c.kind {
	case checkRole:
		return a.OrgID != "" && a.OrgRole != "" && prefixWithOrg(a.OrgRole) == prefixWithOrg(c.value)
	case checkPermission:
		return a.OrgID != "" && slices.Contains(a.OrgPermissions, prefixWithOrg(c.value))
	case checkFeature:
		return hasScoped(strings.Join(a.Features, ","), c.value)
	case checkPlan:
		return hasScoped(strings.Join(a.Plans, ","), c.value)
	case checkReverification:
		return a.claims != nil && a.claims.fva != nil && reverified(a.claims.fva.claim, c)
	}
	return false
}

// signedOut builds a signed-out Auth for a reason.
func signedOut(typ TokenType, err error) *Auth {
	a := &Auth{Status: SignedOut, TokenType: typ, Err: err}
	var te *TokenError
	if asTokenError(err, &te) {
		a.Reason = te.Reason
	} else if err != nil {
		a.Reason = ReasonUnexpectedError
	}
	return a
}

// sessionAuth is the Auth of a signed-in session with room for its own
// copies of the claims' lists (OrgPermissions, Features, Plans): a cached
// token's lists are the cache's, and a handler writing into its Auth's must
// not reach them. The room fits the usual token, so the Auth and its lists
// are one allocation.
type sessionAuth struct {
	auth  Auth
	lists [8]string
}

// fromSession builds an Auth from verified session claims.
func fromSession(src *SessionClaims) *Auth {
	return new(sessionAuth).fill(src)
}

// fill makes s.auth, a zero Auth, the signed-in Auth of the session claims,
// and returns it. It sets the fields one by one: assigning a whole Auth
// literal would build it on the stack and copy it again.
func (s *sessionAuth) fill(src *SessionClaims) *Auth {
	a := &s.auth
	a.Status, a.IsAuthenticated, a.TokenType = SignedIn, true, SessionToken
	a.claims = src
	a.UserID, a.SessionID, a.SessionStatus = src.Subject, src.SessionID, src.SessionStatus
	a.OrgID, a.OrgRole, a.OrgSlug = src.OrgID, src.OrgRole, src.OrgSlug
	perms, features, plans := src.OrgPermissions, src.Features, src.Plans
	if len(perms)+len(features)+len(plans) > len(s.lists) {
		a.OrgPermissions, a.Features, a.Plans = slices.Clone(perms), slices.Clone(features), slices.Clone(plans)
		return a
	}
	room := s.lists[:]
	a.OrgPermissions, room = ownCopy(perms, room)
	a.Features, room = ownCopy(features, room)
	a.Plans, _ = ownCopy(plans, room)
	return a
}

// ownCopy copies list to the start of room, which has space for it, and
// returns the copy and the rest of room. The copy's capacity ends at its
// length, so that an append to it cannot write into the next copy. A nil
// list stays nil and an empty one empty.
func ownCopy(list, room []string) (cp, rest []string) {
	n := len(list)
	if n == 0 {
		return list[:0:0], room
	}
	cp = room[:n:n]
	copy(cp, list)
	return cp, room[n:]
}

// fromMachine builds an Auth from a verified machine token.
func fromMachine(m *MachineAuth) *Auth {
	return &Auth{
		Status:          SignedIn,
		IsAuthenticated: true,
		TokenType:       m.TokenType,
		UserID:          m.UserID,
		OrgID:           m.OrgID,
		MachineID:       m.MachineID,
		Scopes:          m.Scopes,
		Machine:         m,
	}
}
