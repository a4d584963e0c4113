package auth

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/clerkgo/clerk"
)

// handshakeWorld is an app behind Middleware, a loopback stand-in for the
// Frontend API's handshake endpoint and one for the Backend API's
// handshake payload, and a browser-like client (cookie jar, redirects).
type handshakeWorld struct {
	app, fapi, bapi *httptest.Server
	client          *http.Client
	hops            []string

	mu      sync.Mutex
	seen    url.Values // the query of the last handshake request
	nonces  map[string][]string
	useJWT  bool // answer with a signed __clerk_handshake instead of a nonce
	appHits int
}

func newHandshakeWorld(t *testing.T, useJWT bool) *handshakeWorld {
	t.Helper()
	w := &handshakeWorld{nonces: map[string][]string{}, useJWT: useJWT}
	fresh := mint(t, testKey(), baseHeader(), with(baseClaims(), "iat", testNow.Unix()-1))
	directives := []string{
		"__session=" + fresh + "; Path=/; HttpOnly; SameSite=Lax",
		fmt.Sprintf("__client_uat=%d; Path=/; SameSite=Strict", testNow.Unix()-1),
		"__clerk_handshake_nonce=; Path=/; Max-Age=0",
		"tracker=1; Path=/", // not Clerk's: dropped
	}
	w.fapi = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/client/handshake" {
			http.NotFound(rw, r)
			return
		}
		q := r.URL.Query()
		w.mu.Lock()
		w.seen = q
		w.mu.Unlock()
		back, err := url.Parse(q.Get("redirect_url"))
		if err != nil {
			http.Error(rw, "bad redirect_url", http.StatusBadRequest)
			return
		}
		bq := back.Query()
		if w.useJWT {
			bq.Set("__clerk_handshake", mint(t, testKey(), baseHeader(), map[string]any{"handshake": directives, "exp": testNow.Unix() + 60}))
		} else {
			w.mu.Lock()
			w.nonces["nonce_1"] = directives
			w.mu.Unlock()
			bq.Set("__clerk_handshake_nonce", "nonce_1")
		}
		back.RawQuery = bq.Encode()
		http.Redirect(rw, r, back.String(), http.StatusTemporaryRedirect)
	}))
	t.Cleanup(w.fapi.Close)
	w.bapi = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w.mu.Lock()
		d, ok := w.nonces[r.URL.Query().Get("nonce")]
		w.mu.Unlock()
		if r.URL.Path != "/v1/clients/handshake_payload" || !ok {
			http.NotFound(rw, r)
			return
		}
		rw.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(rw).Encode(map[string]any{"directives": d})
	}))
	t.Cleanup(w.bapi.Close)
	c, err := clerk.NewClient("sk_live_handshake", clerk.WithBaseURL(w.bapi.URL+"/v1"), clerk.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	v, err := New(Config{
		JWTKey: pemOf(t, &testKey().PublicKey), Client: c, Now: fixedNow,
		PublishableKey: "pk_live_" + base64.RawStdEncoding.EncodeToString([]byte("clerk.example.com$")),
		ProxyURL:       w.fapi.URL, // the Frontend API stand-in
	})
	if err != nil {
		t.Fatal(err)
	}
	w.app = httptest.NewServer(Middleware(v)(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w.mu.Lock()
		w.appHits++
		w.mu.Unlock()
		a := FromContext(r.Context())
		if !a.IsAuthenticated {
			fmt.Fprintf(rw, "signed out (%s)", a.Reason)
			return
		}
		fmt.Fprintf(rw, "hello %s", a.UserID)
	})))
	t.Cleanup(w.app.Close)
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	w.client = &http.Client{Jar: jar, CheckRedirect: func(r *http.Request, via []*http.Request) error {
		w.hops = append(w.hops, r.URL.Host+r.URL.Path)
		if len(via) > 6 {
			return fmt.Errorf("too many redirects")
		}
		return nil
	}}
	return w
}

