package clerktest

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/proxychecks"
)

// Proxy checks: POST /proxy_checks asks the proxy URL for the Frontend
// API's proxy health (GET {proxy_url}/v1/proxy-health?domain_id=..., the
// Frontend API spec's getProxyHealth). A proxy forwards it to the Frontend
// API with the instance's secret key in Clerk-Secret-Key and its own URL
// in Clerk-Proxy-Url; the emulator serves that Frontend API route itself,
// so a proxy in front of the emulator (auth/proxy with FrontendAPIURL set
// to the emulator's Origin) passes the check and anything else fails it.

// proxyHealthPath is the Frontend API route a proxy check requests
// through the proxy.
const proxyHealthPath = "/v1/proxy-health"

// proxyCheckTimeout bounds the whole probe of a proxy.
const proxyCheckTimeout = 10 * time.Second

// maxProxyHealthBody bounds how much of the proxy's answer is read.
const maxProxyHealthBody = 64 << 10

// createProxyCheck checks a proxy URL for real: the check succeeds when the
// URL answers the proxy health request as the Frontend API does for this
// instance, and is refused with 422 invalid_proxy_configuration otherwise.
// The route runs without the state lock, since the probe may come back
// into the emulator through the proxy.
func (e *Emulator) createProxyCheck(c *call) (int, any, error) {
	var p proxychecks.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	domainID, _ := p.DomainID.Get()
	proxy, _ := p.ProxyURL.Get()
	if err := need("domain_id", domainID, "proxy_url", proxy); err != nil {
		return 0, nil, err
	}
	e.mu.RLock()
	_, known := e.st.domains.get(domainID)
	primary := e.primaryDomain().ID
	e.mu.RUnlock()
	if !known && domainID != primary {
		return 0, nil, resourceParamNotFound("domain_id")
	}
	if !e.proxyHealthy(c.r.Context(), proxy, domainID) {
		ae := failParam(http.StatusUnprocessableEntity, "invalid_proxy_configuration", "invalid proxy configuration", "proxy_url")
		ae.detail.LongMessage = "Clerk Frontend API cannot be accessed through the proxy URL. Make sure your proxy is configured correctly."
		return 0, nil, ae
	}
	now := e.ms()
	return http.StatusOK, &clerk.ProxyCheck{Object: "proxy_check", ID: newID("pxchk"), DomainID: domainID, ProxyURL: proxy,
		Successful: true, LastRunAt: &now, CreatedAt: now, UpdatedAt: now}, nil
}

// proxyHealthy requests the proxy health route through proxy and reports
// whether the answer is the Frontend API's "healthy". The URL must be
// https, or http to a loopback host (a proxy a test stands up); redirects
// are not followed, since a proxy forwards rather than redirects.
func (e *Emulator) proxyHealthy(ctx context.Context, proxy, domainID string) bool {
	u, err := url.Parse(strings.TrimRight(proxy, "/"))
	if err != nil || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return false
	}
	if u.Scheme != "https" && (u.Scheme != "http" || !isLoopbackHost(u.Hostname())) {
		return false
	}
	u.Path += proxyHealthPath
	u.RawPath = ""
	u.RawQuery = url.Values{"domain_id": {domainID}}.Encode()
	ctx, cancel := context.WithTimeout(ctx, proxyCheckTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return false
	}
	req.Header.Set("Accept", "application/json")
	// A connection per check, closed after it: no idle connection of the
	// emulator outlives the check (or the test's proxy).
	client := &http.Client{
		Transport:     &http.Transport{Proxy: http.ProxyFromEnvironment, DisableKeepAlives: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	var health struct {
		Status string `json:"status"`
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxProxyHealthBody))
	if err != nil || resp.StatusCode != http.StatusOK || json.Unmarshal(body, &health) != nil {
		return false
	}
	return health.Status == "healthy"
}

// isLoopbackHost reports whether host is localhost or a loopback address.
func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// serveProxyHealth is the emulated Frontend API's proxy health route: a
// request that a proxy forwarded with this instance's secret key and its
// own URL is healthy; any other is unhealthy (200, as the Frontend API
// spec answers an invalid configuration it can describe), and a request
// without domain_id is 400.
func (e *Emulator) serveProxyHealth(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		writeError(w, notFound("route "+r.Method+" "+r.URL.Path))
		return
	}
	if r.URL.Query().Get("domain_id") == "" {
		ae := missingParam("domain_id")
		ae.status = http.StatusBadRequest // the Frontend API spec's only error status here
		writeError(w, ae)
		return
	}
	key := r.Header.Get("Clerk-Secret-Key")
	proxyURL, err := url.Parse(r.Header.Get("Clerk-Proxy-Url"))
	switch {
	case subtle.ConstantTimeCompare([]byte(key), []byte(e.keys.secret)) != 1:
		writeJSON(w, http.StatusOK, map[string]string{"status": "unhealthy",
			"message": "the request does not carry this instance's secret key in Clerk-Secret-Key"})
	case err != nil || (proxyURL.Scheme != "https" && proxyURL.Scheme != "http") || proxyURL.Host == "":
		writeJSON(w, http.StatusOK, map[string]string{"status": "unhealthy",
			"message": "the request does not carry the proxy's URL in Clerk-Proxy-Url"})
	default:
		writeJSON(w, http.StatusOK, map[string]string{"status": "healthy",
			"x_forwarded_for": r.Header.Get("X-Forwarded-For")})
	}
}
