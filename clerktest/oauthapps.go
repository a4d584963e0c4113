//lint:file-ignore SA1019 the emulator fills the fields the spec marks deprecated, as Clerk still sends them

package clerktest

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/oauthaccesstokens"
	"github.com/clerkgo/clerk/oauthapplications"
)

// OAuth applications (Clerk as an OAuth provider) and their access
// tokens. Issuing a token needs the authorization flow of the Frontend
// API, so IssueOAuthAccessToken stands in for it.

// defaultOAuthTokenTTL is how long an issued OAuth access token lives.
const defaultOAuthTokenTTL = time.Hour

// oauthApp is a stored application and its secret.
type oauthApp struct {
	app    *clerk.OAuthApplication
	secret string
}

// oauthToken is an issued OAuth access token.
type oauthToken struct {
	id, token, clientID, subject string
	scopes                       []string
	revoked                      bool
	createdAt, expiresAt         int64
}

func (e *Emulator) oauthAppRoutes(t []route) []route {
	t = add(t, "GET", "/oauth_applications", e.listOAuthApps, "limit", "offset", "order_by", "name_query")
	t = add(t, "POST", "/oauth_applications", e.createOAuthApp, "callback_url", "consent_screen_enabled", "name", "pkce_required",
		"public", "redirect_uris", "scopes")
	t = add(t, "GET", "/oauth_applications/{oauth_application_id}", e.getOAuthApp)
	t = add(t, "PATCH", "/oauth_applications/{oauth_application_id}", e.updateOAuthApp, "callback_url", "consent_screen_enabled",
		"name", "pkce_required", "public", "redirect_uris", "scopes")
	t = add(t, "DELETE", "/oauth_applications/{oauth_application_id}", e.deleteOAuthApp)
	t = add(t, "POST", "/oauth_applications/{oauth_application_id}/rotate_secret", e.rotateOAuthSecret)
	t = add(t, "POST", "/oauth_applications/{oauth_application_id}/revoke_token", e.revokeOAuthToken, "token")
	t = add(t, "PUT", "/oauth_applications/{oauth_application_id}/logo", e.oauthAppLogo)
	t = add(t, "POST", "/oauth_applications/access_tokens/verify", e.verifyOAuthToken, "access_token", "secret")
	return t
}

func (e *Emulator) withSecret(a *oauthApp, secret bool) *clerk.OAuthApplicationWithSecret {
	o := a.app
	out := &clerk.OAuthApplicationWithSecret{Object: o.Object, ID: o.ID, AuthorizeURL: o.AuthorizeURL,
		CallbackURL: o.CallbackURL, ClientID: o.ClientID, ClientImageURL: o.ClientImageURL, ClientURI: o.ClientURI,
		ConsentScreenEnabled: o.ConsentScreenEnabled, CreatedAt: o.CreatedAt, DiscoveryURL: o.DiscoveryURL,
		DynamicallyRegistered: o.DynamicallyRegistered, InstanceID: o.InstanceID, Name: o.Name, PKCERequired: o.PKCERequired,
		Public: o.Public, RedirectUris: o.RedirectUris, Scopes: o.Scopes, TokenFetchURL: o.TokenFetchURL,
		TokenIntrospectionURL: o.TokenIntrospectionURL, UpdatedAt: o.UpdatedAt, UserInfoURL: o.UserInfoURL}
	if secret && !o.Public {
		out.ClientSecret = &a.secret
	}
	return out
}

func validRedirects(uris []string) error {
	for _, u := range uris {
		if p, err := url.Parse(u); err != nil || p.Scheme == "" {
			return invalidParam("redirect_uris", "redirect_uris must be absolute URLs.")
		}
	}
	return nil
}

