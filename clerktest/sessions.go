package clerktest

import (
	"cmp"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"slices"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/sessions"
)

// session is the emulator's record of a session.
type session struct {
	seq         int64
	id          string
	userID      string
	clientID    string
	status      string
	activeOrgID *string
	lastActive  int64
	expireAt    int64
	abandonAt   int64
	createdAt   int64
	updatedAt   int64
}

// json builds the wire form of the session from the generated model type.
func (s *session) json() *clerk.Session {
	return &clerk.Session{Object: "session", ID: s.id, UserID: s.userID, ClientID: s.clientID,
		Status: clerk.SessionStatus(s.status), LastActiveOrganizationID: optOf(s.activeOrgID),
		LastActiveAt: s.lastActive, ExpireAt: s.expireAt, AbandonAt: s.abandonAt,
		UpdatedAt: s.updatedAt, CreatedAt: s.createdAt,
		// A session created through the Backend API has no device
		// activity, no actor and no pending tasks: Clerk sends null.
		LatestActivity: clerk.Null[clerk.SessionActivity](), Actor: clerk.JSON("null"), Tasks: clerk.Null[[]*clerk.SessionTask]()}
}

// sessionEvent is the data of session.* webhooks: the session and its user.
type sessionEvent struct {
	*clerk.Session
	User *clerk.User `json:"user,omitempty"`
}

func (e *Emulator) sessionEvent(s *session) sessionEvent {
	ev := sessionEvent{Session: s.json()}
	if u, ok := e.st.users[s.userID]; ok {
		ev.User = u.json()
	}
	return ev
}

func (e *Emulator) sessionRoutes(t []route) []route {
	t = add(t, "GET", "/sessions", e.listSessions, "client_id", "limit", "offset", "paginated", "status", "user_id")
	t = add(t, "POST", "/sessions", e.createSession, "active_organization_id", "user_id")
	t = add(t, "GET", "/sessions/{session_id}", e.getSession)
	t = add(t, "POST", "/sessions/{session_id}/revoke", e.revokeSession)
	t = add(t, "POST", "/sessions/{session_id}/tokens", e.createSessionToken, "expires_in_seconds")
	t = add(t, "POST", "/sessions/{session_id}/tokens/{template_name}", e.createSessionToken, "expires_in_seconds")
	t = add(t, "GET", "/jwks", e.getJWKS)
	return t
}

// newSession stores an active session for u (with an optional active org).
func (e *Emulator) newSession(u *user, orgID *string) *session {
	now := e.now()
	s := &session{seq: e.st.next(), id: newID("sess"), userID: u.id, clientID: newID("client"), status: "active",
		activeOrgID: orgID, lastActive: now.UnixMilli(), expireAt: now.Add(7 * 24 * time.Hour).UnixMilli(),
		abandonAt: now.Add(30 * 24 * time.Hour).UnixMilli(), createdAt: now.UnixMilli(), updatedAt: now.UnixMilli()}
	e.st.sessions[s.id] = s
	u.lastSignInAt, u.lastActiveAt = ptr(s.createdAt), ptr(s.createdAt)
	return s
}

func (e *Emulator) createSession(c *call) (int, any, error) {
	var p sessions.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("user_id", p.UserID); err != nil {
		return 0, nil, err
	}
	u, err := e.findUser(p.UserID)
	if err != nil {
		return 0, nil, err
	}
	org := optPtr(p.ActiveOrganizationID.Get())
	if org != nil {
		if _, ok := e.st.orgs[*org]; !ok {
			return 0, nil, notFound("organization " + *org)
		}
	}
	s := e.newSession(u, org)
	c.emit("session.created", e.sessionEvent(s))
	return http.StatusOK, s.json(), nil
}

func (e *Emulator) findSession(id string) (*session, error) {
	s, ok := e.st.sessions[id]
	if !ok {
		return nil, notFound("session " + id)
	}
	return s, nil
}

func (e *Emulator) getSession(c *call) (int, any, error) {
	s, err := e.findSession(c.param("session_id"))
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, s.json(), nil
}

