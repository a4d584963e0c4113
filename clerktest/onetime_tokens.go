package clerktest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/actortokens"
	"github.com/clerkgo/clerk/adminportal"
	"github.com/clerkgo/clerk/agenttasks"
	"github.com/clerkgo/clerk/signintokens"
)

// The one-time tokens: actor (impersonation), sign-in, testing, agent
// task and admin portal link tokens. They are stored and revocable; using
// them needs the Frontend API, which the emulator does not serve.

func (e *Emulator) oneTimeTokenRoutes(t []route) []route {
	t = add(t, "POST", "/actor_tokens", e.createActorToken, "actor", "expires_in_seconds", "session_max_duration_in_seconds", "user_id")
	t = add(t, "POST", "/actor_tokens/{actor_token_id}/revoke", e.revokeActorToken)
	t = add(t, "POST", "/sign_in_tokens", e.createSignInToken, "expires_in_seconds", "org_id", "user_id")
	t = add(t, "POST", "/sign_in_tokens/{sign_in_token_id}/revoke", e.revokeSignInToken)
	t = add(t, "POST", "/testing_tokens", e.createTestingToken)
	t = add(t, "POST", "/agents/tasks", e.createAgentTask, "agent_name", "on_behalf_of", "permissions", "redirect_url",
		"session_max_duration_in_seconds", "task_description")
	t = add(t, "POST", "/agents/tasks/{agent_task_id}/revoke", e.revokeAgentTask)
	t = add(t, "POST", "/admin_portal_link_tokens", e.createPortalToken, "it_contact_id", "organization_id", "scopes", "seconds_until_expiration")
	t = add(t, "POST", "/admin_portal_link_tokens/{adminPortalLinkTokenID}/revoke", e.revokePortalToken, "revocation_reason")
	return t
}

// ticketURL is where a ticket is accepted on the Frontend API, with the
// redirect URL when one is given.
func (e *Emulator) ticketURL(path, ticket, redirect string) string {
	u := e.keys.frontendAPI + "/" + path + "?ticket=" + url.QueryEscape(ticket)
	if redirect != "" {
		u += "&redirect_url=" + url.QueryEscape(redirect)
	}
	return u
}

// frontendURL is where a one-time token would be redeemed.
func (e *Emulator) frontendURL(path, token string) string {
	return e.base + "/emulator-frontend/" + path + "?__clerk_ticket=" + token
}

func (e *Emulator) createActorToken(c *call) (int, any, error) {
	var p actortokens.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("user_id", p.UserID, "actor", p.Actor.Sub); err != nil {
		return 0, nil, err
	}
	if _, ok := e.st.users[p.UserID]; !ok {
		return 0, nil, resourceParamNotFound("user_id")
	}
	var actor map[string]any
	f, _ := parseFields(c.body)
	_ = json.Unmarshal(f["actor"], &actor)
	now := e.ms()
	tok := randomString(48)
	a := &clerk.ActorToken{Object: "actor_token", ID: newID("act"), UserID: p.UserID, Actor: anyJSON(actor),
		Status: clerk.ActorTokenStatusPending, Token: &tok, URL: ptr(e.frontendURL("impersonate", tok)),
		CreatedAt: now, UpdatedAt: now}
	e.st.actorTokens.put(a.ID, a)
	return http.StatusOK, a, nil
}

func (e *Emulator) revokeActorToken(c *call) (int, any, error) {
	a, err := find(&e.st.actorTokens, c, "actor_token_id", "actor token")
	if err != nil {
		return 0, nil, err
	}
	if a.Status != clerk.ActorTokenStatusPending {
		return 0, nil, fail(http.StatusBadRequest, "actor_token_cannot_be_revoked_code", "cannot revoke",
			"Actor token cannot be revoked because its status is "+string(a.Status)+". Only pending tokens can be revoked.")
	}
	a.Status, a.UpdatedAt = clerk.ActorTokenStatusRevoked, e.ms()
	out := *a
	out.Token, out.URL = nil, nil
	return http.StatusOK, &out, nil
}

func (e *Emulator) createSignInToken(c *call) (int, any, error) {
	var p signintokens.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("user_id", p.UserID); err != nil {
		return 0, nil, err
	}
	if _, err := e.findUser(p.UserID); err != nil {
		return 0, nil, err
	}
	now := e.ms()
	tok := randomString(48)
	s := &clerk.SignInToken{Object: "sign_in_token", ID: newID("sit"), UserID: p.UserID, Token: &tok,
		Status: clerk.SignInTokenStatusPending, URL: clerk.Value(e.frontendURL("sign-in", tok)), CreatedAt: now, UpdatedAt: now}
	e.st.signInTokens.put(s.ID, s)
	return http.StatusOK, s, nil
}

