package session

import (
	"net/http"
	"net/url"

	"github.com/clerkgo/clerk/auth/internal/instance"
	"github.com/clerkgo/clerk/auth/internal/reason"
)

// cookieFlow is Clerk's authenticateRequestWithTokenInCookie.
func (rq *request) cookieFlow() Decision {
	hasActiveClient := rq.clientUat != 0
	hasSession := rq.sessionCookie != ""
	if hasSession && rq.cfg.OnCookieSession != nil {
		rq.cfg.OnCookieSession()
	}

	if rq.handshakeNonce != "" || rq.handshakeToken != "" {
		if d, ok := rq.resolveHandshake(); ok {
			return d
		}
	}

	if rq.cfg.Satellite && rq.secFetchDest == "document" && rq.method == http.MethodGet {
		synced, _ := rq.lookupParam(paramSynced)
		hasCookies := hasSession || hasActiveClient
		if synced != "true" {
			if !hasCookies && synced != "false" && !rq.cfg.AutoSync {
				return signedOut(reason.SessionTokenAndUATMissing, nil)
			}
			if !hasCookies || synced == "false" {
				var h http.Header
				if !rq.production() {
					if rq.url == nil {
						return signedOut(reason.HandshakeURLInvalid, rq.urlErr)
					}
					u, _ := url.Parse(rq.cfg.SignInURL)
					u.RawQuery = encodeForm(append(parseQuery(u.RawQuery), queryPair{paramRedirectURL, rq.url.String()}))
					h = http.Header{"Location": {u.String()}}
				}
				return rq.maybeHandshake(reason.SatelliteNeedsSyncing, h)
			}
		}
	}

	// Clerk's development primary also answers a satellite's sync by
	// redirecting to the __clerk_redirect_url parameter; this package does
	// not follow a redirect target taken from the query string.

	if !rq.production() {
		if rq.hasParam(cookieDevBrowser) {
			return rq.maybeHandshake(reason.DevBrowserSync, nil)
		}
		if rq.devBrowser == "" {
			return rq.maybeHandshake(reason.DevBrowserMissing, nil)
		}
	}
	switch {
	case !hasActiveClient && !hasSession:
		return signedOut(reason.SessionTokenAndUATMissing, nil)
	case !hasActiveClient:
		return rq.maybeHandshake(reason.SessionTokenWithoutClientUAT, nil)
	case !hasSession:
		return rq.maybeHandshake(reason.ClientUATWithoutSessionToken, nil)
	}

	f := rq.facts(rq.sessionCookie)
	if !f.Decoded {
		return signedOut(reason.TokenInvalid, invalid(reason.TokenInvalid, "malformed session cookie"))
	}
	if f.OAuthJWT || f.M2MJWT || f.NonSessionCat {
		return signedOut(reason.TokenTypeMismatch, nil)
	}
	if f.Iat.OK && f.Iat.Val < rq.clientUat {
		return rq.maybeHandshake(reason.SessionTokenIATBeforeClientUAT, nil)
	}
	s, why, err := rq.t.Verify(rq.ctx, rq.sessionCookie, false)
	if err != nil {
		return rq.tokenError(why, err)
	}
	if !rq.cfg.Satellite && rq.method == http.MethodGet && rq.secFetchDest == "document" &&
		rq.crossOriginReferrer() && !rq.knownClerkReferrer() && rq.redirectCount == 0 {
		return rq.maybeHandshake(reason.PrimaryDomainCrossOriginSync, nil)
	}
	if d, ok := rq.organizationSync(s); ok {
		return d
	}
	return Decision{Status: SignedIn, Session: s}
}

// tokenError is Clerk's handleSessionTokenError: an expired, not yet
// valid or future-issued token of a document request leads to a
// handshake, anything else to a signed-out state.
func (rq *request) tokenError(why string, err error) Decision {
	switch why {
	case reason.TokenExpired:
		refresh := "non-eligible-no-refresh-cookie"
		switch {
		case rq.refreshCookie != "" && rq.method == http.MethodGet:
			d, ok, failed := rq.refresh()
			if ok {
				return d
			}
			refresh = failed
		case rq.method != http.MethodGet:
			refresh = "non-eligible-non-get"
		}
		why = reason.SessionTokenExpiredRefresh + refresh
	case reason.TokenNotActiveYet:
		why = reason.SessionTokenNBF
	case reason.TokenIatInTheFuture:
		why = reason.SessionTokenIatInTheFuture
	case "":
		return signedOut(reason.UnexpectedError, err)
	default:
		return signedOut(why, err)
	}
	d := rq.maybeHandshake(why, nil)
	if d.Err == nil {
		d.Err = err
	}
	return d
}

// organizationSync is Clerk's handleMaybeOrganizationSyncHandshake: a
// signed-in cookie session whose active organization differs from the one
// the path names gets a handshake that activates it, when the request can
// take one. A pending session counts as signed out here, as in Clerk.
func (rq *request) organizationSync(s Session) (Decision, bool) {
	if rq.cfg.OrgSync == nil || rq.url == nil || s.UserID == "" || s.Status == "pending" {
		return Decision{}, false
	}
	t := rq.cfg.OrgSync.Target(rq.url.path)
	if t == nil || !t.MustActivate(s.OrgID, s.OrgSlug) || rq.redirectCount >= 3 {
		return Decision{}, false
	}
	if d := rq.maybeHandshake(reason.ActiveOrganizationMismatch, nil); d.Status == Handshake {
		return d, true
	}
	return Decision{}, false
}

// knownClerkReferrer reports a Referer from the instance's Frontend API or
// accounts portal (or, for development instances, Clerk's development
// account portals).
func (rq *request) knownClerkReferrer() bool {
	u, err := url.Parse(rq.referrer)
	if err != nil || u.Host == "" {
		return false
	}
	host := u.Hostname()
	fapi := rq.frontendAPI()
	if fapi != "" {
		fh := fapi
		if p, err := url.Parse(fapi); err == nil && p.Host != "" {
			fh = p.Hostname()
		}
		if host == fh {
			return true
		}
	}
	if !rq.production() && instance.IsDevAccountPortal(host) {
		return true
	}
	if fapi == "" {
		return false
	}
	o, ok := instance.OriginOf(rq.referrer)
	return ok && o == instance.AccountsOrigin(fapi)
}
