package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/internal/spec"
)

// bapiSpecPath returns the Backend API spec path from CLERK_BAPI_SPEC, or
// ../shared/spec/bapi/2025-11-10.yml relative to the module root, skipping
// the test when the file is absent.
func bapiSpecPath(t *testing.T) string {
	t.Helper()
	p := specPath()
	spec.NeedFile(t, p, "CLERK_BAPI_SPEC")
	return p
}

// contract sends requests to an emulator and validates every answer
// against the spec.
type contract struct {
	t       *testing.T
	emu     *clerktest.Emulator
	router  routers.Router
	checked map[string]bool // "METHOD /template" of every validated answer
	key     string          // the key of the next request when set (then cleared)
	version string          // the API version the requests ask for
}

func newContract(t *testing.T, emu *clerktest.Emulator) *contract {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(bapiSpecPath(t))
	if err != nil {
		t.Fatalf("load spec: %v", err)
	}
	return contractFor(t, emu, doc, "2025-11-10")
}

// contractFor validates answers against doc, the spec of the API version
// the requests ask for.
func contractFor(t *testing.T, emu *clerktest.Emulator, doc *openapi3.T, version string) *contract {
	t.Helper()
	// The spec's server is https://api.clerk.com/v1; route against the emulator.
	doc.Servers = openapi3.Servers{{URL: emu.URL()}}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatalf("router: %v", err)
	}
	return &contract{t: t, emu: emu, router: router, checked: map[string]bool{}, version: version}
}

// do sends one request, checks the status and validates the answer; it
// returns the decoded JSON body.
func (c *contract) do(method, path string, query url.Values, body any, want int) map[string]any {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			c.t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	u := c.emu.URL() + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	key := c.emu.SecretKey()
	if c.key != "" {
		key, c.key = c.key, ""
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Clerk-API-Version", c.version)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	raw, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		c.t.Fatal(err)
	}
	if resp.StatusCode != want {
		c.t.Fatalf("%s %s: status %d, want %d; body %s", method, path, resp.StatusCode, want, raw)
	}
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		c.t.Fatalf("%s %s: no spec route: %v", method, path, err)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
		},
		Status:  resp.StatusCode,
		Header:  resp.Header,
		Body:    io.NopCloser(bytes.NewReader(raw)),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if err := openapi3filter.ValidateResponse(ctx, in); err != nil {
		c.t.Errorf("%s %s (%d) does not match the spec: %v\nbody: %s", method, path, resp.StatusCode, err, raw)
	}
	c.checked[method+" "+route.Path] = true
	c.checkDeclaredFields(route, resp.StatusCode, raw, method+" "+path)
	var out map[string]any
	if len(raw) > 0 && raw[0] == '{' {
		if err := json.Unmarshal(raw, &out); err != nil {
			c.t.Fatalf("%s %s: decode: %v", method, path, err)
		}
	}
	return out
}

// checkDeclaredFields fails when a success answer leaves out a property
// its schema declares (null counts as sent): validating only checks the
// required ones, and Clerk's own clients read the others too. The fields
// an answer may still leave out are listed, with reasons, in
// allowedAbsences.
func (c *contract) checkDeclaredFields(route *routers.Route, status int, raw []byte, call string) {
	c.t.Helper()
	if status >= 300 || len(raw) == 0 {
		return
	}
	op := route.Operation
	if op == nil || op.Responses == nil {
		return
	}
	r := op.Responses.Status(status)
	if r == nil || r.Value == nil {
		return
	}
	mt := r.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil {
		return
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return
	}
	var missing []string
	declaredButAbsent(mt.Schema.Value, v, "", &missing)
	missing = slices.DeleteFunc(missing, func(f string) bool { return omittedAllowed(route.Path, f) })
	if len(missing) > 0 {
		c.t.Errorf("%s (%s) leaves out declared fields: %s", call, route.Path, strings.Join(missing, ", "))
	}
}

// id reads a string field of a decoded object, failing when absent.
func (c *contract) id(obj map[string]any, key string) string {
	c.t.Helper()
	s, ok := obj[key].(string)
	if !ok || s == "" {
		c.t.Fatalf("no %q in %v", key, obj)
	}
	return s
}

