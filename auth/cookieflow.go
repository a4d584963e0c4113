package auth

import (
	"net/http"
	"net/url"

	"github.com/clerkgo/clerk/auth/internal/instance"
)

// cookieFlow authenticates a request without an Authorization token from
// its cookies, step by step as Clerk's SDK does.
func (rc *reqContext) cookieFlow() *Auth {
	rc.readCookies()
	hasActiveClient := rc.clientUat != 0
	hasSession := rc.sessionCookie != ""
	if hasSession {
		rc.v.warnCookieWithoutParties()
	}

	if rc.handshakeNonce != "" || rc.handshakeToken != "" {
		if a, ok := rc.resolveHandshake(); ok {
			return a
		}
	}

	if rc.v.satellite && rc.secFetchDest == "document" && rc.method == http.MethodGet {
		synced, _ := rc.syncParam()
		hasCookies := hasSession || hasActiveClient
		if synced != "true" {
			if !hasCookies && synced != "false" && !rc.v.autoSync {
				return rc.signedOut(SessionToken, ReasonSessionTokenAndUATMissing, nil)
			}
			if !hasCookies || synced == "false" {
				var h http.Header
				if !rc.production() {
					if rc.url == nil {
						return rc.signedOut(SessionToken, ReasonHandshakeURLInvalid, rc.urlErr)
					}
					u, _ := url.Parse(rc.v.signInURL)
					u.RawQuery = encodeForm(pairsOf(u.RawQuery, paramRedirectURL, rc.url.String()))
					h = http.Header{"Location": {u.String()}}
				}
				return rc.maybeHandshake(ReasonSatelliteNeedsSyncing, h)
			}
		}
	}

	// Clerk's development primary also answers a satellite's sync by
	// redirecting to the __clerk_redirect_url parameter; this package does
	// not follow a redirect target taken from the query string.

	if !rc.production() {
		if rc.hasParam(cookieDevBrowser) {
			return rc.maybeHandshake(ReasonDevBrowserSync, nil)
		}
		if rc.devBrowser == "" {
			return rc.maybeHandshake(ReasonDevBrowserMissing, nil)
		}
	}
	switch {
	case !hasActiveClient && !hasSession:
		return rc.signedOut(SessionToken, ReasonSessionTokenAndUATMissing, nil)
	case !hasActiveClient:
		return rc.maybeHandshake(ReasonSessionTokenWithoutClientUAT, nil)
	case !hasSession:
		return rc.maybeHandshake(ReasonClientUATWithoutSessionToken, nil)
	}

	p := rc.peek(rc.sessionCookie)
	f := p.facts
	if !f.decoded {
		return rc.signedOut(SessionToken, ReasonTokenInvalid, tokenErr(ReasonTokenInvalid, "malformed session cookie"))
	}
	if f.oauthJWT || f.m2mJWT || f.nonSessionCat {
		return rc.signedOut(SessionToken, ReasonTokenTypeMismatch, nil)
	}
	if f.iat.OK && f.iat.Val < rc.clientUat {
		return rc.maybeHandshake(ReasonSessionTokenIATBeforeClientUAT, nil)
	}
	c, _, err := rc.v.verifySession(rc.r.Context(), rc.sessionCookie, p)
	if err != nil {
		return rc.sessionTokenError(err)
	}
	if !rc.v.satellite && rc.method == http.MethodGet && rc.secFetchDest == "document" &&
		rc.crossOriginReferrer() && !rc.knownClerkReferrer() && rc.redirectCount == 0 {
		return rc.maybeHandshake(ReasonPrimaryDomainCrossOriginSync, nil)
	}
	if a := rc.organizationSync(c); a != nil {
		return a
	}
	return rc.signedIn(c)
}

// organizationSync is Clerk's handleMaybeOrganizationSyncHandshake: a
// signed-in cookie session whose active organization differs from the one
// the path names gets a handshake that activates it, when the request can
// take one. A pending session counts as signed out here, as in Clerk.
func (rc *reqContext) organizationSync(c *SessionClaims) *Auth {
	if rc.v.orgSync == nil || rc.url == nil || c.Subject == "" || c.SessionStatus == "pending" {
		return nil
	}
	t := rc.v.orgSync.Target(rc.url.path)
	if t == nil || !t.MustActivate(c.OrgID, c.OrgSlug) || rc.redirectCount >= 3 {
		return nil
	}
	if a := rc.maybeHandshake(ReasonActiveOrganizationMismatch, nil); a.Status == Handshake {
		return a
	}
	return nil
}

// pairsOf is the query of raw with one pair appended.
func pairsOf(raw, name, value string) []queryPair {
	return append(parseQuery(raw), queryPair{name, value})
}

func (rc *reqContext) syncParam() (string, bool) {
	for _, p := range rc.query {
		if p.name == paramSynced {
			return p.value, true
		}
	}
	return "", false
}

// crossOriginReferrer reports a Referer of another origin than the request.
func (rc *reqContext) crossOriginReferrer() bool {
	if rc.referrer == "" || rc.url == nil {
		return false
	}
	o, ok := instance.OriginOf(rc.referrer)
	return ok && o != rc.url.origin()
}

// knownClerkReferrer reports a Referer from the instance's Frontend API or
// accounts portal (or, for development instances, Clerk's development
// account portals).
func (rc *reqContext) knownClerkReferrer() bool {
	u, err := url.Parse(rc.referrer)
	if err != nil || u.Host == "" {
		return false
	}
	host := u.Hostname()
	fapi := rc.frontendAPI()
	if fapi != "" {
		fh := fapi
		if p, err := url.Parse(fapi); err == nil && p.Host != "" {
			fh = p.Hostname()
		}
		if host == fh {
			return true
		}
	}
	if !rc.production() && instance.IsDevAccountPortal(host) {
		return true
	}
	if fapi == "" {
		return false
	}
	o, ok := instance.OriginOf(rc.referrer)
	return ok && o == instance.AccountsOrigin(fapi)
}
