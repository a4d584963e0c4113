package overlay

// sessionsOps names the session calls.
func sessionsOps() map[string]Op {
	return map[string]Op{
		"GetSessionList":                 {Package: "sessions", Method: "List", Doc: "returns one page of sessions, filtered by client, user or status."},
		"createSession":                  {Package: "sessions", Method: "Create", Doc: "opens a session for a user without a sign-in, for testing and impersonation flows."},
		"GetSession":                     {Package: "sessions", Method: "Get", Doc: "fetches one session by ID."},
		"RefreshSession":                 {Package: "sessions", Method: "Refresh", Doc: "exchanges an expired session token for a fresh one.", Params: map[string]string{"request_originating_ip": "RequestOriginatingIP"}},
		"RevokeSession":                  {Package: "sessions", Method: "Revoke", Doc: "ends a session so its tokens stop working."},
		"CreateSessionToken":             {Package: "sessions", Method: "CreateToken", Doc: "issues a session token (JWT) for an active session.", Response: "SessionToken"},
		"CreateSessionTokenFromTemplate": {Package: "sessions", Method: "CreateTokenFromTemplate", Doc: "issues a JWT for an active session, shaped by the named JWT template.", Response: "SessionToken"},
	}
}
