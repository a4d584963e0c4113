package auth

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// maybeHandshake is Clerk's handleMaybeHandshakeStatus: a document request
// gets the handshake redirect (headers, or the Frontend API handshake when
// nil), anything else a signed-out state with the same reason. Unlike
// Clerk, a request whose public URL is malformed or not an authorized
// origin is signed out instead of redirected.
func (rc *reqContext) maybeHandshake(reason Reason, headers http.Header) *Auth {
	rc.readCookies()
	if !rc.eligibleForHandshake() {
		return rc.signedOut(SessionToken, reason, nil)
	}
	if rc.v.inst == nil {
		return rc.signedOut(SessionToken, ReasonHandshakeUnavailable, nil)
	}
	if rc.url == nil {
		return rc.signedOut(SessionToken, ReasonHandshakeURLInvalid, rc.urlErr)
	}
	if !rc.originAllowed() {
		return rc.signedOut(SessionToken, ReasonHandshakeURLInvalid,
			fmt.Errorf("auth: the request origin %q is not in AuthorizedParties", rc.url.origin()))
	}
	if headers == nil {
		loc, ok := rc.handshakeLocation(reason)
		if !ok {
			return rc.signedOut(SessionToken, ReasonHandshakeURLInvalid, errRequestURL)
		}
		headers = http.Header{"Location": {loc}}
	}
	if headers.Get("Location") != "" {
		headers.Set("Cache-Control", "no-store")
	}
	// Clerk stops at exactly three; this package at three or more.
	if rc.redirectCount >= 3 {
		return rc.signedOut(SessionToken, reason, nil)
	}
	headers.Add("Set-Cookie", cookieRedirectCount+"="+strconv.Itoa(int(rc.redirectCount)+1)+"; SameSite=Lax; HttpOnly; Max-Age=2")
	for k, vs := range rc.debugHeaders(Handshake, reason) {
		headers[k] = vs
	}
	return &Auth{Status: Handshake, TokenType: SessionToken, Reason: reason, Headers: headers}
}

// handshakeLocation is the Frontend API handshake URL Clerk redirects to.
func (rc *reqContext) handshakeLocation(reason Reason) (string, bool) {
	base := rc.frontendAPI()
	if base == "" {
		return "", false
	}
	if !strings.HasPrefix(base, "http") {
		base = "https://" + base
	}
	base = strings.TrimRight(base, "/") + "/"
	if !isAbsoluteHTTPURL(base) {
		return "", false
	}
	if i := strings.IndexAny(base, "?#"); i >= 0 {
		base = base[:i]
	}
	q := []queryPair{
		{"redirect_url", rc.url.without(cookieDevBrowser, paramLegacyDev).String()},
		{paramAPIVersion, handshakeAPIVersion},
		{paramSuffixed, strconv.FormatBool(rc.suffixed)},
		{paramHandshakeWhy, string(reason)},
		{"format", "nonce"},
	}
	if t := firstOf(rc.sessionCookie, rc.tokenInHeader); t != "" {
		q = append(q, queryPair{cookieSession, t})
	}
	if !rc.production() && rc.devBrowser != "" {
		q = append(q, queryPair{cookieDevBrowser, rc.devBrowser})
	}
	if t := rc.v.orgSync.Target(rc.url.path); t != nil {
		q = append(q, queryPair{"organization_id", t.QueryValue()})
	}
	return base + "v1/client/handshake?" + encodeForm(q), true
}

