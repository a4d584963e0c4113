package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/clerkgo/clerk/auth/internal/reason"
	"github.com/clerkgo/clerk/auth/internal/session"
)

// tokenFromHeader reads the token of an Authorization value as Clerk does:
// split at the first space, "Bearer" (exactly) gives the word after it, a
// value without a second word is itself the token, any other scheme gives
// no token.
func tokenFromHeader(h string) string {
	sp := strings.IndexByte(h, ' ')
	if sp < 0 {
		return h
	}
	scheme, rest := h[:sp], h[sp+1:]
	if rest == "" || rest[0] == ' ' {
		return scheme // no second word
	}
	if scheme != "Bearer" {
		return ""
	}
	if end := strings.IndexByte(rest, ' '); end >= 0 {
		return rest[:end]
	}
	return rest
}

// AuthenticateRequest decides who sent r, with the decisions of Clerk's
// authenticateRequest: the Authorization header first (any accepted type),
// else the session cookies (__session or its suffixed form, gated by
// __client_uat). The Auth is never nil. Its Status is SignedIn, SignedOut,
// or Handshake when a document request's cookie session must be refreshed
// through Clerk's Frontend API first: Auth.Headers then hold the redirect,
// which Middleware answers with. The error is the verification failure
// behind a signed-out state, if any.
func (v *Verifier) AuthenticateRequest(r *http.Request) (*Auth, error) {
	a, _ := v.authenticateRequest(r, false)
	return a, a.Err
}

// authenticateRequest is AuthenticateRequest without the error, with a
// pending session kept out unless the configuration accepts it. With
// withContext (Middleware), a signed-in session's Auth is allocated inside
// an authContext, returned too; the Auth is then &ac.auth.
func (v *Verifier) authenticateRequest(r *http.Request, withContext bool) (a *Auth, ac *authContext) {
	var rc reqContext
	rc.init(v, r)
	rc.withContext = withContext
	a = v.authenticate(&rc)
	if a.Status == SignedIn && a.TokenType == SessionToken && a.SessionStatus == "pending" && !v.acceptPending {
		a = &Auth{Status: SignedIn, TokenType: SessionToken, SessionStatus: a.SessionStatus, Headers: a.Headers}
	}
	if v.observer != nil {
		v.observe(r, a)
	}
	return a, rc.ac
}

func (v *Verifier) authenticate(rc *reqContext) *Auth {
	if v.sessionsOnly && rc.tokenInHeader != "" {
		return rc.sessionInHeader(rc.tokenInHeader) // the default configuration
	}
	single := len(v.accepts) == 1
	var want TokenType
	if single {
		want = v.accepts[0]
	}
	sessionOK := accepts(v.accepts, SessionToken)
	tok := rc.tokenInHeader
	if !single {
		typ := SessionToken
		if tok != "" {
			typ = rc.detectType(tok)
		}
		if !accepts(v.accepts, typ) {
			return rc.signedOut("", ReasonTokenTypeMismatch, nil)
		}
	}
	if tok != "" {
		switch {
		case !single || want == AnyToken:
			return rc.anyTokenInHeader(tok)
		case want == SessionToken:
			return rc.sessionInHeader(tok)
		}
		return rc.machineInHeader(tok, want)
	}
	if !sessionOK {
		return rc.signedOut(want, ReasonNoTokenInHeader, nil)
	}
	return rc.cookieFlow()
}

// sessionInHeader is the header path when only session tokens count.
func (rc *reqContext) sessionInHeader(tok string) *Auth {
	p := rc.peek(tok)
	if f := p.facts(); f.OAuthJWT || f.M2MJWT || f.NonSessionCat {
		return rc.signedOut(SessionToken, ReasonTokenTypeMismatch, nil)
	}
	c, _, err := rc.v.verifySession(rc.r.Context(), tok, p)
	if err != nil {
		return rc.sessionTokenError(err)
	}
	return rc.signedIn(c)
}

// signedIn is the Auth of verified session claims (from the header or a
// cookie). For Middleware it is allocated inside the handler's context.
func (rc *reqContext) signedIn(c *SessionClaims) *Auth {
	if !rc.withContext {
		return fromSession(c)
	}
	rc.ac = new(authContext)
	return rc.ac.fill(c)
}

// anyTokenInHeader is the header path for AnyToken and for lists.
func (rc *reqContext) anyTokenInHeader(tok string) *Auth {
	if typ := rc.detectType(tok); typ != SessionToken {
		if !accepts(rc.v.accepts, typ) {
			return rc.signedOut(typ, ReasonTokenTypeMismatch, nil)
		}
		return rc.verifyMachine(tok)
	}
	p := rc.peek(tok)
	if p.facts().NonSessionCat {
		return rc.signedOut(SessionToken, ReasonTokenTypeMismatch, nil)
	}
	c, _, err := rc.v.verifySession(rc.r.Context(), tok, p)
	if err != nil {
		return rc.sessionTokenError(err)
	}
	return rc.signedIn(c)
}

// machineInHeader is the header path when one machine type is required.
func (rc *reqContext) machineInHeader(tok string, want TokenType) *Auth {
	typ := rc.detectType(tok)
	if typ == SessionToken || typ != want {
		return rc.signedOut(want, ReasonTokenTypeMismatch, nil)
	}
	return rc.verifyMachine(tok)
}

func (rc *reqContext) verifyMachine(tok string) *Auth {
	m, err := rc.v.VerifyMachineToken(rc.r.Context(), tok)
	if err != nil {
		typ := rc.detectType(tok)
		if isJWTFormat(tok) && !rc.peek(tok).facts().Decoded {
			typ = M2MToken
		}
		a := signedOut(typ, err)
		a.Headers = session.DebugHeaders(session.SignedOut, string(reasonOf(err)))
		return a
	}
	return fromMachine(m)
}

