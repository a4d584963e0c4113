package auth

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
)

// DefaultProxyPath is where Proxy serves the Frontend API unless told
// otherwise, as in Clerk's SDKs.
const DefaultProxyPath = "/__clerk"

// Frontend API hosts that serve proxied instances.
const (
	frontendAPIProd    = "https://frontend-api.clerk.dev"
	frontendAPIStaging = "https://frontend-api.clerkstage.dev"
	frontendAPILocal   = "https://frontend-api.lclclerk.com"
)

// ProxyConfig configures a Frontend API proxy.
type ProxyConfig struct {
	// PublishableKey names the instance (required).
	PublishableKey string
	// SecretKey authenticates the proxy to Clerk (required); it is sent
	// to the Frontend API only, as Clerk-Secret-Key.
	SecretKey string
	// Path is the path prefix the proxy answers under; empty means
	// DefaultProxyPath.
	Path string
	// FrontendAPIURL overrides the upstream, e.g. for tests; empty means
	// the one Clerk serves proxied instances from.
	FrontendAPIURL string
	// Transport sends the upstream requests; nil means
	// http.DefaultTransport.
	Transport http.RoundTripper
}

// Proxy is an http.Handler that serves Clerk's Frontend API from the app's
// own domain, as @clerk/backend's clerkFrontendApiProxy does: requests
// under Path are forwarded to the Frontend API with the instance's secret
// key and the public proxy URL, and redirects back to the Frontend API are
// rewritten to go through the proxy. Set Config.ProxyURL to the same path
// so that handshakes go through it too.
type Proxy struct {
	path      string
	secretKey string
	upstream  *url.URL
	rp        *httputil.ReverseProxy
}

// NewProxy validates cfg and returns the proxy.
func NewProxy(cfg ProxyConfig) (*Proxy, error) {
	if cfg.PublishableKey == "" || cfg.SecretKey == "" {
		return nil, errors.New("auth: a Proxy needs PublishableKey and SecretKey")
	}
	inst, err := parsePublishableKey(cfg.PublishableKey)
	if err != nil {
		return nil, err
	}
	raw := cfg.FrontendAPIURL
	if raw == "" {
		raw = proxyUpstream(inst.frontendAPI)
	}
	up, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || (up.Scheme != "http" && up.Scheme != "https") || up.Host == "" ||
		up.User != nil || up.RawQuery != "" || up.Fragment != "" {
		return nil, errors.New("auth: FrontendAPIURL must be an http(s) URL without credentials, query or fragment")
	}
	path := strings.TrimRight(cfg.Path, "/")
	if path == "" {
		path = DefaultProxyPath
	}
	if !strings.HasPrefix(path, "/") {
		return nil, errors.New("auth: the proxy Path must start with /")
	}
	p := &Proxy{path: path, secretKey: cfg.SecretKey, upstream: up}
	p.rp = &httputil.ReverseProxy{
		Rewrite:        p.rewrite,
		ModifyResponse: p.modifyResponse,
		ErrorHandler: func(w http.ResponseWriter, _ *http.Request, err error) {
			proxyError(w, http.StatusBadGateway, "proxy_request_failed", "failed to proxy the request to Clerk's Frontend API")
		},
		Transport: cfg.Transport,
	}
	return p, nil
}

// proxyUpstream picks the Frontend API host of an instance, as Clerk does.
func proxyUpstream(fapi string) string {
	switch {
	case strings.HasPrefix(fapi, "clerk.") && hasAnySuffix(fapi, ".lcl.dev", ".lclstage.dev", ".lclclerk.com"):
		return frontendAPIProd
	case hasAnySuffix(fapi, ".lcl.dev", "lclstage.dev", ".lclclerk.com", ".accounts.lclclerk.com"):
		return frontendAPILocal
	case hasAnySuffix(fapi, ".accountsstage.dev"):
		return frontendAPIStaging
	}
	return frontendAPIProd
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// ServeHTTP forwards a request under the proxy path; any other path is a
// 400 proxy_path_mismatch.
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != p.path && !strings.HasPrefix(r.URL.Path, p.path+"/") {
		proxyError(w, http.StatusBadRequest, "proxy_path_mismatch", "the request path is not under the proxy path")
		return
	}
	p.rp.ServeHTTP(w, r)
}

