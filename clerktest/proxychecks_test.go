package clerktest_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/clerkgo/clerk/auth/proxy"
	"github.com/clerkgo/clerk/clerktest"
)

// frontendProxy stands up auth/proxy on loopback in front of the
// emulator's Frontend API, authenticated with secret, and returns its
// public proxy URL.
func frontendProxy(t *testing.T, e *clerktest.Emulator, secret string) string {
	t.Helper()
	p, err := proxy.New(proxy.Config{PublishableKey: e.PublishableKey(), SecretKey: secret, FrontendAPIURL: e.Origin()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return srv.URL + proxy.DefaultPath
}

// TestProxyCheckReachesTheProxy checks that a proxy check succeeds only
// when the URL forwards to the emulator's Frontend API with the
// instance's secret key, and is refused with invalid_proxy_configuration
// for a plain server, a proxy with another key, a wrong path and an
// insecure remote URL.
func TestProxyCheckReachesTheProxy(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	d := call(t, e, "POST", "/domains", map[string]any{"name": "eu.northwind.example", "is_satellite": true}, 200)
	good := frontendProxy(t, e, e.SecretKey())
	pc := call(t, e, "POST", "/proxy_checks", map[string]any{"domain_id": d["id"], "proxy_url": good}, 200)
	if pc["successful"] != true || pc["proxy_url"] != good || pc["domain_id"] != d["id"] || pc["object"] != "proxy_check" {
		t.Errorf("check through a proxy: %v", pc)
	}

	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"hello":"world"}`))
	}))
	t.Cleanup(plain.Close)
	for name, u := range map[string]string{
		"plain server":       plain.URL + "/__clerk",
		"another secret key": frontendProxy(t, e, "sk_test_not_this_instance_key"),
		"wrong path":         good + "/elsewhere",
		"insecure remote":    "http://eu.northwind.example/__clerk",
		"not a URL":          "::not a url",
	} {
		status, _, raw := send(t, e, "POST", "/proxy_checks", map[string]any{"domain_id": d["id"], "proxy_url": u})
		if code, meta := errCode(t, raw); status != 422 || code != "invalid_proxy_configuration" || meta["param_name"] != "proxy_url" {
			t.Errorf("%s: %d %s", name, status, raw)
		}
	}
	status, _, raw := send(t, e, "POST", "/proxy_checks", map[string]any{"domain_id": "dmn_unknown", "proxy_url": good})
	if code, _ := errCode(t, raw); status != 422 || code != "form_resource_not_found" {
		t.Errorf("unknown domain: %d %s", status, raw)
	}
}

// TestProxyHealthRoute checks the emulated Frontend API's proxy health
// answers: healthy only with the instance's secret key and a proxy URL.
func TestProxyHealthRoute(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	get := func(query string, h map[string]string) (int, string) {
		t.Helper()
		req, err := http.NewRequest("GET", e.Origin()+"/v1/proxy-health"+query, nil)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range h {
			req.Header.Set(k, v)
		}
		resp, err := e.HTTPClient().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct {
			Status string `json:"status"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil && resp.StatusCode == 200 {
			t.Fatal(err)
		}
		return resp.StatusCode, body.Status
	}
	full := map[string]string{"Clerk-Secret-Key": e.SecretKey(), "Clerk-Proxy-Url": "https://app.example/__clerk", "X-Forwarded-For": "203.0.113.9"}
	if s, st := get("?domain_id=dmn_1", full); s != 200 || st != "healthy" {
		t.Errorf("forwarded: %d %q", s, st)
	}
	if s, st := get("?domain_id=dmn_1", map[string]string{"Clerk-Proxy-Url": "https://app.example/__clerk"}); s != 200 || st != "unhealthy" {
		t.Errorf("no secret key: %d %q", s, st)
	}
	if s, st := get("?domain_id=dmn_1", map[string]string{"Clerk-Secret-Key": e.SecretKey()}); s != 200 || st != "unhealthy" {
		t.Errorf("no proxy URL: %d %q", s, st)
	}
	if s, _ := get("", full); s != 400 {
		t.Errorf("no domain_id: %d", s)
	}
}
