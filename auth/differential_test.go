package auth

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
)

// The differential test: internal/jsref/corpus.mjs mints a corpus of
// tokens and requests and records what @clerk/backend decides for each;
// every case is replayed here and compared. The corpus is generated at test
// time, so nothing stale is committed and a new case only needs Node.

// jsCorpus is corpus.mjs's output.
type jsCorpus struct {
	ClerkBackend string                    `json:"clerkBackend"`
	PublicKeyPEM string                    `json:"publicKeyPEM"`
	PKLive       string                    `json:"publishableKeyLive"`
	PKTest       string                    `json:"publishableKeyTest"`
	SKLive       string                    `json:"secretKeyLive"`
	SKTest       string                    `json:"secretKeyTest"`
	Suffixes     map[string]string         `json:"cookieSuffixes"`
	Checks       []map[string]any          `json:"checks"`
	BAPI         map[string]jsBAPIResponse `json:"bapi"`
	Cases        []jsCase                  `json:"cases"`
}

type jsBAPIResponse struct {
	Status int             `json:"status"`
	Body   json.RawMessage `json:"body"`
}

type jsCase struct {
	ID      string         `json:"id"`
	Name    string         `json:"name"`
	Kind    string         `json:"kind"`
	Token   string         `json:"token"`
	Now     int64          `json:"now"`
	Options map[string]any `json:"options"`
	Request *struct {
		Method  string            `json:"method"`
		Path    string            `json:"path"`
		Headers map[string]string `json:"headers"`
	} `json:"request"`
	Verify *struct {
		OK     bool   `json:"ok"`
		Reason string `json:"reason"`
	} `json:"verify"`
	State jsState `json:"state"`
}

type jsState struct {
	Throws    string         `json:"throws"`
	Status    string         `json:"status"`
	Reason    string         `json:"reason"`
	TokenType string         `json:"tokenType"`
	Headers   map[string]any `json:"headers"`
	Auth      map[string]any `json:"auth"`
}

// jsrefDir is where scripts/jsref-setup installs @clerk/backend.
func jsrefDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("internal", "jsref"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// loadCorpus runs corpus.mjs. Without Node or the installed package the
// test skips locally and fails under CI.
func loadCorpus(t *testing.T) *jsCorpus {
	t.Helper()
	dir := jsrefDir(t)
	missing := func(why string) {
		msg := why + "; run scripts/setup-jsref (Node 20+ and npm) to install @clerk/backend for the differential test"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not on PATH")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@clerk", "backend", "package.json")); err != nil {
		missing("@clerk/backend is not installed in " + dir)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "corpus.mjs")
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("corpus.mjs: %v\n%s", err, stderr.String())
	}
	var c jsCorpus
	if err := json.Unmarshal(out, &c); err != nil {
		t.Fatalf("corpus.mjs output: %v", err)
	}
	if c.ClerkBackend != "3.25.0" || len(c.Cases) < 300 {
		t.Fatalf("corpus from @clerk/backend %s with %d cases; want 3.25.0 and at least 300", c.ClerkBackend, len(c.Cases))
	}
	return &c
}

