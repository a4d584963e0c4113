package session

import (
	"context"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/clerkgo/clerk/auth/internal/instance"
)

// request is what the cookie decisions read from a request, gathered
// once and in the order Clerk's SDK gathers it.
type request struct {
	cfg *Config
	t   Tokens
	r   *http.Request
	ctx context.Context

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
}

// newRequest reads the headers, the public URL, the query and the cookies
// of r.
func (c *Config) newRequest(r *http.Request, tokenInHeader string, t Tokens) *request {
	rq := &request{cfg: c, t: t, r: r, ctx: r.Context(), method: r.Method, tokenInHeader: tokenInHeader}
	rq.accept = HeaderValue(r, "Accept")
	rq.secFetchDest = HeaderValue(r, "Sec-Fetch-Dest")
	rq.referrer = HeaderValue(r, "Referer")
	rq.url, rq.urlErr = deriveRequestURL(r)
	if rq.url != nil {
		rq.query = rq.url.query
	} else {
		rq.query = parseQuery(r.URL.RawQuery)
	}
	rq.cookies = parseCookies(strings.Join(r.Header.Values("Cookie"), "; "))
	rq.suffixed = rq.usesSuffixedCookies()
	rq.sessionCookie = rq.suffixedOrNot(cookieSession)
	rq.refreshCookie = rq.cookie(rq.suffixedName(cookieRefresh))
	rq.clientUat = parseIntJS(rq.suffixedOrNot(cookieClientUat))
	rq.devBrowser = firstOf(rq.param(cookieDevBrowser), rq.suffixedOrNot(cookieDevBrowser))
	rq.handshakeToken = firstOf(rq.param(cookieHandshake), rq.cookie(cookieHandshake))
	rq.redirectCount = numberJS(rq.cookie(cookieRedirectCount))
	rq.handshakeNonce = firstOf(rq.param(cookieHandshakeNonce), rq.cookie(cookieHandshakeNonce))
	return rq
}

// HeaderValue is Headers.get: the values of a field joined with ", ",
// trimmed of spaces and tabs. name must be in canonical form (the map is
// indexed directly).
func HeaderValue(r *http.Request, name string) string {
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

func (rq *request) param(name string) string {
	v, _ := rq.lookupParam(name)
	return v
}

func (rq *request) hasParam(name string) bool {
	_, ok := rq.lookupParam(name)
	return ok
}

func (rq *request) lookupParam(name string) (string, bool) {
	for _, p := range rq.query {
		if p.name == name {
			return p.value, true
		}
	}
	return "", false
}

func (rq *request) cookie(name string) string { return rq.cookies[name] }

func (rq *request) suffixedName(name string) string {
	if rq.cfg.Instance == nil {
		return name + "_"
	}
	return name + "_" + rq.cfg.Instance.CookieSuffix
}

func (rq *request) suffixedOrNot(name string) string {
	if rq.suffixed {
		return rq.cookie(rq.suffixedName(name))
	}
	return rq.cookie(name)
}

func (rq *request) production() bool {
	return rq.cfg.Instance == nil || rq.cfg.Instance.Production
}

// usesSuffixedCookies decides between __session_<suffix> and __session the
// way Clerk's SDK decides.
func (rq *request) usesSuffixedCookies() bool {
	if rq.cfg.Instance == nil {
		return false
	}
	suffUat := rq.cookie(rq.suffixedName(cookieClientUat))
	uat := rq.cookie(cookieClientUat)
	suffSession := rq.cookie(rq.suffixedName(cookieSession))
	session := rq.cookie(cookieSession)
	sf := rq.facts(session)
	if session != "" && !sf.IssTruthy {
		return false
	}
	if session != "" && !rq.belongsToInstance(sf) {
		return true
	}
	if suffUat == "" && suffSession == "" {
		return false
	}
	suf := rq.facts(suffSession)
	if suffUat != "0" && uat != "0" && sf.iatOr0() > suf.iatOr0() {
		return false
	}
	if suffUat == "0" && uat != "0" {
		return false
	}
	if !rq.production() && suffUat != "0" && uat == "0" && suf.expiredAt(rq.cfg.Now().Unix()) {
		return false
	}
	if suffUat == "" && suffSession != "" {
		return false
	}
	return true
}

// facts is Tokens.Facts, with nothing to say about no token.
func (rq *request) facts(token string) Facts {
	if token == "" {
		return Facts{}
	}
	return rq.t.Facts(token)
}

var schemeRE = regexp.MustCompile(`(?i)https?://`)

// belongsToInstance compares the token's iss, without its scheme, with the
// instance's Frontend API (before any proxy).
func (rq *request) belongsToInstance(f Facts) bool {
	if !f.Decoded || !f.Iss.OK {
		return false
	}
	return schemeRE.ReplaceAllString(f.Iss.Val, "") == rq.cfg.originalFrontendAPI()
}

// originalFrontendAPI is the Frontend API that issues the instance's
// tokens: clerk.<Domain> for a production satellite.
func (c *Config) originalFrontendAPI() string {
	if c.Instance == nil {
		return ""
	}
	if c.Instance.Production && c.Satellite && c.Domain != "" {
		return "clerk." + c.Domain
	}
	return c.Instance.FrontendAPI
}

// frontendAPI is where the handshake goes: ProxyURL when set (resolved
// against the request origin when relative), else originalFrontendAPI.
func (rq *request) frontendAPI() string {
	if p := rq.cfg.ProxyURL; p != "" {
		if strings.HasPrefix(p, "/") {
			if rq.url == nil {
				return ""
			}
			return rq.url.origin() + p
		}
		return p
	}
	return rq.cfg.originalFrontendAPI()
}

// eligibleForHandshake is Clerk's test for a document request: a GET whose
// Sec-Fetch-Dest is document or iframe, or, without Sec-Fetch-Dest, whose
// Accept starts with text/html.
func (rq *request) eligibleForHandshake() bool {
	if rq.method != http.MethodGet {
		return false
	}
	switch rq.secFetchDest {
	case "document", "iframe":
		return true
	case "":
		return strings.HasPrefix(rq.accept, "text/html")
	}
	return false
}

// originAllowed reports whether the public origin may be a redirect
// target: always without AuthorizedParties, else when it is listed.
func (rq *request) originAllowed() bool {
	ps := rq.cfg.AuthorizedParties
	return len(ps) == 0 || slices.Contains(ps, rq.url.origin())
}

// crossOriginReferrer reports a Referer of another origin than the request.
func (rq *request) crossOriginReferrer() bool {
	if rq.referrer == "" || rq.url == nil {
		return false
	}
	o, ok := instance.OriginOf(rq.referrer)
	return ok && o != rq.url.origin()
}
