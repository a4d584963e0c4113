package clerktest

import (
	"crypto/subtle"
	"net/http"
	"slices"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clients"
	"github.com/clerkgo/clerk/sessions"
)

// Clients are derived from sessions (each session belongs to one client).

func (e *Emulator) clientRoutes(t []route) []route {
	t = add(t, "GET", "/clients", e.listClients, "limit", "offset", "paginated")
	t = add(t, "GET", "/clients/{client_id}", e.getClient)
	t = add(t, "POST", "/clients/verify", e.verifyClient, "token")
	t = add(t, "POST", "/sessions/{session_id}/refresh", e.refreshSession, "expired_token", "format", "refresh_token",
		"request_headers", "request_origin", "request_originating_ip")
	return t
}

// clientJSON builds a client from its sessions, oldest first.
func (e *Emulator) clientJSON(id string) (*clerk.DeviceClient, bool) {
	var ss []*session
	for _, s := range e.st.sessions {
		if s.clientID == id {
			ss = append(ss, s)
		}
	}
	if len(ss) == 0 {
		return nil, false
	}
	slices.SortFunc(ss, func(a, b *session) int { return cmpInt(a.seq, b.seq) })
	c := &clerk.DeviceClient{Object: "client", ID: id, CreatedAt: ss[0].createdAt, UpdatedAt: ss[len(ss)-1].updatedAt,
		SessionIDs: []string{}, Sessions: []*clerk.Session{}}
	for _, s := range ss {
		c.SessionIDs = append(c.SessionIDs, s.id)
		c.Sessions = append(c.Sessions, s.json())
		if s.status == "active" {
			c.LastActiveSessionID = ptr(s.id)
		}
	}
	return c, true
}

func (e *Emulator) listClients(c *call) (int, any, error) {
	var p clients.ListParams
	if err := decodeQuery(c, &p); err != nil {
		return 0, nil, err
	}
	seen := map[string]bool{}
	var ss []*session
	for _, s := range e.st.sessions {
		ss = append(ss, s)
	}
	slices.SortFunc(ss, func(a, b *session) int { return cmpInt(b.seq, a.seq) })
	var out []*clerk.DeviceClient
	for _, s := range ss {
		if seen[s.clientID] {
			continue
		}
		seen[s.clientID] = true
		cl, _ := e.clientJSON(s.clientID)
		out = append(out, cl)
	}
	return listAnswer(p.ListParams, p.Paginated, out, false)
}

func (e *Emulator) getClient(c *call) (int, any, error) {
	cl, ok := e.clientJSON(c.param("client_id"))
	if !ok {
		return 0, nil, notFound("client " + c.param("client_id"))
	}
	return http.StatusOK, cl, nil
}

// verifyClient accepts a session token the emulator signed and answers
// the client of its session.
func (e *Emulator) verifyClient(c *call) (int, any, error) {
	var p clients.VerifyParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("token", p.Token); err != nil {
		return 0, nil, err
	}
	claims, ok := e.verifyOwnJWT(p.Token)
	sid, _ := claims["sid"].(string)
	s, found := e.st.sessions[sid]
	if !ok || !found {
		return 0, nil, fail(http.StatusBadRequest, "invalid_session_token", "Invalid session token", "The token provided could not be successfully verified")
	}
	cl, _ := e.clientJSON(s.clientID)
	return http.StatusOK, cl, nil
}

// refreshSession mints a new session token from an expired one the
// emulator signed, for an active session.
func (e *Emulator) refreshSession(c *call) (int, any, error) {
	s, err := e.findSession(c.param("session_id"))
	if err != nil {
		return 0, nil, fail(http.StatusUnauthorized, "session_refresh_session_not_found", "Session not found",
			"No session was found with id "+c.param("session_id"))
	}
	var p sessions.RefreshParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	// request_headers and request_originating_ip are decoded (and so type
	// checked) with the rest; the emulator binds no session to a device.
	if err := need("expired_token", p.ExpiredToken, "refresh_token", p.RefreshToken, "request_origin", p.RequestOrigin); err != nil {
		return 0, nil, err
	}
	if subtle.ConstantTimeCompare([]byte(p.RefreshToken), []byte(e.RefreshToken(s.id))) != 1 {
		// The error index's Cookie errors, InvalidRotatingToken.
		return 0, nil, fail(http.StatusUnauthorized, "cookie_invalid_code", "The provided cookie is invalid.",
			"The client's rotating key does not match the given one")
	}
	claims, ok := e.verifyOwnJWT(p.ExpiredToken)
	if !ok {
		return 0, nil, fail(http.StatusUnauthorized, "expired_session_token_invalid", "Invalid expired_token param",
			"The session token provided could not be successfully verified")
	}
	if sid, _ := claims["sid"].(string); sid != s.id {
		return 0, nil, fail(http.StatusUnauthorized, "refresh_sid_mismatch", "Session ID does not match the 'sid' claim",
			"The 'sid' claim of the provided expired session token does not match the session ID provided in the request path")
	}
	if s.status != "active" {
		return 0, nil, fail(http.StatusUnauthorized, "session_refresh_inactive_session", "session inactive", "The provided session is not active")
	}
	o := tokenOptions{status: s.status, azp: p.RequestOrigin, expiry: defaultTokenTTL}
	fresh, err := e.sessionClaims(s, o)
	if err != nil {
		return 0, nil, err
	}
	tok, err := e.signJWT(fresh)
	if err != nil {
		return 0, nil, err
	}
	s.lastActive = e.ms()
	out := &clerk.SessionRefresh{Object: "token", JWT: &tok}
	if p.Format.Or("token") == "cookie" {
		out = &clerk.SessionRefresh{Object: "cookies", Cookies: []string{"__session=" + tok + "; Path=/; SameSite=Lax"}}
	}
	return http.StatusOK, out, nil
}
