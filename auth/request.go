package auth

import (
	"errors"
	"net/http"
	"strings"
)

// sessionCookie is the cookie Clerk's frontend stores the session token in.
const sessionCookie = "__session"

// tokenFromHeader reads a bearer token from an Authorization value: the
// "Bearer" scheme in any case, or a bare token without a scheme. Another
// scheme (Basic, ...) yields no token.
func tokenFromHeader(h string) string {
	h = strings.TrimSpace(h)
	scheme, rest, found := strings.Cut(h, " ")
	if !found {
		return h
	}
	if !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(rest)
}

// tokenFromCookie reads the __session cookie, or "".
func tokenFromCookie(r *http.Request) string {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return ""
	}
	return c.Value
}

// AuthenticateRequest decides who sent r. The token comes from the
// Authorization header (any accepted type), else from the __session cookie
// (session tokens only). The Auth is never nil: a refused, missing or
// unaccepted token gives a signed-out Auth with a Reason, and the error is
// the verification failure (nil when no token was presented). Browser
// handshake redirects are not performed.
func (v *Verifier) AuthenticateRequest(r *http.Request) (*Auth, error) {
	ctx := r.Context()
	token := tokenFromHeader(r.Header.Get("Authorization"))
	if token == "" {
		if !accepts(v.accepts, v.acceptAny, SessionToken) {
			return missing(), nil
		}
		token = tokenFromCookie(r)
		if token == "" {
			return missing(), nil
		}
		return v.authenticateSession(r, token)
	}
	typ := detectType(token)
	if !accepts(v.accepts, v.acceptAny, typ) {
		err := tokenErr(ReasonTokenTypeMismatch, "a %s is not accepted here", typ)
		return signedOut(typ, err), err
	}
	if typ == SessionToken {
		return v.authenticateSession(r, token)
	}
	m, err := v.VerifyMachineToken(ctx, token)
	if err != nil {
		return signedOut(typ, err), err
	}
	return fromMachine(m), nil
}

// authenticateSession verifies a session token; pending sessions are
// signed out unless the configuration accepts them.
func (v *Verifier) authenticateSession(r *http.Request, token string) (*Auth, error) {
	c, err := v.VerifySessionToken(r.Context(), token)
	if err != nil {
		return signedOut(SessionToken, err), err
	}
	if c.SessionStatus == "pending" && !v.acceptPending {
		return &Auth{TokenType: SessionToken, SessionStatus: c.SessionStatus}, nil
	}
	return fromSession(c), nil
}

// missing is the signed-out Auth of a request without a token.
func missing() *Auth {
	return &Auth{Reason: ReasonSessionTokenMissing}
}

// asTokenError is errors.As for *TokenError.
func asTokenError(err error, te **TokenError) bool {
	return err != nil && errors.As(err, te)
}