// resolveHandshake handles the way back from the Frontend API: the cookie
// directives of the nonce (fetched from the Backend API) or of the signed
// __clerk_handshake token are set, and the session they carry decides the
// state. ok is false when the handshake could not be used and the request
// goes on through the normal cookie checks, as in Clerk.
func (rc *reqContext) resolveHandshake() (*Auth, bool) {
	directives, err := rc.handshakeDirectives()
	if err != nil {
		if !rc.production() {
			// Clerk throws here in development (a failed request); this
			// package answers with a signed-out state.
			return rc.signedOut(SessionToken, reasonOf(err), err), true
		}
		return nil, false
	}
	h := http.Header{}
	h.Set("Access-Control-Allow-Origin", "null")
	h.Set("Access-Control-Allow-Credentials", "true")
	session := ""
	for _, d := range directives {
		if !isClerkCookie(d) {
			continue
		}
		h.Add("Set-Cookie", d)
		if strings.HasPrefix(cookieName(d), cookieSession) {
			session = cookieValue(d)
		}
	}
	// The handshake parameters leave the URL: Clerk redirects to the clean
	// URL in development only; this package whenever they were in it.
	clean := rc.url != nil && rc.originAllowed() && (!rc.production() ||
		(rc.eligibleForHandshake() && (rc.hasParam(cookieHandshake) || rc.hasParam(cookieHandshakeNonce))))
	if clean {
		h.Set("Location", rc.url.without(cookieHandshake, paramHelp, cookieDevBrowser, cookieHandshakeNonce).String())
		h.Set("Cache-Control", "no-store")
	}
	if session == "" {
		a := rc.signedOut(SessionToken, ReasonSessionTokenMissing, nil)
		for k, vs := range h {
			a.Headers[k] = vs
		}
		return a, true
	}
	c, err := rc.v.VerifySessionToken(rc.r.Context(), session)
	if err != nil && !rc.production() && isTimeReason(err) {
		// Clerk retries with a day of leeway in development, where a
		// wrong local clock is common.
		lenient := *rc.v
		lenient.skew, lenient.cache = 24*time.Hour, nil
		c, err = lenient.VerifySessionToken(rc.r.Context(), session)
	}
	if err != nil {
		if !rc.production() {
			return rc.signedOut(SessionToken, reasonOf(err), err), true
		}
		return nil, false
	}
	a := fromSession(c)
	a.Headers = h
	return a, true
}

func isTimeReason(err error) bool {
	switch reasonOf(err) {
	case ReasonTokenExpired, ReasonTokenNotActiveYet, ReasonTokenIatInTheFuture:
		return true
	}
	return false
}

// handshakeDirectives returns the Set-Cookie directives of the handshake:
// from the nonce when there is one (a failed fetch gives none, as in
// Clerk), else from the verified handshake token.
func (rc *reqContext) handshakeDirectives() ([]string, error) {
	if rc.handshakeNonce != "" {
		return rc.v.handshakePayload(rc.r.Context(), rc.handshakeNonce), nil
	}
	return rc.v.verifyHandshakeToken(rc.r.Context(), rc.handshakeToken)
}

// handshakePayload fetches GET /clients/handshake_payload?nonce=.
func (v *Verifier) handshakePayload(ctx context.Context, nonce string) []string {
	if v.client == nil {
		return nil
	}
	var out struct {
		Directives []string `json:"directives"`
	}
	req := &clerk.Request{Method: http.MethodGet, Path: "/clients/handshake_payload"}
	if err := v.client.Do(ctx, req, &out, clerk.WithQuery("nonce", nonce)); err != nil {
		return nil
	}
	return out.Directives
}

// verifyHandshakeToken checks the __clerk_handshake JWT: Clerk's header and
// category rules and the instance signature, and, unlike Clerk, its exp and
// nbf when present, so that a captured handshake cannot be replayed later.
func (v *Verifier) verifyHandshakeToken(ctx context.Context, token string) ([]string, error) {
	var t jwt.Token
	if err := parseToken(&t, token); err != nil {
		return nil, err
	}
	if err := checkType(&t.Header, kindSession); err != nil {
		return nil, err
	}
	switch t.Header.Alg {
	case "RS256":
	case "RS384", "RS512":
		return nil, tokenErr(ReasonTokenVerificationFailed, "algorithm %q does not match the RS256 key", t.Header.Alg)
	default:
		return nil, tokenErr(ReasonTokenInvalidAlgorithm, "algorithm %q is not allowed; only RS256 is", t.Header.Alg)
	}
	if isNonSessionCategory(&t.Header) {
		return nil, tokenErr(ReasonTokenInvalid, "invalid handshake token category")
	}
	key, err := v.resolveKey(ctx, t.Header.Kid)
	if err != nil {
		return nil, err
	}
	if err := verifySignature(key, &t); err != nil {
		return nil, err
	}
	if t.Claims.Exp.Present {
		if err := v.checkTimes(t.Claims.Exp, t.Claims.Nbf, jwt.NumberClaim{}); err != nil {
			return nil, err
		}
	}
	var payload struct {
		Handshake []string `json:"handshake"`
	}
	if err := (&SessionClaims{Raw: t.Payload}).Decode(&payload); err != nil {
		return nil, nil // not an array of strings: no directives, as in Clerk
	}
	return payload.Handshake, nil
}
