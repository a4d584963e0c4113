package clerktest

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/domains"
	"github.com/clerkgo/clerk/redirecturls"
)

// Instance-level resources: redirect URLs, domains, proxy checks and the
// Svix app that delivers Clerk's webhooks.

func (e *Emulator) instanceResourceRoutes(t []route) []route {
	t = add(t, "GET", "/redirect_urls", e.listRedirectURLs, "limit", "offset", "paginated")
	t = add(t, "POST", "/redirect_urls", e.createRedirectURL, "url")
	t = add(t, "GET", "/redirect_urls/{id}", e.getRedirectURL)
	t = add(t, "DELETE", "/redirect_urls/{id}", e.deleteRedirectURL)
	t = add(t, "GET", "/domains", e.listDomains)
	t = add(t, "POST", "/domains", e.createDomain, "name", "is_satellite", "proxy_url")
	t = add(t, "PATCH", "/domains/{domain_id}", e.updateDomain, "is_secondary", "name", "proxy_url")
	t = add(t, "DELETE", "/domains/{domain_id}", e.deleteDomain)
	t = add(t, "POST", "/proxy_checks", e.createProxyCheck, "domain_id", "proxy_url")
	t[len(t)-1].unlocked = true // the check reaches the proxy, which calls back in
	t = add(t, "POST", "/webhooks/svix", e.createSvixApp)
	t = add(t, "POST", "/webhooks/svix_url", e.svixDashboardURL)
	t = add(t, "DELETE", "/webhooks/svix", e.deleteSvixApp)
	return t
}

func (e *Emulator) createRedirectURL(c *call) (int, any, error) {
	var p redirecturls.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("url", p.URL); err != nil {
		return 0, nil, err
	}
	if u, err := url.Parse(p.URL); err != nil || u.Scheme == "" {
		return 0, nil, invalidParam("url", "url must be an absolute URL or a custom scheme URL.")
	}
	for _, r := range e.st.redirectURLs.list(false, nil) {
		if r.URL == p.URL {
			return 0, nil, fail(http.StatusBadRequest, "duplicate_record", "duplicate redirect URL", "the redirect URL already exists")
		}
	}
	now := e.ms()
	r := &clerk.RedirectURL{Object: "redirect_url", ID: newID("ru"), URL: p.URL, CreatedAt: now, UpdatedAt: now}
	e.st.redirectURLs.put(r.ID, r)
	return http.StatusOK, r, nil
}

func (e *Emulator) listRedirectURLs(c *call) (int, any, error) {
	var p redirecturls.ListParams
	if err := decodeQuery(c, &p); err != nil {
		return 0, nil, err
	}
	return listAnswer(p.ListParams, p.Paginated, e.st.redirectURLs.list(false, nil), false)
}

func (e *Emulator) getRedirectURL(c *call) (int, any, error) {
	r, err := find(&e.st.redirectURLs, c, "id", "redirect URL")
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, r, nil
}

func (e *Emulator) deleteRedirectURL(c *call) (int, any, error) {
	r, err := find(&e.st.redirectURLs, c, "id", "redirect URL")
	if err != nil {
		return 0, nil, err
	}
	e.st.redirectURLs.del(r.ID)
	return http.StatusOK, deleted("redirect_url", r.ID), nil
}

// primaryDomain is the development domain every instance has.
func (e *Emulator) primaryDomain() *clerk.Domain {
	host := strings.TrimPrefix(e.base, "http://")
	return &clerk.Domain{Object: "domain", ID: "dmn_" + strings.TrimPrefix(e.keys.instanceID, "ins_"), Name: host,
		FrontendAPIURL: e.base, DevelopmentOrigin: e.base, AccountsPortalURL: clerk.Value(e.base + "/emulator-accounts"),
		// A development domain needs no DNS records and no proxy.
		CNAMETargets: clerk.Null[[]*clerk.CNAMETarget](), ProxyURL: clerk.Null[string]()}
}