// browse GETs a page like a browser navigation.
func (w *handshakeWorld) browse(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, w.app.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml")
	req.Header.Set("Sec-Fetch-Dest", "document")
	resp, err := w.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestHandshakeEndToEnd(t *testing.T) {
	t.Parallel()
	for _, form := range []string{"nonce", "signed token"} {
		t.Run(form, func(t *testing.T) {
			t.Parallel()
			w := newHandshakeWorld(t, form == "signed token")
			appURL, _ := url.Parse(w.app.URL)
			expired := mint(t, testKey(), baseHeader(), with(baseClaims(), "exp", testNow.Unix()-60, "iat", testNow.Unix()-3600, "nbf", nil))
			w.client.Jar.SetCookies(appURL, []*http.Cookie{
				{Name: "__session", Value: expired, Path: "/"},
				{Name: "__client_uat", Value: fmt.Sprint(testNow.Unix() - 7200), Path: "/"},
			})

			resp, body := w.browse(t, "/dashboard?tab=1")
			if resp.StatusCode != http.StatusOK || body != "hello user_123" {
				t.Fatalf("final answer %d %q, want 200 hello user_123 (hops %v)", resp.StatusCode, body, w.hops)
			}
			if got := resp.Request.URL.String(); got != w.app.URL+"/dashboard?tab=1" {
				t.Fatalf("final URL %s, want the clean URL", got)
			}
			fapiHost := strings.TrimPrefix(w.fapi.URL, "http://")
			appHost := appURL.Host
			wantHops := []string{fapiHost + "/v1/client/handshake", appHost + "/dashboard", appHost + "/dashboard"}
			if strings.Join(w.hops, " ") != strings.Join(wantHops, " ") {
				t.Fatalf("redirects %v, want %v", w.hops, wantHops)
			}
			w.mu.Lock()
			seen, hits := w.seen, w.appHits
			w.mu.Unlock()
			if hits != 1 {
				t.Fatalf("the handler ran %d times, want once (after the handshake)", hits)
			}
			if seen.Get("redirect_url") != w.app.URL+"/dashboard?tab=1" || seen.Get("format") != "nonce" ||
				seen.Get("__session") != expired || seen.Get("__clerk_hs_reason") != "session-token-expired-refresh-non-eligible-no-refresh-cookie" ||
				seen.Get("suffixed_cookies") != "false" || seen.Get("__clerk_api_version") != "2026-05-12" {
				t.Fatalf("handshake query %v", seen)
			}
			jar := map[string]string{}
			for _, c := range w.client.Jar.Cookies(appURL) {
				jar[c.Name] = c.Value
			}
			if jar["__session"] == expired || jar["__session"] == "" || jar["__client_uat"] != fmt.Sprint(testNow.Unix()-1) {
				t.Fatalf("cookies after the handshake: %v", jar)
			}
			if _, ok := jar["tracker"]; ok {
				t.Fatal("a cookie that is not Clerk's was set from the handshake")
			}

			// The next navigation is signed in without any redirect.
			w.hops = nil
			_, body = w.browse(t, "/other")
			if body != "hello user_123" || len(w.hops) != 0 {
				t.Fatalf("next page: %q with redirects %v", body, w.hops)
			}
		})
	}
}

func TestHandshakeRedirectAnswer(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{PublishableKey: "pk_live_" + base64.RawStdEncoding.EncodeToString([]byte("clerk.example.com$"))})
	h := Middleware(v)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { t.Error("next ran during a handshake") }))
	r := httptest.NewRequest(http.MethodGet, "http://app.example.com/p", nil)
	r.Header.Set("Accept", "text/html")
	r.AddCookie(&http.Cookie{Name: "__client_uat", Value: "1"})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	loc := rec.Header().Get("Location")
	if rec.Code != http.StatusTemporaryRedirect || !strings.HasPrefix(loc, "https://clerk.example.com/v1/client/handshake?redirect_url=http%3A%2F%2Fapp.example.com%2Fp&") ||
		rec.Header().Get("Cache-Control") != "no-store" || rec.Header().Get("X-Clerk-Auth-Status") != "handshake" {
		t.Fatalf("answer %d %v", rec.Code, rec.Header())
	}
}