func (e *Emulator) revokeSignInToken(c *call) (int, any, error) {
	s, err := find(&e.st.signInTokens, c, "sign_in_token_id", "sign in token")
	if err != nil {
		return 0, nil, err
	}
	if s.Status != clerk.SignInTokenStatusPending {
		return 0, nil, fail(http.StatusBadRequest, "sign_in_token_cannot_be_revoked_code", "cannot revoke",
			"Sign in token cannot be revoked because its status is "+string(s.Status)+". Only pending tokens can be revoked.")
	}
	// The revoked token keeps its token and url: @clerk/backend's
	// SignInTokenJSON types both as always present.
	s.Status, s.UpdatedAt = clerk.SignInTokenStatusRevoked, e.ms()
	return http.StatusOK, s, nil
}

func (e *Emulator) createTestingToken(c *call) (int, any, error) {
	return http.StatusOK, &clerk.TestingToken{Object: "testing_token", Token: randomString(32),
		ExpiresAt: e.now().Add(time.Hour).Unix()}, nil
}

func (e *Emulator) createAgentTask(c *call) (int, any, error) {
	var p agenttasks.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("agent_name", p.AgentName, "permissions", p.Permissions, "redirect_url", p.RedirectURL,
		"task_description", p.TaskDescription); err != nil {
		return 0, nil, err
	}
	uid, hasUser := p.OnBehalfOf.UserID.Get()
	ident, hasIdent := p.OnBehalfOf.Identifier.Get()
	switch {
	case hasUser:
		if _, err := e.findUser(uid); err != nil {
			return 0, nil, fail(http.StatusNotFound, "agent_task_subject_not_found", "user not found",
				"The user of the agent task no longer exists. Please request a new one.")
		}
	case hasIdent:
		if e.st.byEmail[lower(ident)] == nil && e.st.byPhone[ident] == nil && e.st.byUsername[lower(ident)] == nil {
			return 0, nil, fail(http.StatusNotFound, "agent_task_subject_not_found", "user not found",
				"The user of the agent task no longer exists. Please request a new one.")
		}
	default:
		return 0, nil, missingParam("on_behalf_of")
	}
	tok := randomString(48)
	a := &clerk.AgentTask{Object: "agent_task", AgentID: newID("agt"), AgentTaskID: newID("agtask"), TaskID: newID("task"),
		URL: ptr(e.frontendURL("agent-task", tok))}
	e.st.agentTasks.put(a.AgentTaskID, a)
	return http.StatusOK, a, nil
}

func (e *Emulator) revokeAgentTask(c *call) (int, any, error) {
	a, ok := e.st.agentTasks.get(c.param("agent_task_id"))
	if !ok {
		return 0, nil, fail(http.StatusNotFound, "agent_task_not_found", "agent task not found", "The requested agent task could not be found.")
	}
	// The answer keeps the url: @clerk/backend's AgentTaskJSON types it as
	// always present.
	e.st.agentTasks.del(a.AgentTaskID)
	return http.StatusOK, a, nil
}

func (e *Emulator) createPortalToken(c *call) (int, any, error) {
	var p adminportal.CreateLinkTokenParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	org, hasOrg := p.OrganizationID.Get()
	if hasOrg {
		if _, err := e.findOrg(org); err != nil {
			return 0, nil, err
		}
	}
	now := e.now()
	t := &clerk.LinkToken{Object: "admin_portal_link_token", ID: newHexID("aplt"), AdminPortalLinkID: newID("apl"),
		InstanceID: e.keys.instanceID, Scopes: p.Scopes.Or([]string{}), CreatedAt: float64(now.UnixMilli()), UpdatedAt: float64(now.UnixMilli())}
	if hasOrg {
		t.OrganizationID = &org
	}
	if it, ok := p.ITContactID.Get(); ok {
		t.ItContactID = &it
	}
	if secs, ok := p.SecondsUntilExpiration.Get(); ok {
		t.Expiration = ptr(float64(now.Add(time.Duration(secs) * time.Second).UnixMilli()))
	}
	e.st.portalTokens.put(t.ID, t)
	secret := "aplt_" + randomString(40)
	return http.StatusCreated, &clerk.CreatedLinkToken{Object: t.Object, ID: t.ID, AdminPortalLinkID: t.AdminPortalLinkID,
		CreatedAt: t.CreatedAt, Expiration: t.Expiration, InstanceID: t.InstanceID, ItContactID: t.ItContactID,
		OrganizationID: t.OrganizationID, Scopes: t.Scopes, Token: secret, UpdatedAt: t.UpdatedAt}, nil
}

func (e *Emulator) revokePortalToken(c *call) (int, any, error) {
	t, err := find(&e.st.portalTokens, c, "adminPortalLinkTokenID", "admin portal link token")
	if err != nil {
		return 0, nil, err
	}
	var p adminportal.RevokeLinkTokenParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	t.Revoked, t.UpdatedAt = true, float64(e.ms())
	if r, ok := p.RevocationReason.Get(); ok {
		t.RevocationReason = &r
	}
	return http.StatusOK, t, nil
}
