package proxy

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

var proxyPK = "pk_live_" + base64.RawStdEncoding.EncodeToString([]byte("clerk.example.com$"))

// upstreamEcho is a loopback Frontend API that echoes what it received.
func upstreamEcho(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		switch r.URL.Path {
		case "/v1/redirect-home":
			w.Header().Set("Location", "/v1/oauth_callback?a=1#f")
			w.WriteHeader(http.StatusFound)
			return
		case "/v1/redirect-away":
			w.Header().Set("Location", "https://accounts.google.com/o/oauth2")
			w.WriteHeader(http.StatusFound)
			return
		}
		w.Header().Add("Set-Cookie", "__client=1; Path=/")
		w.Header().Add("Set-Cookie", "__client_uat=2; Path=/")
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"method": r.Method, "path": r.URL.Path, "query": r.URL.RawQuery, "host": r.Host, "body": string(body),
			"proxyURL": r.Header.Get("Clerk-Proxy-Url"), "secret": r.Header.Get("Clerk-Secret-Key"),
			"xff": r.Header.Get("X-Forwarded-For"), "xfh": r.Header.Get("X-Forwarded-Host"), "xfp": r.Header.Get("X-Forwarded-Proto"),
			"custom": r.Header.Get("X-Custom"), "accept-encoding": r.Header.Get("Accept-Encoding"), "cookie": r.Header.Get("Cookie"),
		})
	}))
	t.Cleanup(srv.Close)
	return srv
}

func newTestProxy(t *testing.T, upstream string) *Handler {
	t.Helper()
	p, err := New(Config{PublishableKey: proxyPK, SecretKey: "sk_live_proxy", FrontendAPIURL: upstream})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProxyForwards(t *testing.T) {
	t.Parallel()
	up := upstreamEcho(t)
	p := newTestProxy(t, up.URL)
	r := httptest.NewRequest(http.MethodPost, "http://app.internal/__clerk/v1/client/sign_ins?_clerk_js_version=5", strings.NewReader("identifier=a%40b.c"))
	r.Header.Set("X-Forwarded-Host", "www.example.com")
	r.Header.Set("X-Forwarded-Proto", "https")
	r.Header.Set("X-Real-Ip", "203.0.113.9")
	r.Header.Set("Connection", "X-Custom")
	r.Header.Set("X-Custom", "hop")
	r.Header.Set("Cookie", "__client=abc")
	w := httptest.NewRecorder()
	p.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var got map[string]string
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"method": "POST", "path": "/v1/client/sign_ins", "query": "_clerk_js_version=5", "host": strings.TrimPrefix(up.URL, "http://"),
		"body": "identifier=a%40b.c", "proxyURL": "https://www.example.com/__clerk", "secret": "sk_live_proxy",
		"xff": "203.0.113.9", "xfh": "www.example.com", "xfp": "https", "custom": "", "accept-encoding": "identity", "cookie": "__client=abc",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("upstream saw %s = %q, want %q", k, got[k], v)
		}
	}
	if sc := w.Header().Values("Set-Cookie"); len(sc) != 2 {
		t.Errorf("Set-Cookie = %v, want both cookies", sc)
	}
}

func TestProxyRewritesRedirects(t *testing.T) {
	t.Parallel()
	p := newTestProxy(t, upstreamEcho(t).URL)
	for path, want := range map[string]string{
		"/__clerk/v1/redirect-home": "http://app.example.com/__clerk/v1/oauth_callback?a=1#f",
		"/__clerk/v1/redirect-away": "https://accounts.google.com/o/oauth2",
	} {
		w := httptest.NewRecorder()
		p.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "http://app.example.com"+path, nil))
		if w.Code != http.StatusFound || w.Header().Get("Location") != want {
			t.Errorf("%s: %d Location %q, want %q", path, w.Code, w.Header().Get("Location"), want)
		}
	}
}

func TestProxyRefuses(t *testing.T) {
	t.Parallel()
	up := upstreamEcho(t)
	p := newTestProxy(t, up.URL)

	w := httptest.NewRecorder()
	p.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "http://app.example.com/__clerkevil/v1", nil))
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "proxy_path_mismatch") {
		t.Errorf("path mismatch: %d %s", w.Code, w.Body)
	}

	// A forged X-Forwarded-Host does not become the proxy URL Clerk sees.
	r := httptest.NewRequest(http.MethodGet, "http://app.example.com/__clerk/v1/environment", nil)
	r.Header.Set("X-Forwarded-Host", "evil.com/@x")
	r.Header.Set("X-Forwarded-Proto", "https")
	w = httptest.NewRecorder()
	p.ServeHTTP(w, r)
	if !strings.Contains(w.Body.String(), `"proxyURL":"http://app.example.com/__clerk"`) {
		t.Errorf("forged forwarded host: %s", w.Body)
	}

	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	p = newTestProxy(t, down.URL)
	w = httptest.NewRecorder()
	p.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "http://app.example.com/__clerk/v1/environment", nil))
	if w.Code != http.StatusBadGateway || !strings.Contains(w.Body.String(), "proxy_request_failed") || strings.Contains(w.Body.String(), "sk_live") {
		t.Errorf("upstream down: %d %s", w.Code, w.Body)
	}
}

func TestNewProxyValidates(t *testing.T) {
	t.Parallel()
	for _, cfg := range []Config{
		{SecretKey: "sk"},
		{PublishableKey: proxyPK},
		{PublishableKey: "pk_live_x", SecretKey: "sk"},
		{PublishableKey: proxyPK, SecretKey: "sk", FrontendAPIURL: "ftp://x"},
		{PublishableKey: proxyPK, SecretKey: "sk", FrontendAPIURL: "https://u:p@x"},
		{PublishableKey: proxyPK, SecretKey: "sk", FrontendAPIURL: "https://x?q=1"},
		{PublishableKey: proxyPK, SecretKey: "sk", Path: "clerk"},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v) accepted", cfg)
		}
	}
	p, err := New(Config{PublishableKey: proxyPK, SecretKey: "sk"})
	if err != nil || p.upstream.String() != frontendAPIProd || p.path != DefaultPath {
		t.Fatalf("defaults: %v %v", p, err)
	}
}