func (e *Emulator) createOAuthApp(c *call) (int, any, error) {
	var p oauthapplications.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("name", p.Name); err != nil {
		return 0, nil, err
	}
	redirects := p.RedirectURIs.Or(nil)
	if cb, ok := p.CallbackURL.Get(); ok && len(redirects) == 0 {
		redirects = []string{cb}
	}
	if err := validRedirects(redirects); err != nil {
		return 0, nil, err
	}
	now := e.ms()
	fapi := e.base + "/emulator-frontend/oauth"
	a := &oauthApp{secret: randomString(32), app: &clerk.OAuthApplication{Object: "oauth_application", ID: newID("oa"),
		ClientID: randomString(16), Name: p.Name, InstanceID: e.keys.instanceID, Public: p.Public.Or(false),
		PKCERequired: p.PKCERequired.Or(false), ConsentScreenEnabled: p.ConsentScreenEnabled.Or(true),
		Scopes: p.Scopes.Or("profile email"), RedirectUris: slices.Clone(redirects), AuthorizeURL: fapi + "/authorize",
		TokenFetchURL: fapi + "/token", UserInfoURL: fapi + "/userinfo", DiscoveryURL: e.base + "/.well-known/openid-configuration",
		TokenIntrospectionURL: fapi + "/token_info", CreatedAt: now, UpdatedAt: now}}
	if len(redirects) > 0 {
		a.app.CallbackURL = redirects[0]
	}
	if a.app.RedirectUris == nil {
		a.app.RedirectUris = []string{}
	}
	e.st.oauthApps.put(a.app.ID, a)
	return http.StatusOK, e.withSecret(a, true), nil
}