func (e *Emulator) listSessions(c *call) (int, any, error) {
	var lp sessions.ListParams
	limit, offset, err := decodeListQuery(c, &lp, &lp.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	uid, cid, status := lp.UserID.Or(""), lp.ClientID.Or(""), lp.Status.Or("")
	var out []*session
	for _, s := range e.st.sessions {
		if (uid == "" || s.userID == uid) && (cid == "" || s.clientID == cid) && (status == "" || s.status == status) {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b *session) int { return cmp.Compare(b.seq, a.seq) })
	lo, hi := window(len(out), limit, offset)
	res := make([]*clerk.Session, 0, hi-lo)
	for _, s := range out[lo:hi] {
		res = append(res, s.json())
	}
	if lp.Paginated.Or(false) {
		return http.StatusOK, list[*clerk.Session]{Data: res, TotalCount: int64(len(out))}, nil
	}
	return http.StatusOK, res, nil
}

func (e *Emulator) revokeSession(c *call) (int, any, error) {
	s, err := e.findSession(c.param("session_id"))
	if err != nil {
		return 0, nil, err
	}
	if s.status != "active" && s.status != "pending" {
		return 0, nil, fail(http.StatusBadRequest, "session_not_active", "This session is not active.", "Only an active or pending session can be revoked.")
	}
	e.revoke(c, s)
	return http.StatusOK, s.json(), nil
}

func (e *Emulator) revoke(c *call, s *session) {
	s.status, s.updatedAt = "revoked", e.ms()
	if c != nil {
		c.emit("session.revoked", e.sessionEvent(s))
	}
}

// revokeUserSessions revokes every active session of the user.
func (e *Emulator) revokeUserSessions(c *call, userID string) {
	var ss []*session
	for _, s := range e.st.sessions {
		if s.userID == userID && (s.status == "active" || s.status == "pending") {
			ss = append(ss, s)
		}
	}
	slices.SortFunc(ss, func(a, b *session) int { return cmp.Compare(a.seq, b.seq) })
	for _, s := range ss {
		e.revoke(c, s)
	}
}

// createSessionToken signs a token for an active session, from the default
// claims or from a named JWT template.
func (e *Emulator) createSessionToken(c *call) (int, any, error) {
	s, err := e.findSession(c.param("session_id"))
	if err != nil {
		return 0, nil, err
	}
	if s.status != "active" && s.status != "pending" {
		return 0, nil, notFound("active session " + s.id)
	}
	// The session and template token bodies are the same shape.
	var p sessions.CreateTokenParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	o := tokenOptions{status: s.status, azp: defaultAZP, expiry: defaultTokenTTL}
	if s.activeOrgID != nil {
		if m := e.membershipOf(*s.activeOrgID, s.userID); m != nil {
			o.orgID, o.role, o.permissions = m.orgID, m.role, e.membershipPermissions(m)
		}
	}
	var claims map[string]any
	var custom *customSigner
	if name := c.param("template_name"); name != "" {
		t := e.templateByName(name)
		if t == nil {
			return 0, nil, notFound("JWT template " + name)
		}
		o.expiry = time.Duration(t.lifetime) * time.Second
		claims, custom = e.templateClaims(t, s), t.custom
	} else {
		claims, err = e.sessionClaims(s, o)
		if err != nil {
			return 0, nil, err
		}
	}
	if ttl := p.ExpiresInSeconds.Or(0); ttl > 0 {
		claims["exp"] = e.now().Unix() + ttl
	}
	var tok string
	if custom != nil {
		payload, merr := json.Marshal(claims)
		if merr != nil {
			return 0, nil, merr
		}
		tok, err = custom.sign(payload)
	} else {
		tok, err = e.signJWT(claims)
	}
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, &clerk.SessionToken{Object: ptr("token"), JWT: &tok}, nil
}

// RefreshToken returns the refresh token of a session, what Clerk's
// Frontend API leaves in the __refresh cookie: POST
// /sessions/{id}/refresh accepts it and refuses any other. It is derived
// from the session ID and the secret key, so it survives a snapshot.
func (e *Emulator) RefreshToken(sessionID string) string {
	m := hmac.New(sha256.New, []byte(e.keys.secret))
	m.Write([]byte("refresh_token\x00" + sessionID))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}
