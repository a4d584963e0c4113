package session

import (
	"context"
	"net/http"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth/internal/instance"
	"github.com/clerkgo/clerk/auth/internal/jwt"
	"github.com/clerkgo/clerk/auth/internal/orgsync"
	"github.com/clerkgo/clerk/auth/internal/reason"
)

// The request states, spelled as Clerk's SDK (and auth.Status) spells them.
const (
	SignedIn  = "signed-in"
	SignedOut = "signed-out"
	Handshake = "handshake"
)

// Config is the part of auth.Config the cookie decisions read, already
// checked by auth.New. It is not modified after New.
type Config struct {
	Instance          *instance.Instance // nil without a publishable key
	SignInURL         string             // a satellite's sign-in URL
	Domain            string             // a satellite's domain
	ProxyURL          string             // trimmed; absolute or a path
	Satellite         bool
	AutoSync          bool
	AuthorizedParties []string
	OrgSync           *orgsync.Matcher // nil without organization sync
	Client            *clerk.Client    // nil: no refresh and no nonce payload
	Now               func() time.Time
	// OnCookieSession, when set, is called each time a request's session
	// cookie is about to be authenticated (auth warns through it).
	OnCookieSession func()
}

// Tokens is what the decisions need from token verification. why is
// Clerk's reason for err (token-expired, ...) whenever err is not nil.
type Tokens interface {
	// Facts is what token says before it is verified.
	Facts(token string) Facts
	// Verify verifies a session token. lenient allows a day of clock
	// skew on the time claims and bypasses any cache.
	Verify(ctx context.Context, token string, lenient bool) (s Session, why string, err error)
	// VerifyHandshake verifies a __clerk_handshake token and returns the
	// cookie directives it carries.
	VerifyHandshake(ctx context.Context, token string) (directives []string, why string, err error)
}

// Facts is what Clerk's SDK reads from a token before verifying it: its
// class (machine JWT, non-session category) and the iat, exp and iss
// claims the cookie rules compare.
type Facts struct {
	Decoded       bool // the token decodes as a JWT
	OAuthJWT      bool // a JWT typed at+jwt
	M2MJWT        bool // a JWT whose sub starts with mch_
	NonSessionCat bool // a cat header of another class than session tokens
	Iat, Exp      jwt.NumberClaim
	Iss           jwt.StringClaim
	IssTruthy     bool
}

func (f Facts) iatOr0() float64 {
	if f.Iat.OK {
		return f.Iat.Val
	}
	return 0
}

func (f Facts) expiredAt(nowSec int64) bool {
	return f.Decoded && f.Exp.OK && f.Exp.Val <= float64(nowSec)
}

// Session is a verified session token: what the decisions read of its
// claims, and the caller's own claims value, handed back untouched.
type Session struct {
	UserID, Status, OrgID, OrgSlug string
	Claims                         any
}

// Decision is the state of a request.
type Decision struct {
	Status  string // SignedIn, SignedOut or Handshake
	Reason  string // Clerk's reason, when not signed in
	Err     error  // the failure behind Reason, if any
	Headers http.Header
	Session Session // the verified session, when signed in
}

// Authenticate decides a request that carries no Authorization token, from
// its cookies, step by step as Clerk's SDK does.
func (c *Config) Authenticate(r *http.Request, t Tokens) Decision {
	rq := c.newRequest(r, "", t)
	return rq.cookieFlow()
}

// TokenError is Clerk's handleSessionTokenError for a session token
// (tokenInHeader, or the session cookie when it is empty) whose
// verification failed with err for why: an expired token is refreshed
// when a __refresh cookie allows it, and an expired, not yet valid or
// future-issued token of a document request leads to a handshake;
// anything else is signed out with why.
func (c *Config) TokenError(r *http.Request, tokenInHeader string, t Tokens, why string, err error) Decision {
	rq := c.newRequest(r, tokenInHeader, t)
	return rq.tokenError(why, err)
}

// DebugHeaders are the x-clerk-auth-* headers Clerk adds to every
// signed-out and handshake state.
func DebugHeaders(status, why string) http.Header {
	h := http.Header{}
	if why != "" {
		h.Set("X-Clerk-Auth-Reason", why)
	}
	h.Set("X-Clerk-Auth-Status", status)
	return h
}

// signedOut is a signed-out decision with Clerk's debug headers.
func signedOut(why string, err error) Decision {
	return Decision{Status: SignedOut, Reason: why, Err: err, Headers: DebugHeaders(SignedOut, why)}
}

// invalid is a *reason.Error.
func invalid(why, msg string) error { return &reason.Error{Reason: why, Message: msg} }