// signedOut builds a signed-out state with Clerk's debug headers.
func (rc *reqContext) signedOut(typ TokenType, reason Reason, err error) *Auth {
	return &Auth{Status: SignedOut, TokenType: typ, Reason: reason, Err: err, Headers: session.DebugHeaders(session.SignedOut, string(reason))}
}

func reasonOf(err error) Reason {
	var te *TokenError
	if errors.As(err, &te) {
		return te.Reason
	}
	return ReasonUnexpectedError
}

// missing is the signed-out Auth of a request without a token.
func missing() *Auth {
	return &Auth{Status: SignedOut, Reason: ReasonSessionTokenMissing}
}

// asTokenError is errors.As for *TokenError.
func asTokenError(err error, te **TokenError) bool {
	return err != nil && errors.As(err, te)
}

// reqContext is one request's pass through AuthenticateRequest: its
// Authorization token and the tokens already looked at. The cookie,
// handshake and refresh decisions are package session's.
type reqContext struct {
	tokens
	r             *http.Request
	tokenInHeader string

	withContext bool         // signedIn allocates an authContext (Middleware)
	ac          *authContext // the one signedIn allocated, if any
}

// init reads the Authorization header; a bearer token costs no other
// header lookup. In the default configuration, a "Bearer " value whose
// rest is a cached token is that token without the scan for a third word
// (tokenFromHeader): the cache holds verified JWTs only, and those contain
// no space. The lookup is the one sessionInHeader would make next.
func (rc *reqContext) init(v *Verifier, r *http.Request) {
	rc.v, rc.r = v, r
	h := session.HeaderValue(r, "Authorization")
	if v.sessionsOnly && v.cache != nil && len(h) > len("Bearer ") && h[:len("Bearer ")] == "Bearer " && h[len("Bearer ")] != ' ' {
		if rest := h[len("Bearer "):]; rc.peek(rest).entry != nil {
			rc.tokenInHeader = rest
			return
		}
	}
	rc.tokenInHeader = tokenFromHeader(h)
}

// cookieFlow authenticates a request without an Authorization token from
// its cookies (package session).
func (rc *reqContext) cookieFlow() *Auth {
	return rc.fromDecision(rc.v.session.Authenticate(rc.r, rc.sessionTokens()))
}

// sessionTokenError is Clerk's handleSessionTokenError for a session token
// of the Authorization header (package session): refresh, handshake or
// signed out.
func (rc *reqContext) sessionTokenError(err error) *Auth {
	return rc.fromDecision(rc.v.session.TokenError(rc.r, rc.tokenInHeader, rc.sessionTokens(), string(reasonOf(err)), err))
}

// sessionTokens is a copy of the tokens on the heap for package session,
// so that the reqContext of a bearer token stays on the stack.
func (rc *reqContext) sessionTokens() *tokens {
	t := new(tokens)
	*t = rc.tokens
	return t
}

// fromDecision is the Auth of a decision of package session.
func (rc *reqContext) fromDecision(d session.Decision) *Auth {
	if d.Status == session.SignedIn {
		a := rc.signedIn(d.Session.Claims.(*SessionClaims))
		a.Headers = d.Headers
		return a
	}
	err := d.Err
	if e, ok := err.(*reason.Error); ok {
		err = fromReason(e)
	}
	return &Auth{Status: Status(d.Status), TokenType: SessionToken, Reason: Reason(d.Reason), Err: err, Headers: d.Headers}
}

// tokens is the Verifier with the tokens of one request already looked
// at; it is the session.Tokens of package session.
type tokens struct {
	v        *Verifier
	memo     [2]peeked
	memoNext int
}

// peek is Verifier.peekInto, remembered for the request.
func (t *tokens) peek(token string) *peeked {
	if p := t.looked(token); p != nil {
		return p
	}
	p := &t.memo[t.memoNext]
	t.memoNext = (t.memoNext + 1) % len(t.memo)
	t.v.peekInto(token, p)
	return p
}

// looked is the lookup of token already made for this request, or nil.
func (t *tokens) looked(token string) *peeked {
	for i := range t.memo {
		if p := &t.memo[i]; p.seen && p.token == token {
			return p
		}
	}
	return nil
}

// Facts is what token says before verification.
func (t *tokens) Facts(token string) session.Facts { return *t.peek(token).facts() }

// Verify verifies a session token; lenient allows a day of clock skew,
// without the cache (Clerk's retry of a development handshake).
func (t *tokens) Verify(ctx context.Context, token string, lenient bool) (session.Session, string, error) {
	var c *SessionClaims
	var err error
	if lenient {
		l := *t.v
		l.skew, l.cache = 24*time.Hour, nil
		c, _, err = l.verifySession(ctx, token, nil)
	} else {
		// A token looked at before (the session cookie) reuses its cache
		// lookup; another (a handshake's or refresh's new token) is not
		// decoded twice.
		c, _, err = t.v.verifySession(ctx, token, t.looked(token))
	}
	if err != nil {
		return session.Session{}, string(reasonOf(err)), err
	}
	return session.Session{UserID: c.Subject, Status: c.SessionStatus, OrgID: c.OrgID, OrgSlug: c.OrgSlug, Claims: c}, "", nil
}

// VerifyHandshake verifies a __clerk_handshake token.
func (t *tokens) VerifyHandshake(ctx context.Context, token string) ([]string, string, error) {
	d, err := t.v.verifyHandshakeToken(ctx, token)
	if err != nil {
		return nil, string(reasonOf(err)), err
	}
	return d, "", nil
}
