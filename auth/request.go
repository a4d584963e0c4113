package auth

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
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
	if f := p.facts; f.oauthJWT || f.m2mJWT || f.nonSessionCat {
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
	fillSession(&rc.ac.auth, c)
	return &rc.ac.auth
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
	if p.facts.nonSessionCat {
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
		if isJWTFormat(tok) && !rc.peek(tok).facts.decoded {
			typ = M2MToken
		}
		return signedOutWith(typ, err, rc.debugHeaders(SignedOut, reasonOf(err)))
	}
	return fromMachine(m)
}

// signedOut builds a signed-out state with Clerk's debug headers.
func (rc *reqContext) signedOut(typ TokenType, reason Reason, err error) *Auth {
	return &Auth{Status: SignedOut, TokenType: typ, Reason: reason, Err: err, Headers: rc.debugHeaders(SignedOut, reason)}
}

func signedOutWith(typ TokenType, err error, h http.Header) *Auth {
	a := signedOut(typ, err)
	a.Headers = h
	return a
}

// debugHeaders are the x-clerk-auth-* headers Clerk adds to every
// signed-out and handshake state.
func (rc *reqContext) debugHeaders(s Status, reason Reason) http.Header {
	h := http.Header{}
	if reason != "" {
		h.Set("X-Clerk-Auth-Reason", string(reason))
	}
	h.Set("X-Clerk-Auth-Status", string(s))
	return h
}

func reasonOf(err error) Reason {
	var te *TokenError
	if errors.As(err, &te) {
		return te.Reason
	}
	return ReasonUnexpectedError
}

// sessionTokenError is Clerk's handleSessionTokenError: an expired, not
// yet valid or future-issued token of a document request leads to a
// handshake, anything else to a signed-out state.
func (rc *reqContext) sessionTokenError(err error) *Auth {
	var te *TokenError
	if !errors.As(err, &te) {
		return rc.signedOut(SessionToken, ReasonUnexpectedError, err)
	}
	rc.readCookies()
	var reason Reason
	switch te.Reason {
	case ReasonTokenExpired:
		refresh := "non-eligible-no-refresh-cookie"
		switch {
		case rc.refreshCookie != "" && rc.method == http.MethodGet:
			a, why := rc.refresh()
			if a != nil {
				return a
			}
			refresh = why
		case rc.method != http.MethodGet:
			refresh = "non-eligible-non-get"
		}
		reason = sessionTokenExpiredReason(refresh)
	case ReasonTokenNotActiveYet:
		reason = ReasonSessionTokenNBF
	case ReasonTokenIatInTheFuture:
		reason = ReasonSessionTokenIatInTheFuture
	default:
		return rc.signedOut(SessionToken, te.Reason, err)
	}
	a := rc.maybeHandshake(reason, nil)
	if a.Err == nil {
		a.Err = err
	}
	return a
}

// missing is the signed-out Auth of a request without a token.
func missing() *Auth {
	return &Auth{Status: SignedOut, Reason: ReasonSessionTokenMissing}
}

// asAPIError is errors.As for *clerk.APIError.
func asAPIError(err error, e **clerk.APIError) bool {
	return err != nil && errors.As(err, e)
}

// asTokenError is errors.As for *TokenError.
func asTokenError(err error, te **TokenError) bool {
	return err != nil && errors.As(err, te)
}

// originAllowed reports whether the public origin may be a redirect
// target: always without AuthorizedParties, else when it is listed.
func (rc *reqContext) originAllowed() bool {
	return len(rc.v.authorizedParties) == 0 || slices.Contains(rc.v.authorizedParties, rc.url.origin())
}