// publicProxyURL is the proxy's own public URL. Unlike Clerk, forwarded
// headers only count when they make a valid http(s) origin: the value is
// sent to Clerk and used to rewrite redirects.
func (p *Proxy) publicProxyURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	origin := scheme + "://" + r.Host
	proto := strings.TrimSpace(strings.Split(r.Header.Get("X-Forwarded-Proto"), ",")[0])
	host := strings.TrimSpace(strings.Split(r.Header.Get("X-Forwarded-Host"), ",")[0])
	if proto != "" && host != "" {
		if h, ok := cleanHost(host, proto); ok && (proto == "http" || proto == "https") {
			origin = proto + "://" + h
		}
	}
	return origin + p.path
}

func (p *Proxy) rewrite(pr *httputil.ProxyRequest) {
	in := pr.In
	target := *p.upstream
	target.Path = p.upstream.Path + strings.TrimPrefix(in.URL.Path, p.path)
	if target.Path == p.upstream.Path {
		target.Path += "/"
	}
	target.RawPath = ""
	target.RawQuery = in.URL.RawQuery
	pr.Out.URL = &target
	pr.Out.Host = p.upstream.Host
	h := pr.Out.Header
	h.Set("Clerk-Proxy-Url", p.publicProxyURL(in))
	h.Set("Clerk-Secret-Key", p.secretKey)
	h.Set("Accept-Encoding", "identity")
	if in.Header.Get("X-Forwarded-Host") != "" {
		h.Set("X-Forwarded-Host", in.Header.Get("X-Forwarded-Host"))
	} else {
		h.Set("X-Forwarded-Host", in.Host)
	}
	if in.Header.Get("X-Forwarded-Proto") != "" {
		h.Set("X-Forwarded-Proto", in.Header.Get("X-Forwarded-Proto"))
	} else if in.TLS != nil {
		h.Set("X-Forwarded-Proto", "https")
	} else {
		h.Set("X-Forwarded-Proto", "http")
	}
	if ip := clientIP(in); ip != "" {
		h.Set("X-Forwarded-For", ip)
	}
	pr.Out = pr.Out.WithContext(withProxyURL(pr.Out.Context(), p.publicProxyURL(in)))
}

// clientIP is the caller's address from the headers Clerk's proxy reads.
func clientIP(r *http.Request) string {
	if v := r.Header.Get("Cf-Connecting-Ip"); v != "" {
		return v
	}
	if v := r.Header.Get("X-Real-Ip"); v != "" {
		return v
	}
	if v := r.Header.Get("X-Forwarded-For"); v != "" {
		return strings.TrimSpace(strings.Split(v, ",")[0])
	}
	return ""
}

// modifyResponse rewrites a redirect to the Frontend API into one through
// the proxy.
func (p *Proxy) modifyResponse(resp *http.Response) error {
	loc := resp.Header.Get("Location")
	if loc == "" {
		return nil
	}
	u, err := p.upstream.Parse(loc)
	if err != nil || u.Host != p.upstream.Host {
		return nil
	}
	rest := u.EscapedPath()
	if u.RawQuery != "" {
		rest += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		rest += "#" + u.EscapedFragment()
	}
	resp.Header.Set("Location", proxyURLFrom(resp.Request.Context())+rest)
	return nil
}

// proxyError answers with Clerk's proxy error body.
func proxyError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]string{{"code": code, "message": msg}}})
}

// String describes the proxy without its secret key.
func (p *Proxy) String() string {
	return "auth.Proxy{path: " + p.path + ", upstream: " + p.upstream.String() + "}"
}

// GoString is String, so %#v never prints the secret key either.
func (p *Proxy) GoString() string { return p.String() }