func (e *Emulator) listOAuthApps(c *call) (int, any, error) {
	var lp oauthapplications.ListParams
	if err := decodeQuery(c, &lp); err != nil {
		return 0, nil, err
	}
	q := lp.NameQuery.Or("")
	all := e.st.oauthApps.list(true, func(a *oauthApp) bool { return q == "" || containsFold(a.app.Name, q) })
	if err := orderByName(lp.OrderBy.Or(""), all, func(a *oauthApp) (string, string) { return a.app.Name, a.app.ClientID }); err != nil {
		return 0, nil, err
	}
	limit, offset, err := pageOfParams(lp.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	out := make([]*clerk.OAuthApplication, 0, len(all))
	for _, a := range all {
		out = append(out, a.app)
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

func (e *Emulator) getOAuthApp(c *call) (int, any, error) {
	a, err := find(&e.st.oauthApps, c, "oauth_application_id", "OAuth application")
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, a.app, nil
}

func (e *Emulator) updateOAuthApp(c *call) (int, any, error) {
	a, err := find(&e.st.oauthApps, c, "oauth_application_id", "OAuth application")
	if err != nil {
		return 0, nil, err
	}
	var p oauthapplications.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	cp := *a.app
	if r, ok := p.RedirectURIs.Get(); ok {
		if err := validRedirects(r); err != nil {
			return 0, nil, err
		}
		cp.RedirectUris = slices.Clone(r)
	}
	s, ok := p.Name.Get()
	setOpt(&cp.Name, s, ok)
	s, ok = p.CallbackURL.Get()
	setOpt(&cp.CallbackURL, s, ok)
	s, ok = p.Scopes.Get()
	setOpt(&cp.Scopes, s, ok)
	b, ok := p.Public.Get()
	setOpt(&cp.Public, b, ok)
	b, ok = p.PKCERequired.Get()
	setOpt(&cp.PKCERequired, b, ok)
	b, ok = p.ConsentScreenEnabled.Get()
	setOpt(&cp.ConsentScreenEnabled, b, ok)
	cp.UpdatedAt = e.ms()
	*a.app = cp
	return http.StatusOK, a.app, nil
}

func (e *Emulator) deleteOAuthApp(c *call) (int, any, error) {
	a, err := find(&e.st.oauthApps, c, "oauth_application_id", "OAuth application")
	if err != nil {
		return 0, nil, err
	}
	e.st.oauthApps.del(a.app.ID)
	for id, t := range e.st.oauthTokens {
		if t.clientID == a.app.ClientID {
			delete(e.st.oauthTokens, id)
		}
	}
	return http.StatusOK, deleted("oauth_application", a.app.ID), nil
}

func (e *Emulator) rotateOAuthSecret(c *call) (int, any, error) {
	a, err := find(&e.st.oauthApps, c, "oauth_application_id", "OAuth application")
	if err != nil {
		return 0, nil, err
	}
	a.secret, a.app.UpdatedAt = randomString(32), e.ms()
	return http.StatusOK, e.withSecret(a, true), nil
}

func (e *Emulator) revokeOAuthToken(c *call) (int, any, error) {
	a, err := find(&e.st.oauthApps, c, "oauth_application_id", "OAuth application")
	if err != nil {
		return 0, nil, err
	}
	var p oauthapplications.RevokeTokenParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("token", p.Token); err != nil {
		return 0, nil, err
	}
	found := false
	for _, t := range e.st.oauthTokens {
		if t.token == p.Token && t.clientID == a.app.ClientID {
			t.revoked, found = true, true
		}
	}
	if !found {
		// The spec lists 404 for this operation: a token the application
		// never issued is not found, not silently accepted.
		return 0, nil, notFound("OAuth token")
	}
	return http.StatusNoContent, nil, nil
}

func (e *Emulator) oauthAppLogo(c *call) (int, any, error) {
	a, err := find(&e.st.oauthApps, c, "oauth_application_id", "OAuth application")
	if err != nil {
		return 0, nil, err
	}
	if err := c.uploadedFile(); err != nil {
		return 0, nil, err
	}
	a.app.ClientImageURL, a.app.UpdatedAt = ptr(imageURL(a.app.ID)), e.ms()
	return http.StatusOK, a.app, nil
}

// verifyOAuthToken answers the token's state: a token never issued is 404.
func (e *Emulator) verifyOAuthToken(c *call) (int, any, error) {
	var p oauthaccesstokens.VerifyParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	// secret is the deprecated name of access_token.
	tok := ptr(p.AccessToken.Or(p.Secret.Or("")))
	if *tok == "" {
		return 0, nil, missingParam("access_token")
	}
	for _, t := range e.st.oauthTokens {
		if t.token != *tok {
			continue
		}
		if t.revoked || e.ms() >= t.expiresAt {
			return http.StatusOK, &clerk.OAuthAccessTokenVerification{Active: ptr(false)}, nil
		}
		return http.StatusOK, &clerk.OAuthAccessTokenVerification{Object: ptr("clerk_idp_oauth_access_token"), ID: ptr(t.id),
			ClientID: ptr(t.clientID), Subject: ptr(t.subject), Scopes: slices.Clone(t.scopes), Revoked: ptr(false),
			Expired: ptr(false), RevocationReason: clerk.Null[string](), Expiration: clerk.Value(float64(t.expiresAt)),
			CreatedAt: ptr(float64(t.createdAt)), UpdatedAt: ptr(float64(t.createdAt))}, nil
	}
	return 0, nil, notFound("OAuth access token")
}

// IssueOAuthAccessToken issues an access token of the OAuth application
// with clientID for userID, as the authorization flow would, valid for one
// hour. With no scopes, the application's scopes apply.
func (e *Emulator) IssueOAuthAccessToken(clientID, userID string, scopes ...string) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var app *oauthApp
	for _, a := range e.st.oauthApps.list(false, nil) {
		if a.app.ClientID == clientID {
			app = a
		}
	}
	if app == nil {
		return "", errors.New("clerktest: issue OAuth access token: no OAuth application has that client ID")
	}
	if _, ok := e.st.users[userID]; !ok {
		return "", ErrUnknownUser
	}
	if len(scopes) == 0 {
		scopes = strings.Fields(app.app.Scopes)
	}
	now := e.now()
	t := &oauthToken{id: newHexID("oat"), token: "oat_" + randomString(40), clientID: clientID, subject: userID,
		scopes: slices.Clone(scopes), createdAt: now.UnixMilli(), expiresAt: now.Add(defaultOAuthTokenTTL).UnixMilli()}
	e.st.oauthTokens[t.id] = t
	return t.token, nil
}