// first returns data[0] of a {data, total_count} answer.
func (c *contract) first(obj map[string]any) map[string]any {
	c.t.Helper()
	data, ok := obj["data"].([]any)
	if !ok || len(data) == 0 {
		c.t.Fatalf("empty data in %v", obj)
	}
	m, ok := data[0].(map[string]any)
	if !ok {
		c.t.Fatalf("data[0] is not an object: %v", data[0])
	}
	return m
}

// TestEmulatorContract drives every implemented route of the emulator with a
// scripted scenario and validates every answer (status, headers and body,
// errors included) against the Backend API spec.
func TestEmulatorContract(t *testing.T) {
	t.Parallel()
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	c := newContract(t, emu)
	q := func(kv ...string) url.Values {
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Add(kv[i], kv[i+1])
		}
		return v
	}

	// Users.
	u := c.do("POST", "/users", nil, map[string]any{"email_address": []string{"new@example.com"}, "phone_number": []string{"+15555550100"},
		"username": "newbie", "password": "long-enough-pw", "first_name": "New", "public_metadata": map[string]any{"a": 1}}, 200)
	uid := c.id(u, "id")
	c.do("POST", "/users", nil, map[string]any{"email_address": []string{"new@example.com"}}, 422)
	c.do("GET", "/users/"+uid, nil, nil, 200)
	c.do("GET", "/users/user_doesnotexist", nil, nil, 404)
	c.do("PATCH", "/users/"+uid, nil, map[string]any{"first_name": nil, "last_name": "Person", "external_id": "ext-1"}, 200)
	c.do("PATCH", "/users/"+uid, nil, map[string]any{"username": "ada"}, 422)
	c.do("GET", "/users", q("order_by", "-created_at", "limit", "2", "offset", "1"), nil, 200)
	c.do("GET", "/users", q("email_address", "new@example.com", "query", "new"), nil, 200)
	c.do("GET", "/users", q("order_by", "-shoe_size"), nil, 422)
	c.do("GET", "/users/count", q("query", "example.com"), nil, 200)
	c.do("POST", "/users/"+uid+"/ban", nil, nil, 200)
	c.do("POST", "/users/"+uid+"/unban", nil, nil, 200)
	c.do("POST", "/users/"+uid+"/lock", nil, nil, 200)
	c.do("POST", "/users/"+uid+"/unlock", nil, nil, 200)
	c.do("PATCH", "/users/"+uid+"/metadata", nil, map[string]any{"public_metadata": map[string]any{"a": nil, "b": map[string]any{"c": 2}}}, 200)
	c.do("PUT", "/users/"+uid+"/metadata", nil, map[string]any{"private_metadata": map[string]any{"secret": true}}, 200)
	c.do("POST", "/users/"+uid+"/verify_password", nil, map[string]any{"password": "long-enough-pw"}, 200)
	c.do("POST", "/users/"+uid+"/verify_password", nil, map[string]any{"password": "wrong"}, 422)
	c.do("POST", "/users/"+uid+"/password/set_compromised", nil, map[string]any{"revoke_all_sessions": true}, 200)
	c.do("POST", "/users/"+uid+"/password/unset_compromised", nil, map[string]any{}, 200)

	// Sessions, tokens, JWT templates, JWKS.
	s := c.do("POST", "/sessions", nil, map[string]any{"user_id": uid}, 200)
	sid := c.id(s, "id")
	c.do("POST", "/sessions", nil, map[string]any{"user_id": "user_missing"}, 404)
	c.do("GET", "/sessions", q("user_id", uid), nil, 200)
	c.do("GET", "/sessions/"+sid, nil, nil, 200)
	c.do("POST", "/sessions/"+sid+"/tokens", nil, map[string]any{"expires_in_seconds": 120}, 200)
	tpl := c.do("POST", "/jwt_templates", nil, map[string]any{"name": "hasura", "claims": map[string]any{"email": "{{user.primary_email_address}}"}}, 200)
	tid := c.id(tpl, "id")
	c.do("POST", "/jwt_templates", nil, map[string]any{"name": "hasura", "claims": map[string]any{}}, 422)
	c.do("GET", "/jwt_templates", nil, nil, 200)
	c.do("GET", "/jwt_templates/"+tid, nil, nil, 200)
	c.do("PATCH", "/jwt_templates/"+tid, nil, map[string]any{"name": "hasura", "claims": map[string]any{"role": "x"}, "lifetime": 300}, 200)
	c.do("POST", "/sessions/"+sid+"/tokens/hasura", nil, nil, 200)
	c.do("POST", "/sessions/"+sid+"/tokens/missing", nil, nil, 404)
	c.do("GET", "/jwks", nil, nil, 200)
	c.do("POST", "/sessions/"+sid+"/revoke", nil, nil, 200)
	c.do("POST", "/sessions/"+sid+"/tokens", nil, nil, 404)
	c.do("DELETE", "/jwt_templates/"+tid, nil, nil, 200)

	// Organizations, memberships, invitations.
	org := c.do("POST", "/organizations", nil, map[string]any{"name": "Globex", "created_by": uid}, 200)
	oid := c.id(org, "id")
	c.do("POST", "/organizations", nil, map[string]any{"name": "Globex"}, 422)
	c.do("GET", "/organizations", q("include_members_count", "true", "order_by", "name"), nil, 200)
	c.do("GET", "/organizations/"+oid, nil, nil, 200)
	c.do("GET", "/organizations/acme", nil, nil, 200)
	c.do("PATCH", "/organizations/"+oid, nil, map[string]any{"name": "Globex Corp", "max_allowed_memberships": 10}, 200)
	c.do("PATCH", "/organizations/"+oid+"/metadata", nil, map[string]any{"public_metadata": map[string]any{"tier": "gold"}}, 200)
	c.do("PUT", "/organizations/"+oid+"/metadata", nil, map[string]any{"private_metadata": map[string]any{"x": 1}}, 200)
	ada := c.do("GET", "/users", q("username", "ada"), nil, 200)
	_ = ada
	users := c.do("GET", "/organizations/acme/memberships", nil, nil, 200)
	member := c.first(users)
	adaID := c.id(member["public_user_data"].(map[string]any), "user_id")
	c.do("POST", "/organizations/"+oid+"/memberships", nil, map[string]any{"user_id": adaID, "role": "org:member"}, 200)
	c.do("POST", "/organizations/"+oid+"/memberships", nil, map[string]any{"user_id": adaID, "role": "org:member"}, 422)
	c.do("GET", "/organizations/"+oid+"/memberships", q("order_by", "-created_at"), nil, 200)
	c.do("PATCH", "/organizations/"+oid+"/memberships/"+adaID, nil, map[string]any{"role": "org:admin"}, 200)
	c.do("GET", "/users/"+adaID+"/organization_memberships", nil, nil, 200)
	c.do("DELETE", "/organizations/"+oid+"/memberships/"+adaID, nil, nil, 200)
	oi := c.do("POST", "/organizations/"+oid+"/invitations", nil, map[string]any{"email_address": "friend@example.com", "role": "org:member", "inviter_user_id": uid}, 200)
	oiid := c.id(oi, "id")
	c.do("GET", "/organizations/"+oid+"/invitations", q("status", "pending"), nil, 200)
	c.do("GET", "/organizations/"+oid+"/invitations/"+oiid, nil, nil, 200)
	c.do("POST", "/organizations/"+oid+"/invitations/"+oiid+"/revoke", nil, nil, 200)
	inv := c.do("POST", "/invitations", nil, map[string]any{"email_address": "guest@example.com", "public_metadata": map[string]any{"k": "v"}}, 200)
	iid := c.id(inv, "id")
	c.do("POST", "/invitations", nil, map[string]any{"email_address": "ada@example.com"}, 422)
	c.do("GET", "/invitations", q("status", "pending"), nil, 200)
	c.do("POST", "/invitations/"+iid+"/revoke", nil, nil, 200)
	c.do("DELETE", "/organizations/"+oid, nil, nil, 200)

	// API keys and M2M tokens.
	key := c.do("POST", "/api_keys", nil, map[string]any{"name": "ci", "subject": uid, "scopes": []string{"read"}}, 200)
	kid, secret := c.id(key, "id"), c.id(key, "secret")
	c.do("GET", "/api_keys", q("subject", uid), nil, 200)
	c.do("GET", "/api_keys/"+kid, nil, nil, 200)
	c.do("POST", "/api_keys/verify", nil, map[string]any{"secret": secret}, 200)
	c.do("POST", "/api_keys/"+kid+"/revoke", nil, map[string]any{"revocation_reason": "rotated"}, 200)
	c.do("POST", "/api_keys/verify", nil, map[string]any{"secret": secret}, 404)
	c.key = emu.MachineSecretKey() // creating an M2M token takes a machine key only
	m2m := c.do("POST", "/m2m_tokens", nil, map[string]any{"seconds_until_expiration": 600}, 201)
	mid, tok := c.id(m2m, "id"), c.id(m2m, "token")
	c.do("GET", "/m2m_tokens", q("subject", emu.MachineID()), nil, 200)
	c.do("POST", "/m2m_tokens/verify", nil, map[string]any{"token": tok}, 200)
	c.do("POST", "/m2m_tokens/"+mid+"/revoke", nil, map[string]any{"revocation_reason": "done"}, 200)
	c.do("POST", "/m2m_tokens/verify", nil, map[string]any{"token": tok}, 404)

	// Billing.
	c.do("GET", "/billing/plans", q("payer_type", "user"), nil, 200)
	items := c.do("GET", "/billing/subscription_items", q("include_free", "true"), nil, 200)
	c.do("GET", "/billing/subscription_items", q("status", "free_trial"), nil, 200)
	var trialID, paidID string
	for _, it := range items["data"].([]any) {
		m := it.(map[string]any)
		if m["is_free_trial"] == true {
			trialID = c.id(m, "id")
		} else if p, ok := m["plan"].(map[string]any); ok && p["slug"] == "pro" && paidID == "" {
			paidID = c.id(m, "id")
		}
	}
	if trialID == "" || paidID == "" {
		t.Fatalf("seeded subscription items missing: %v", items)
	}
	c.do("POST", "/billing/subscription_items/"+trialID+"/extend_free_trial", nil,
		map[string]any{"extend_to": time.Now().Add(60 * 24 * time.Hour).UTC().Format(time.RFC3339)}, 200)
	c.do("POST", "/billing/subscription_items/"+paidID+"/extend_free_trial", nil,
		map[string]any{"extend_to": time.Now().Add(60 * 24 * time.Hour).UTC().Format(time.RFC3339)}, 400)
	c.do("DELETE", "/billing/subscription_items/"+paidID, q("end_now", "true"), nil, 200)
	c.do("DELETE", "/billing/subscription_items/"+trialID, nil, nil, 200)
	st := c.do("GET", "/billing/statements", nil, nil, 200)
	stID := c.id(c.first(st), "id")
	c.do("GET", "/billing/statements/"+stID, nil, nil, 200)
	c.do("GET", "/billing/statements/"+stID+"/payment_attempts", nil, nil, 200)
	c.do("GET", "/billing/statements/stmt_missing", nil, nil, 404)

	c.do("DELETE", "/users/"+uid, nil, nil, 200)

	// Every route the scenario reached, each validated at least once.
	for _, want := range []string{"GET /users", "POST /users", "DELETE /users/{user_id}", "GET /jwks",
		"POST /m2m_tokens", "GET /billing/statements/{statementID}/payment_attempts"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
	if n := len(c.checked); n < 60 {
		t.Errorf("validated %d routes, want every implemented route (>= 60)", n)
	}
	if testing.Verbose() {
		names := make([]string, 0, len(c.checked))
		for k := range c.checked {
			names = append(names, k)
		}
		t.Logf("validated %d routes: %s", len(names), strings.Join(names, ", "))
	}
}
