// Package proxy serves Clerk's Frontend API from the application's own
// domain, as @clerk/backend's clerkFrontendApiProxy does: mount a Handler
// under DefaultPath (or Config.Path) and point the frontend's proxyUrl and
// auth.Config.ProxyURL at the same path. Requests under the path are
// forwarded to the Frontend API with the instance's secret key and the
// public proxy URL; redirects back to the Frontend API are rewritten to go
// through the proxy.
package proxy

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"

	"github.com/clerkgo/clerk/auth/internal/instance"
)

// DefaultPath is where a Handler serves the Frontend API unless told
// otherwise, as in Clerk's SDKs.
const DefaultPath = "/__clerk"

// Frontend API hosts that serve proxied instances.
const (
	frontendAPIProd    = "https://frontend-api.clerk.dev"
	frontendAPIStaging = "https://frontend-api.clerkstage.dev"
	frontendAPILocal   = "https://frontend-api.lclclerk.com"
)

// Config configures a Frontend API proxy.
type Config struct {
	// PublishableKey names the instance (required).
	PublishableKey string
	// SecretKey authenticates the proxy to Clerk (required); it is sent
	// to the Frontend API only, as Clerk-Secret-Key.
	SecretKey string
	// Path is the path prefix the proxy answers under; empty means
	// DefaultPath.
	Path string
	// FrontendAPIURL overrides the upstream, e.g. for tests; empty means
	// the one Clerk serves proxied instances from.
	FrontendAPIURL string
	// Transport sends the upstream requests; nil means
	// http.DefaultTransport.
	Transport http.RoundTripper
}

// Handler is an http.Handler that serves Clerk's Frontend API from the
// app's own domain (see the package documentation). Set
// auth.Config.ProxyURL to the same path so that handshakes go through it
// too.
type Handler struct {
	path      string
	secretKey string
	upstream  *url.URL
	rp        *httputil.ReverseProxy
}

// New validates cfg and returns the proxy.
func New(cfg Config) (*Handler, error) {
	if cfg.PublishableKey == "" || cfg.SecretKey == "" {
		return nil, errors.New("proxy: Config needs PublishableKey and SecretKey")
	}
	inst, err := instance.Parse(cfg.PublishableKey)
	if err != nil {
		return nil, err
	}
	raw := cfg.FrontendAPIURL
	if raw == "" {
		raw = upstreamOf(inst.FrontendAPI)
	}
	up, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || (up.Scheme != "http" && up.Scheme != "https") || up.Host == "" ||
		up.User != nil || up.RawQuery != "" || up.Fragment != "" {
		return nil, errors.New("proxy: FrontendAPIURL must be an http(s) URL without credentials, query or fragment")
	}
	path := strings.TrimRight(cfg.Path, "/")
	if path == "" {
		path = DefaultPath
	}
	if !strings.HasPrefix(path, "/") {
		return nil, errors.New("proxy: Path must start with /")
	}
	p := &Handler{path: path, secretKey: cfg.SecretKey, upstream: up}
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

// upstreamOf picks the Frontend API host of an instance, as Clerk does.
func upstreamOf(fapi string) string {
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
func (p *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != p.path && !strings.HasPrefix(r.URL.Path, p.path+"/") {
		proxyError(w, http.StatusBadRequest, "proxy_path_mismatch", "the request path is not under the proxy path")
		return
	}
	p.rp.ServeHTTP(w, r)
}

// publicProxyURL is the proxy's own public URL. Unlike Clerk, forwarded
// headers only count when they make a valid http(s) origin: the value is
// sent to Clerk and used to rewrite redirects.
func (p *Handler) publicProxyURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	origin := scheme + "://" + r.Host
	proto := strings.TrimSpace(strings.Split(r.Header.Get("X-Forwarded-Proto"), ",")[0])
	host := strings.TrimSpace(strings.Split(r.Header.Get("X-Forwarded-Host"), ",")[0])
	if proto != "" && host != "" {
		if h, ok := instance.CleanHost(host, proto); ok && (proto == "http" || proto == "https") {
			origin = proto + "://" + h
		}
	}
	return origin + p.path
}

func (p *Handler) rewrite(pr *httputil.ProxyRequest) {
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
func (p *Handler) modifyResponse(resp *http.Response) error {
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
func (p *Handler) String() string {
	return "proxy.Handler{path: " + p.path + ", upstream: " + p.upstream.String() + "}"
}

// GoString is String, so %#v never prints the secret key either.
func (p *Handler) GoString() string { return p.String() }