func (e *Emulator) listDomains(c *call) (int, any, error) {
	all := append([]*clerk.Domain{e.primaryDomain()}, e.st.domains.list(false, nil)...)
	return http.StatusOK, list[*clerk.Domain]{Data: all, TotalCount: int64(len(all))}, nil
}

func (e *Emulator) createDomain(c *call) (int, any, error) {
	var p domains.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("name", p.Name); err != nil {
		return 0, nil, err
	}
	if !p.IsSatellite {
		e := failParam(http.StatusUnprocessableEntity, "primary_domain_already_exists", "primary domain already exists", "is_satellite")
		e.detail.LongMessage = "Currently, only a single primary domain is supported and the current instance already has one. All new domains need to be set a satellites."
		return 0, nil, e
	}
	for _, d := range e.st.domains.list(false, nil) {
		if strings.EqualFold(d.Name, p.Name) {
			return 0, nil, identifierExists("name")
		}
	}
	d := &clerk.Domain{Object: "domain", ID: newID("dmn"), Name: p.Name, IsSatellite: true,
		FrontendAPIURL: "https://clerk." + p.Name, DevelopmentOrigin: "", ProxyURL: p.ProxyURL,
		AccountsPortalURL: clerk.Value("https://accounts." + p.Name),
		CNAMETargets:      clerk.Value([]*clerk.CNAMETarget{{Host: "clerk." + p.Name, Value: "frontend-api.clerk.services", Required: true}})}
	if !d.ProxyURL.IsSet() {
		d.ProxyURL = clerk.Null[string]()
	}
	e.st.domains.put(d.ID, d)
	return http.StatusOK, d, nil
}

func (e *Emulator) updateDomain(c *call) (int, any, error) {
	d, err := find(&e.st.domains, c, "domain_id", "domain")
	if err != nil {
		return 0, nil, err
	}
	var p domains.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if n, ok := p.Name.Get(); ok {
		d.Name, d.FrontendAPIURL = n, "https://clerk."+n
	}
	if p.ProxyURL.IsSet() || p.ProxyURL.IsNull() {
		d.ProxyURL = p.ProxyURL
	}
	// is_secondary (decoded above) changes how Clerk stores subdomains of
	// the name; the Domain answer has no field that shows it.
	return http.StatusOK, d, nil
}

func (e *Emulator) deleteDomain(c *call) (int, any, error) {
	if c.param("domain_id") == e.primaryDomain().ID {
		return 0, nil, fail(http.StatusForbidden, "operation_not_allowed_on_primary_domain", "operation not allowed",
			"This operation is not allowed on a primary domain. Try again with a satellite domain of the instance.")
	}
	d, err := find(&e.st.domains, c, "domain_id", "domain")
	if err != nil {
		return 0, nil, err
	}
	e.st.domains.del(d.ID)
	return http.StatusOK, deleted("domain", d.ID), nil
}

func (e *Emulator) svixURL() *clerk.SvixURL {
	return &clerk.SvixURL{SvixURL: e.base + "/emulator-svix/app/" + e.keys.instanceID}
}

func (e *Emulator) createSvixApp(c *call) (int, any, error) {
	e.st.svixApp = true
	return http.StatusOK, e.svixURL(), nil
}

func (e *Emulator) svixDashboardURL(c *call) (int, any, error) {
	if !e.st.svixApp {
		return 0, nil, fail(http.StatusBadRequest, "svix_app_missing", "No Svix apps are associated with the current instance.", "")
	}
	return http.StatusOK, e.svixURL(), nil
}

func (e *Emulator) deleteSvixApp(c *call) (int, any, error) {
	if !e.st.svixApp {
		return 0, nil, fail(http.StatusBadRequest, "svix_app_missing", "No Svix apps are associated with the current instance.", "")
	}
	e.st.svixApp = false
	return http.StatusNoContent, nil, nil
}
