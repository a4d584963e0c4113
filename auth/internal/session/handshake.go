package session

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth/internal/reason"
)

// maybeHandshake is Clerk's handleMaybeHandshakeStatus: a document request
// gets the handshake redirect (headers, or the Frontend API handshake when
// nil), anything else a signed-out state with the same reason. Unlike
// Clerk, a request whose public URL is malformed or not an authorized
// origin is signed out instead of redirected.
func (rq *request) maybeHandshake(why string, headers http.Header) Decision {
	if !rq.eligibleForHandshake() {
		return signedOut(why, nil)
	}
	if rq.cfg.Instance == nil {
		return signedOut(reason.HandshakeUnavailable, nil)
	}
	if rq.url == nil {
		return signedOut(reason.HandshakeURLInvalid, rq.urlErr)
	}
	if !rq.originAllowed() {
		return signedOut(reason.HandshakeURLInvalid,
			fmt.Errorf("auth: the request origin %q is not in AuthorizedParties", rq.url.origin()))
	}
	if headers == nil {
		loc, ok := rq.handshakeLocation(why)
		if !ok {
			return signedOut(reason.HandshakeURLInvalid, errRequestURL)
		}
		headers = http.Header{"Location": {loc}}
	}
	if headers.Get("Location") != "" {
		headers.Set("Cache-Control", "no-store")
	}
	// Clerk stops at exactly three; this package at three or more.
	if rq.redirectCount >= 3 {
		return signedOut(why, nil)
	}
	headers.Add("Set-Cookie", cookieRedirectCount+"="+strconv.Itoa(int(rq.redirectCount)+1)+"; SameSite=Lax; HttpOnly; Max-Age=2")
	for k, vs := range DebugHeaders(Handshake, why) {
		headers[k] = vs
	}
	return Decision{Status: Handshake, Reason: why, Headers: headers}
}

// handshakeLocation is the Frontend API handshake URL Clerk redirects to.
func (rq *request) handshakeLocation(why string) (string, bool) {
	base := rq.frontendAPI()
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
		{"redirect_url", rq.url.without(cookieDevBrowser, paramLegacyDev).String()},
		{paramAPIVersion, handshakeAPIVersion},
		{paramSuffixed, strconv.FormatBool(rq.suffixed)},
		{paramHandshakeWhy, why},
		{"format", "nonce"},
	}
	if t := firstOf(rq.sessionCookie, rq.tokenInHeader); t != "" {
		q = append(q, queryPair{cookieSession, t})
	}
	if !rq.production() && rq.devBrowser != "" {
		q = append(q, queryPair{cookieDevBrowser, rq.devBrowser})
	}
	if t := rq.cfg.OrgSync.Target(rq.url.path); t != nil {
		q = append(q, queryPair{"organization_id", t.QueryValue()})
	}
	return base + "v1/client/handshake?" + encodeForm(q), true
}

// resolveHandshake handles the way back from the Frontend API: the cookie
// directives of the nonce (fetched from the Backend API) or of the signed
// __clerk_handshake token are set, and the session they carry decides the
// state. ok is false when the handshake could not be used and the request
// goes on through the normal cookie checks, as in Clerk.
func (rq *request) resolveHandshake() (d Decision, ok bool) {
	directives, why, err := rq.handshakeDirectives()
	if err != nil {
		if !rq.production() {
			// Clerk throws here in development (a failed request); this
			// package answers with a signed-out state.
			return signedOut(why, err), true
		}
		return Decision{}, false
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
	clean := rq.url != nil && rq.originAllowed() && (!rq.production() ||
		(rq.eligibleForHandshake() && (rq.hasParam(cookieHandshake) || rq.hasParam(cookieHandshakeNonce))))
	if clean {
		h.Set("Location", rq.url.without(cookieHandshake, paramHelp, cookieDevBrowser, cookieHandshakeNonce).String())
		h.Set("Cache-Control", "no-store")
	}
	if session == "" {
		d := signedOut(reason.SessionTokenMissing, nil)
		for k, vs := range h {
			d.Headers[k] = vs
		}
		return d, true
	}
	s, why, err := rq.t.Verify(rq.ctx, session, false)
	if err != nil && !rq.production() && isTimeReason(why) {
		// Clerk retries with a day of leeway in development, where a
		// wrong local clock is common.
		s, why, err = rq.t.Verify(rq.ctx, session, true)
	}
	if err != nil {
		if !rq.production() {
			return signedOut(why, err), true
		}
		return Decision{}, false
	}
	return Decision{Status: SignedIn, Headers: h, Session: s}, true
}

func isTimeReason(why string) bool {
	switch why {
	case reason.TokenExpired, reason.TokenNotActiveYet, reason.TokenIatInTheFuture:
		return true
	}
	return false
}

// handshakeDirectives returns the Set-Cookie directives of the handshake:
// from the nonce when there is one (a failed fetch gives none, as in
// Clerk), else from the verified handshake token.
func (rq *request) handshakeDirectives() ([]string, string, error) {
	if rq.handshakeNonce != "" {
		return rq.handshakePayload(rq.handshakeNonce), "", nil
	}
	return rq.t.VerifyHandshake(rq.ctx, rq.handshakeToken)
}

// handshakePayload fetches GET /clients/handshake_payload?nonce=.
func (rq *request) handshakePayload(nonce string) []string {
	if rq.cfg.Client == nil {
		return nil
	}
	var out struct {
		Directives []string `json:"directives"`
	}
	req := &clerk.Request{Method: http.MethodGet, Path: "/clients/handshake_payload"}
	if err := rq.cfg.Client.Do(rq.ctx, req, &out, clerk.WithQuery("nonce", nonce)); err != nil {
		return nil
	}
	return out.Directives
}
