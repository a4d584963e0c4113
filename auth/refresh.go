package auth

import (
	"net/http"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// refresh is Clerk's token refresh for an expired cookie session: with a
// __refresh_<suffix> cookie, POST /sessions/{sid}/refresh exchanges the
// expired token for new cookies. It returns the signed-in state, or the
// reason the refresh failed (the suffix of session-token-expired-refresh-).
func (rc *reqContext) refresh() (*Auth, string) {
	v := rc.v
	if v.client == nil {
		return nil, "missing-api-client"
	}
	expired := firstOf(rc.sessionCookie, rc.tokenInHeader)
	if expired == "" {
		return nil, "missing-session-token"
	}
	var t jwt.Token
	if t.Parse(expired) != nil {
		return nil, "expired-session-token-decode-failed"
	}
	sid := sidOf(&t)
	if sid == "" {
		return nil, "expired-session-token-missing-sid-claim"
	}
	headers := map[string][]string{}
	for k, vs := range rc.r.Header {
		headers[strings.ToLower(k)] = []string{strings.Join(vs, ", ")}
	}
	if _, ok := headers["host"]; !ok && rc.r.Host != "" {
		headers["host"] = []string{rc.r.Host}
	}
	origin := ""
	if rc.url != nil {
		origin = rc.url.origin()
	}
	body := map[string]any{
		"format": "cookie", "expired_token": expired, "refresh_token": rc.refreshCookie,
		"request_origin": origin, "request_headers": headers,
	}
	var out struct {
		Cookies []string `json:"cookies"`
	}
	req := &clerk.Request{Method: http.MethodPost, Path: "/sessions/" + sid + "/refresh", Body: body}
	var opts []clerk.RequestOption
	if rc.suffixed {
		// Clerk's SDK leaves the parameter out when it is false.
		opts = append(opts, clerk.WithQuery("suffixed_cookies", "true"))
	}
	err := v.client.Do(rc.r.Context(), req, &out, opts...)
	if err != nil {
		return nil, refreshErrorReason(err)
	}
	if len(out.Cookies) == 0 {
		return nil, "unexpected-sdk-error"
	}
	h := http.Header{}
	session := ""
	for _, d := range out.Cookies {
		h.Add("Set-Cookie", d)
		if strings.HasPrefix(cookieName(d), cookieSession) {
			session = cookieValue(d)
		}
	}
	c, err := v.VerifySessionToken(rc.r.Context(), session)
	if err != nil {
		return nil, "invalid-session-token"
	}
	a := fromSession(c)
	a.Headers = h
	return a, ""
}

// sidOf is the sid claim of a decoded token.
func sidOf(t *jwt.Token) string {
	if t.Claims.Sid.OK {
		return t.Claims.Sid.Val
	}
	return ""
}

// refreshErrorReason names a failed refresh as Clerk does: the API's
// error code, fetch-error for its unexpected_error, unexpected-bapi-error
// without one.
func refreshErrorReason(err error) string {
	var apiErr *clerk.APIError
	if asAPIError(err, &apiErr) && len(apiErr.Errors) > 0 {
		if code := apiErr.Errors[0].Code; code == "unexpected_error" {
			return "fetch-error"
		} else if code != "" {
			return code
		}
	}
	return "unexpected-bapi-error"
}