// bapiStandIn serves the corpus's Backend API answers on loopback.
func bapiStandIn(t *testing.T, answers map[string]jsBAPIResponse) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Method + " " + r.URL.RequestURI()
		if body, _ := io.ReadAll(r.Body); len(body) > 0 {
			var v map[string]any
			if err := json.Unmarshal(body, &v); err == nil {
				if strings.HasSuffix(r.URL.Path, "/refresh") {
					key += fmt.Sprintf(" refresh_token=%v", v["refresh_token"])
				} else {
					canon, _ := json.Marshal(v)
					key += " " + string(canon)
				}
			}
		}
		a, ok := answers[key]
		if !ok {
			// @clerk/backend calls the machine-token endpoints without the
			// version segment; the stand-in answers both spellings.
			a, ok = answers[strings.Replace(key, " /v1/", " /", 1)]
		}
		w.Header().Set("Content-Type", "application/json")
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"errors":[{"code":"resource_not_found","message":"no route"}]}`))
			return
		}
		var text string
		if json.Unmarshal(a.Body, &text) == nil {
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(a.Status)
			_, _ = w.Write([]byte(text))
			return
		}
		w.WriteHeader(a.Status)
		_, _ = w.Write(a.Body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// verifierFor builds the Verifier a case's options describe; the error is
// New's refusal of the configuration. An empty secretKey means no Client,
// an empty jwtKey no JWTKey.
func verifierFor(t *testing.T, c *jsCorpus, tc *jsCase, baseURL string) (*Verifier, error) {
	t.Helper()
	o := tc.Options
	now := time.UnixMilli(tc.Now).UTC()
	pk, sk := c.PKLive, c.SKLive
	if s, ok := o["publishableKey"].(string); ok {
		pk = s
	}
	if s, ok := o["secretKey"].(string); ok {
		sk = s
	}
	cfg := Config{
		JWTKey: c.PublicKeyPEM, PublishableKey: pk,
		Now:    func() time.Time { return now },
		Logger: slog.New(slog.DiscardHandler),
	}
	if sk != "" {
		client, err := clerk.NewClient(sk, clerk.WithBaseURL(baseURL+"/v1"), clerk.WithMaxRetries(0))
		if err != nil {
			t.Fatal(err)
		}
		cfg.Client = client
	}
	for k, val := range o {
		switch k {
		case "publishableKey", "secretKey":
		case "jwtKey":
			cfg.JWTKey = val.(string)
		case "satelliteAutoSync":
			cfg.SatelliteAutoSync = val.(bool)
		case "organizationSyncOptions":
			m := val.(map[string]any)
			cfg.OrganizationSync = &OrganizationSync{
				OrganizationPatterns:    jsStrings(m["organizationPatterns"]),
				PersonalAccountPatterns: jsStrings(m["personalAccountPatterns"]),
			}
		case "authorizedParties":
			for _, p := range val.([]any) {
				cfg.AuthorizedParties = append(cfg.AuthorizedParties, p.(string))
			}
		case "audience":
			cfg.Audience = val.(string)
		case "issuer":
			cfg.Issuer = val.(string)
		case "clockSkewInMs":
			d := time.Duration(val.(float64)) * time.Millisecond
			cfg.ClockSkew = &d
		case "acceptsToken":
			switch a := val.(type) {
			case string:
				cfg.AcceptsToken = []TokenType{TokenType(a)}
			case []any:
				cfg.AcceptsToken = []TokenType{}
				for _, x := range a {
					cfg.AcceptsToken = append(cfg.AcceptsToken, TokenType(x.(string)))
				}
				if len(cfg.AcceptsToken) == 1 {
					t.Fatalf("%s: a one-element acceptsToken array has no Go equivalent", tc.Name)
				}
			}
		case "proxyUrl":
			cfg.ProxyURL = val.(string)
		case "isSatellite":
			cfg.Satellite = val.(bool)
		case "domain":
			cfg.Domain = val.(string)
		case "signInUrl":
			cfg.SignInURL = val.(string)
		default:
			t.Fatalf("%s: option %q has no Go equivalent", tc.Name, k)
		}
	}
	return New(cfg)
}

// jsStrings is a JSON array of strings, or nil.
func jsStrings(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}

// goCheck turns one of corpus.mjs's has() arguments into checks.
func goCheck(m map[string]any) []Check {
	var out []Check
	for _, k := range []string{"role", "permission", "feature", "plan", "reverification"} {
		val, ok := m[k]
		if !ok {
			continue
		}
		switch k {
		case "role":
			out = append(out, Role(val.(string)))
		case "permission":
			out = append(out, Permission(val.(string)))
		case "feature":
			out = append(out, Feature(val.(string)))
		case "plan":
			out = append(out, Plan(val.(string)))
		case "reverification":
			if s, ok := val.(string); ok {
				out = append(out, Reverification(s))
			} else {
				r := val.(map[string]any)
				out = append(out, ReverificationWithin(VerificationLevel(r["level"].(string)), r["afterMinutes"].(float64)))
			}
		}
	}
	return out
}

// describeGo renders a Go Auth the way corpus.mjs renders toAuth().
func describeGo(a *Auth, checks [][]Check) map[string]any {
	out := map[string]any{"isAuthenticated": a.IsAuthenticated, "tokenType": nilIfEmpty(string(a.TokenType))}
	set := func(k string, v any) {
		switch x := v.(type) {
		case string:
			if x != "" {
				out[k] = x
			}
		case []string:
			if x != nil {
				out[k] = x
			}
		}
	}
	if a.TokenType == SessionToken || a.TokenType == "" {
		if a.IsAuthenticated {
			set("userId", a.UserID)
			set("sessionId", a.SessionID)
			set("orgId", a.OrgID)
			set("orgRole", a.OrgRole)
			set("orgSlug", a.OrgSlug)
			set("orgPermissions", a.OrgPermissions)
		}
		set("sessionStatus", a.SessionStatus)
	} else if m := a.Machine; a.IsAuthenticated && m != nil {
		set("id", m.ID)
		set("subject", m.Subject)
		set("scopes", m.Scopes)
		switch a.TokenType {
		case APIKey:
			set("userId", m.UserID)
			set("orgId", m.OrgID)
		case M2MToken:
			set("machineId", m.Subject)
			if m.Claims != nil {
				out["claims"] = m.Claims
			}
		case OAuthToken:
			set("userId", m.Subject)
			set("clientId", m.ClientID)
		}
	}
	has := make([]any, len(checks))
	for i, c := range checks {
		has[i] = a.Has(c...)
	}
	out["has"] = has
	return out
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// normalizeJS maps corpus.mjs's toAuth() rendering onto describeGo's.
func normalizeJS(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		switch k {
		case "factorVerificationAge":
			continue
		case "claims":
			if m["tokenType"] == string(M2MToken) {
				out[k] = v // compared for M2M tokens only
			}
			continue
		case "has":
			hs := v.([]any)
			norm := make([]any, len(hs))
			for i, h := range hs {
				norm[i] = h == true
			}
			out[k] = norm
		case "scopes", "orgPermissions":
			switch x := v.(type) {
			case string:
				if k == "scopes" {
					out[k] = []string{x}
				}
			case []any:
				ss := []string{}
				for _, e := range x {
					if s, ok := e.(string); ok {
						ss = append(ss, s)
					}
				}
				out[k] = ss
			}
		default:
			if s, ok := v.(string); ok && s == "" {
				continue
			}
			if _, ok := v.(string); !ok && v != nil && k != "isAuthenticated" && k != "tokenType" {
				continue // a non-string id or role has no Go form
			}
			out[k] = v
		}
	}
	return out
}

// goHeaders renders the compared response headers.
func goHeaders(h http.Header) map[string]any {
	out := map[string]any{}
	for _, k := range []string{"Location", "Cache-Control", "X-Clerk-Auth-Status", "X-Clerk-Auth-Reason", "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials"} {
		if v := h.Get(k); v != "" {
			out[strings.ToLower(k)] = v
		}
	}
	if sc := h.Values("Set-Cookie"); len(sc) > 0 {
		out["set-cookie"] = sc
	}
	return out
}

func jsHeaders(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if list, ok := v.([]any); ok {
			ss := make([]string, len(list))
			for i, x := range list {
				ss[i] = x.(string)
			}
			out[k] = ss
			continue
		}
		out[k] = v
	}
	return out
}

// buildRequest parses the case's request from HTTP/1.1 wire text, so that
// header values are normalized as on a real connection.
func buildRequest(t *testing.T, method, path string, headers map[string]string) *http.Request {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\n", method, path)
	keys := make([]string, 0, len(headers))
	for k := range headers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if _, ok := headers["host"]; !ok {
		b.WriteString("Host: app.example.com\r\n")
	}
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %s\r\n", k, headers[k])
	}
	b.WriteString("\r\n")
	r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(b.String())))
	if err != nil {
		t.Fatalf("request %q: %v", path, err)
	}
	return r.WithContext(t.Context())
}

// outcome is one case's comparison.
type outcome struct {
	tc    *jsCase
	diffs []string
}

func TestDifferentialClerkBackend(t *testing.T) {
	c := loadCorpus(t)
	srv := bapiStandIn(t, c.BAPI)
	var checks [][]Check
	for _, m := range c.Checks {
		checks = append(checks, goCheck(m))
	}
	var results []outcome
	for i := range c.Cases {
		tc := &c.Cases[i]
		results = append(results, outcome{tc: tc, diffs: replay(t, c, tc, srv.URL, checks)})
	}
	agree, explained, unexplained := 0, map[string][]string{}, 0
	for _, r := range results {
		why, isException := exceptionFor(r.tc)
		switch {
		case len(r.diffs) == 0 && isException:
			t.Errorf("%s %q: listed as an exception (%s) but now agrees: remove it from the list", r.tc.ID, r.tc.Name, why)
		case len(r.diffs) == 0:
			agree++
		case isException:
			explained[why] = append(explained[why], r.tc.Name)
		default:
			unexplained++
			t.Errorf("%s %q disagrees with @clerk/backend:\n  %s", r.tc.ID, r.tc.Name, strings.Join(r.diffs, "\n  "))
		}
	}
	n := 0
	for _, v := range explained {
		n += len(v)
	}
	t.Logf("differential: %d cases, %d agree, %d documented exceptions, %d unexplained", len(results), agree, n, unexplained)
	whys := make([]string, 0, len(explained))
	for w := range explained {
		whys = append(whys, w)
	}
	sort.Strings(whys)
	for _, w := range whys {
		t.Logf("  exception %q: %d cases (%s)", w, len(explained[w]), strings.Join(explained[w], "; "))
	}
}

// replay runs one case through package auth and lists its differences.
func replay(t *testing.T, c *jsCorpus, tc *jsCase, baseURL string, checks [][]Check) []string {
	t.Helper()
	v, err := verifierFor(t, c, tc, baseURL)
	if err != nil {
		// New refuses the configuration: agreement when Clerk throws.
		if tc.State.Throws != "" {
			return nil
		}
		return []string{fmt.Sprintf("go refuses the configuration at New (%v), clerk answers %s", err, tc.State.Status)}
	}
	var diffs []string
	diff := func(what string, js, goV any) {
		jb, _ := json.Marshal(js)
		gb, _ := json.Marshal(goV)
		if string(jb) != string(gb) {
			diffs = append(diffs, fmt.Sprintf("%s: clerk %s, go %s", what, jb, gb))
		}
	}
	var r *http.Request
	if tc.Kind == "verify" {
		_, err := v.VerifySessionToken(t.Context(), tc.Token)
		js := tc.Verify
		switch {
		case js.OK && err != nil:
			diffs = append(diffs, fmt.Sprintf("verifyToken: clerk accepts, go refuses (%v)", err))
		case !js.OK && err == nil:
			diffs = append(diffs, fmt.Sprintf("verifyToken: clerk refuses (%s), go accepts", js.Reason))
		case !js.OK && js.Reason != "throws":
			diff("verifyToken reason", js.Reason, string(reasonOf(err)))
		}
		if tc.State.Throws != "" {
			return diffs // the token cannot travel in a header
		}
		r = buildRequest(t, http.MethodGet, "/api", map[string]string{"host": "app.example.com", "authorization": "Bearer " + tc.Token, "accept": "application/json"})
	} else {
		r = buildRequest(t, tc.Request.Method, tc.Request.Path, tc.Request.Headers)
	}
	a, _ := v.AuthenticateRequest(r)
	st := tc.State
	if st.Throws != "" {
		if a.IsAuthenticated || a.Status == SignedIn {
			diffs = append(diffs, fmt.Sprintf("clerk throws (%s), go signs in", st.Throws))
		} else {
			diffs = append(diffs, "clerk throws: "+st.Throws)
		}
		return diffs
	}
	diff("status", st.Status, string(a.Status))
	diff("reason", nilIfEmpty(st.Reason), nilIfEmpty(string(a.Reason)))
	if tc.Kind == "request" {
		diff("headers", jsHeaders(st.Headers), goHeaders(a.Headers))
	}
	if st.Status == "handshake" {
		return diffs
	}
	if thrown, ok := st.Auth["throws"]; ok {
		if a.IsAuthenticated {
			diffs = append(diffs, fmt.Sprintf("toAuth: clerk throws (%v), go signs in", thrown))
		} else {
			diffs = append(diffs, "toAuth throws")
		}
		return diffs
	}
	diff("auth", normalizeJS(st.Auth), describeGo(a, checks))
	return diffs
}

// exceptions are the documented, deliberate differences (see the package
// documentation, "Differences from @clerk/backend"), by case name.
var exceptions = map[string][]string{
	"claims Clerk's SDK cannot read: its toAuth() throws, Go refuses the token": {
		"v2 fpm number", "v2 per array", "fea missing colon with o", "fea empty entry",
		"fea trailing comma", "fea array", "fea number",
	},
	"a header or payload that is JSON null: Clerk fails with a TypeError (unexpected-error), Go refuses with a token reason": {
		"payload null", "header null",
	},
	"a non-string organization claim: Clerk uses the value (an id of 12 passes role checks), Go leaves it out and denies": {
		"v2 o.rol number", "v2 o.id number",
	},
	"a time claim outside the range of a JavaScript Date: Clerk stops checking it, Go refuses the token": {
		"exp 1e400 (infinite)", "exp -1e400", "exp 1e308", "exp 1e16 beyond Date range", "exp -1e16 beyond Date range",
		"exp 8.64e12+1", "nbf 1e16 beyond Date range", "nbf 1e400", "iat 1e16 beyond Date range", "iat 1e400", "exp 2^53+1",
	},
	"an aud that is neither a string nor an array of strings, with Audience set: Clerk skips the check, Go refuses": {
		"aud number", "aud object", "aud mixed array", "aud mixed array with match",
	},
	"a malformed or hostile X-Forwarded-Host/Proto: Clerk redirects to what its URL parser makes of it, Go signs out (handshake-url-invalid)": {
		"handshake forwarded host with space", "handshake forwarded host with path", "handshake forwarded host with userinfo",
		"handshake forwarded host bad port", "handshake forwarded host unicode", "handshake forwarded proto garbage",
		"handshake forwarded proto javascript", "handshake forwarded host backslash",
	},
	"handshake parameters in the URL of a production document request: Go also redirects to the clean URL": {
		"handshake token in query", "handshake token signed out", "handshake token handshake not an array",
		"handshake nonce in query", "handshake nonce unknown", "handshake nonce signed out",
	},
	"an expired handshake token: Clerk never checks its exp, Go refuses it": {"handshake token expired"},
	"a Backend API verify answer that says revoked or expired: Clerk signs the machine in, Go refuses": {
		"opaque ak_revoked, any", "opaque mt_expired, any",
	},
	"a handshake directive for a cookie that is not Clerk's: Go drops it": {"handshake token with foreign cookie"},
	"an M2M JWT whose scopes claim is not a string: Clerk's authenticateRequest throws a TypeError, Go refuses the token": {
		"m2m jwt scopes array", "m2m jwt scopes number", "m2m jwt scopes object", "m2m jwt scopes array, m2m only",
	},
	"an OrganizationSync pattern with path-to-regexp syntax beyond parameters, groups and ?: Go refuses it at New": {
		"org sync repeated parameter pattern",
	},
	"a satellite Domain with a scheme: Clerk builds the Frontend API clerk.https://..., Go refuses it at New": {
		"satellite domain with scheme",
	},
	"a satellite SignInURL that is relative or on the satellite's Domain: Clerk throws only on requests that use it, Go refuses it at New": {
		"satellite relative signInUrl, no Origin header", "satellite same-origin signInUrl, no Origin header",
	},
	"no PublishableKey: Clerk's authenticateRequest throws, Go authenticates tokens and cookies as a production instance, without handshakes": {
		"no publishable key, bearer token",
	},
	"a JWTKey without a secret key: Clerk's authenticateRequest throws, Go verifies without any network": {
		"jwt key without secret key",
	},
}

func exceptionFor(tc *jsCase) (string, bool) {
	for why, names := range exceptions {
		if slices.Contains(names, tc.Name) {
			return why, true
		}
	}
	return "", false
}
