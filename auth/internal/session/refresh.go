package session

import (
	"errors"
	"net/http"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// refresh is Clerk's token refresh for an expired cookie session: with a
// __refresh_<suffix> cookie, POST /sessions/{sid}/refresh exchanges the
// expired token for new cookies. It returns the signed-in state (ok), or
// why the refresh failed (the suffix of session-token-expired-refresh-).
func (rq *request) refresh() (d Decision, ok bool, failed string) {
	if rq.cfg.Client == nil {
		return Decision{}, false, "missing-api-client"
	}
	expired := firstOf(rq.sessionCookie, rq.tokenInHeader)
	if expired == "" {
		return Decision{}, false, "missing-session-token"
	}
	var t jwt.Token
	if t.Parse(expired) != nil {
		return Decision{}, false, "expired-session-token-decode-failed"
	}
	if !t.Claims.Sid.OK || t.Claims.Sid.Val == "" {
		return Decision{}, false, "expired-session-token-missing-sid-claim"
	}
	sid := t.Claims.Sid.Val
	headers := map[string][]string{}
	for k, vs := range rq.r.Header {
		headers[strings.ToLower(k)] = []string{strings.Join(vs, ", ")}
	}
	if _, ok := headers["host"]; !ok && rq.r.Host != "" {
		headers["host"] = []string{rq.r.Host}
	}
	origin := ""
	if rq.url != nil {
		origin = rq.url.origin()
	}
	body := map[string]any{
		"format": "cookie", "expired_token": expired, "refresh_token": rq.refreshCookie,
		"request_origin": origin, "request_headers": headers,
	}
	var out struct {
		Cookies []string `json:"cookies"`
	}
	req := &clerk.Request{Method: http.MethodPost, Path: "/sessions/" + sid + "/refresh", Body: body}
	var opts []clerk.RequestOption
	if rq.suffixed {
		// Clerk's SDK leaves the parameter out when it is false.
		opts = append(opts, clerk.WithQuery("suffixed_cookies", "true"))
	}
	if err := rq.cfg.Client.Do(rq.ctx, req, &out, opts...); err != nil {
		return Decision{}, false, refreshErrorReason(err)
	}
	if len(out.Cookies) == 0 {
		return Decision{}, false, "unexpected-sdk-error"
	}
	h := http.Header{}
	session := ""
	for _, d := range out.Cookies {
		h.Add("Set-Cookie", d)
		if strings.HasPrefix(cookieName(d), cookieSession) {
			session = cookieValue(d)
		}
	}
	s, _, err := rq.t.Verify(rq.ctx, session, false)
	if err != nil {
		return Decision{}, false, "invalid-session-token"
	}
	return Decision{Status: SignedIn, Headers: h, Session: s}, true, ""
}

// refreshErrorReason names a failed refresh as Clerk does: the API's
// error code, fetch-error for its unexpected_error, unexpected-bapi-error
// without one.
func refreshErrorReason(err error) string {
	var apiErr *clerk.APIError
	if errors.As(err, &apiErr) && len(apiErr.Errors) > 0 {
		if code := apiErr.Errors[0].Code; code == "unexpected_error" {
			return "fetch-error"
		} else if code != "" {
			return code
		}
	}
	return "unexpected-bapi-error"
}
