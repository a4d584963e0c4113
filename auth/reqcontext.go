package auth

import (
	"net/http"
	"regexp"
	"strings"
)

// reqContext is what AuthenticateRequest reads from a request, gathered
// once and in the order Clerk's SDK gathers it.
type reqContext struct {
	v *Verifier
	r *http.Request

	method, accept, secFetchDest, referrer string
	tokenInHeader                          string

	query   []queryPair
	url     *requestURL // the public URL; nil when urlErr is set
	urlErr  error
	cookies map[string]string

	suffixed       bool
	sessionCookie  string
	refreshCookie  string
	clientUat      float64
	devBrowser     string
	handshakeToken string
	handshakeNonce string
	redirectCount  float64

	cookiesRead bool
	memo        [2]peeked // the tokens of this request already looked at
	memoNext    int

	withContext bool         // signedIn allocates an authContext (Middleware)
	ac          *authContext // the one signedIn allocated, if any
}

// peek is Verifier.peek, remembered for the request.
func (rc *reqContext) peek(token string) *peeked {
	for i := range rc.memo {
		if p := &rc.memo[i]; p.seen && p.token == token {
			return p
		}
	}
	p := &rc.memo[rc.memoNext]
	rc.memoNext = (rc.memoNext + 1) % len(rc.memo)
	rc.v.peekInto(token, p)
	return p
}

// init reads the method and the Authorization header; everything else is
// read by readCookies, when a decision needs it, so that a bearer token
// costs no other header lookup.
func (rc *reqContext) init(v *Verifier, r *http.Request) {
	rc.v, rc.r = v, r
	rc.method = r.Method
	rc.tokenInHeader = tokenFromHeader(headerValue(r, "Authorization"))
}

// readCookies reads, once, what the cookie and handshake decisions need:
// the Accept, Sec-Fetch-Dest and Referer headers, the public URL, the query
// and the cookies.
func (rc *reqContext) readCookies() {
	if rc.cookiesRead {
		return
	}
	rc.cookiesRead = true
	r := rc.r
	rc.accept = headerValue(r, "Accept")
	rc.secFetchDest = headerValue(r, "Sec-Fetch-Dest")
	rc.referrer = headerValue(r, "Referer")
	rc.url, rc.urlErr = deriveRequestURL(r)
	if rc.url != nil {
		rc.query = rc.url.query
	} else {
		rc.query = parseQuery(r.URL.RawQuery)
	}
	rc.cookies = parseCookies(strings.Join(r.Header.Values("Cookie"), "; "))
	rc.suffixed = rc.usesSuffixedCookies()
	rc.sessionCookie = rc.suffixedOrNot(cookieSession)
	rc.refreshCookie = rc.cookie(rc.suffixedName(cookieRefresh))
	rc.clientUat = parseIntJS(rc.suffixedOrNot(cookieClientUat))
	rc.devBrowser = firstOf(rc.param(cookieDevBrowser), rc.suffixedOrNot(cookieDevBrowser))
	rc.handshakeToken = firstOf(rc.param(cookieHandshake), rc.cookie(cookieHandshake))
	rc.redirectCount = numberJS(rc.cookie(cookieRedirectCount))
	rc.handshakeNonce = firstOf(rc.param(cookieHandshakeNonce), rc.cookie(cookieHandshakeNonce))
}

// headerValue is Headers.get: the values of a field joined with ", ", trimmed.
// name must be in canonical form (the map is indexed directly).
func headerValue(r *http.Request, name string) string {
	switch vs := r.Header[name]; len(vs) {
	case 0:
		return ""
	case 1:
		return trimSpaceTab(vs[0])
	default:
		return trimSpaceTab(strings.Join(vs, ", "))
	}
}

// trimSpaceTab removes the spaces and tabs around s (strings.Trim with the
// cutset " \t", without building the cutset on every request).
func trimSpaceTab(s string) string {
	i, j := 0, len(s)
	for i < j && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	return s[i:j]
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (rc *reqContext) param(name string) string {
	for _, p := range rc.query {
		if p.name == name {
			return p.value
		}
	}
	return ""
}

func (rc *reqContext) hasParam(name string) bool {
	for _, p := range rc.query {
		if p.name == name {
			return true
		}
	}
	return false
}

func (rc *reqContext) cookie(name string) string { return rc.cookies[name] }

func (rc *reqContext) suffixedName(name string) string {
	if rc.v.inst == nil {
		return name + "_"
	}
	return name + "_" + rc.v.inst.CookieSuffix
}

func (rc *reqContext) suffixedOrNot(name string) string {
	if rc.suffixed {
		return rc.cookie(rc.suffixedName(name))
	}
	return rc.cookie(name)
}

func (rc *reqContext) production() bool { return rc.v.inst == nil || rc.v.inst.Production }

// usesSuffixedCookies decides between __session_<suffix> and __session the
// way Clerk's SDK decides.
func (rc *reqContext) usesSuffixedCookies() bool {
	if rc.v.inst == nil {
		return false
	}
	suffUat := rc.cookie(rc.suffixedName(cookieClientUat))
	uat := rc.cookie(cookieClientUat)
	suffSession := rc.cookie(rc.suffixedName(cookieSession))
	session := rc.cookie(cookieSession)
	sf := rc.peek(session).facts
	if session != "" && !sf.issTruthy {
		return false
	}
	if session != "" && !rc.belongsToInstance(sf) {
		return true
	}
	if suffUat == "" && suffSession == "" {
		return false
	}
	suf := rc.peek(suffSession).facts
	if suffUat != "0" && uat != "0" && sf.iatOr0() > suf.iatOr0() {
		return false
	}
	if suffUat == "0" && uat != "0" {
		return false
	}
	if !rc.production() && suffUat != "0" && uat == "0" && suf.expiredAt(rc.v.now().Unix()) {
		return false
	}
	if suffUat == "" && suffSession != "" {
		return false
	}
	return true
}

var schemeRE = regexp.MustCompile(`(?i)https?://`)

// belongsToInstance compares the token's iss, without its scheme, with the
// instance's Frontend API (before any proxy).
func (rc *reqContext) belongsToInstance(f tokenFacts) bool {
	if !f.decoded || !f.iss.OK {
		return false
	}
	return schemeRE.ReplaceAllString(f.iss.Val, "") == rc.v.originalFrontendAPI()
}

// originalFrontendAPI is the Frontend API that issues the instance's
// tokens: clerk.<Domain> for a production satellite.
func (v *Verifier) originalFrontendAPI() string {
	if v.inst == nil {
		return ""
	}
	if v.inst.Production && v.satellite && v.domain != "" {
		return "clerk." + v.domain
	}
	return v.inst.FrontendAPI
}

// frontendAPI is where the handshake goes: ProxyURL when set (resolved
// against the request origin when relative), else originalFrontendAPI.
func (rc *reqContext) frontendAPI() string {
	if p := rc.v.proxyURL; p != "" {
		if strings.HasPrefix(p, "/") {
			if rc.url == nil {
				return ""
			}
			return rc.url.origin() + p
		}
		return p
	}
	return rc.v.originalFrontendAPI()
}

// eligibleForHandshake is Clerk's test for a document request: a GET whose
// Sec-Fetch-Dest is document or iframe, or, without Sec-Fetch-Dest, whose
// Accept starts with text/html.
func (rc *reqContext) eligibleForHandshake() bool {
	if rc.method != http.MethodGet {
		return false
	}
	switch rc.secFetchDest {
	case "document", "iframe":
		return true
	case "":
		return strings.HasPrefix(rc.accept, "text/html")
	}
	return false
}
