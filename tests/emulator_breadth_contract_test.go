package tests

import (
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/clerkgo/clerk/auth/proxy"
	"github.com/clerkgo/clerk/clerktest"
)

// TestEmulatorContractBreadth drives the resources beyond users,
// organizations, sessions and billing, validating every answer against the
// spec, and checks that every route it lists was validated.
func TestEmulatorContractBreadth(t *testing.T) {
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
	_ = q

	// Allow and block lists.
	al := c.do("POST", "/allowlist_identifiers", nil, map[string]any{"identifier": "vip@example.com"}, 200)
	c.do("POST", "/allowlist_identifiers", nil, map[string]any{"identifier": "vip@example.com"}, 400)
	c.do("POST", "/allowlist_identifiers", nil, map[string]any{}, 422)
	c.do("GET", "/allowlist_identifiers", nil, nil, 200)
	c.do("DELETE", "/allowlist_identifiers/"+c.id(al, "id"), nil, nil, 200)
	c.do("DELETE", "/allowlist_identifiers/alid_missing", nil, nil, 404)
	bl := c.do("POST", "/blocklist_identifiers", nil, map[string]any{"identifier": "*@spam.example"}, 200)
	c.do("GET", "/blocklist_identifiers", nil, nil, 200)
	c.do("DELETE", "/blocklist_identifiers/"+c.id(bl, "id"), nil, nil, 200)

	for _, want := range []string{
		"POST /allowlist_identifiers", "GET /allowlist_identifiers", "DELETE /allowlist_identifiers/{identifier_id}",
		"POST /blocklist_identifiers", "GET /blocklist_identifiers", "DELETE /blocklist_identifiers/{identifier_id}",
	} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractTokens drives the one-time tokens.
func TestEmulatorContractTokens(t *testing.T) {
	t.Parallel()
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	c := newContract(t, emu)
	u := c.do("POST", "/users", nil, map[string]any{"email_address": []string{"tok@example.com"}}, 200)
	uid := c.id(u, "id")
	org := c.do("POST", "/organizations", nil, map[string]any{"name": "Tokens Inc", "created_by": uid}, 200)

	at := c.do("POST", "/actor_tokens", nil, map[string]any{"user_id": uid, "actor": map[string]any{"sub": "user_admin"}, "expires_in_seconds": 600}, 200)
	c.do("POST", "/actor_tokens", nil, map[string]any{"user_id": "user_missing", "actor": map[string]any{"sub": "x"}}, 422)
	c.do("POST", "/actor_tokens/"+c.id(at, "id")+"/revoke", nil, nil, 200)
	c.do("POST", "/actor_tokens/"+c.id(at, "id")+"/revoke", nil, nil, 400)
	st := c.do("POST", "/sign_in_tokens", nil, map[string]any{"user_id": uid, "expires_in_seconds": 600}, 200)
	c.do("POST", "/sign_in_tokens/"+c.id(st, "id")+"/revoke", nil, nil, 200)
	c.do("POST", "/sign_in_tokens/sit_missing/revoke", nil, nil, 404)
	c.do("POST", "/testing_tokens", nil, nil, 200)
	task := c.do("POST", "/agents/tasks", nil, map[string]any{"agent_name": "bot", "permissions": "*", "redirect_url": "https://example.com/cb",
		"task_description": "book a flight", "on_behalf_of": map[string]any{"user_id": uid}}, 200)
	c.do("POST", "/agents/tasks/"+c.id(task, "agent_task_id")+"/revoke", nil, nil, 200)
	c.do("POST", "/agents/tasks/"+c.id(task, "agent_task_id")+"/revoke", nil, nil, 404)
	lt := c.do("POST", "/admin_portal_link_tokens", nil, map[string]any{"organization_id": c.id(org, "id"), "seconds_until_expiration": 3600}, 201)
	c.do("POST", "/admin_portal_link_tokens/"+c.id(lt, "id")+"/revoke", nil, map[string]any{"revocation_reason": "done"}, 200)

	for _, want := range []string{"POST /actor_tokens", "POST /actor_tokens/{actor_token_id}/revoke", "POST /sign_in_tokens",
		"POST /sign_in_tokens/{sign_in_token_id}/revoke", "POST /testing_tokens", "POST /agents/tasks",
		"POST /agents/tasks/{agent_task_id}/revoke", "POST /admin_portal_link_tokens",
		"POST /admin_portal_link_tokens/{adminPortalLinkTokenID}/revoke"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractIdentifications drives email addresses and phone
// numbers through create, update, the prepare/attempt verification flow
// with Clerk's test identifiers, replace and delete.
func TestEmulatorContractIdentifications(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	u := c.do("POST", "/users", nil, map[string]any{"email_address": []string{"first@example.com"}}, 200)
	uid := c.id(u, "id")

	em := c.do("POST", "/email_addresses", nil, map[string]any{"user_id": uid, "email_address": "second+clerk_test@example.com"}, 200)
	eid := c.id(em, "id")
	c.do("POST", "/email_addresses", nil, map[string]any{"user_id": uid, "email_address": "first@example.com"}, 422)
	c.do("POST", "/email_addresses", nil, map[string]any{"user_id": "user_missing", "email_address": "x@example.com"}, 422)
	c.do("GET", "/email_addresses/"+eid, nil, nil, 200)
	v := c.do("POST", "/email_addresses/"+eid+"/prepare_verification", nil, nil, 200)
	vid := c.id(v, "id")
	if got := c.do("POST", "/email_addresses/"+eid+"/attempt_verification", nil, map[string]any{"verification_id": vid, "code": "000000"}, 200); got["status"] != "unverified" {
		t.Errorf("wrong code: %v", got)
	}
	if got := c.do("POST", "/email_addresses/"+eid+"/attempt_verification", nil, map[string]any{"verification_id": vid, "code": clerktest.TestCode}, 200); got["status"] != "verified" {
		t.Errorf("test code: %v", got)
	}
	c.do("POST", "/email_addresses/"+eid+"/attempt_verification", nil, map[string]any{"verification_id": vid, "code": clerktest.TestCode}, 400)
	c.do("PATCH", "/email_addresses/"+eid, nil, map[string]any{"primary": true}, 200)
	if got := c.do("GET", "/users/"+uid, nil, nil, 200); got["primary_email_address_id"] != eid {
		t.Errorf("primary not moved: %v", got["primary_email_address_id"])
	}
	c.do("DELETE", "/email_addresses/"+eid, nil, nil, 200)
	c.do("GET", "/email_addresses/"+eid, nil, nil, 404)
	c.do("PUT", "/users/"+uid+"/email_address", nil, map[string]any{"email_address": "only@example.com"}, 200)

	ph := c.do("POST", "/phone_numbers", nil, map[string]any{"user_id": uid, "phone_number": "+12015550123"}, 200)
	pid := c.id(ph, "id")
	c.do("POST", "/phone_numbers", nil, map[string]any{"user_id": uid, "phone_number": "555"}, 422)
	c.do("GET", "/phone_numbers/"+pid, nil, nil, 200)
	pv := c.do("POST", "/phone_numbers/"+pid+"/prepare_verification", nil, nil, 200)
	c.do("POST", "/phone_numbers/"+pid+"/attempt_verification", nil, map[string]any{"verification_id": c.id(pv, "id"), "code": clerktest.TestCode}, 200)
	c.do("PATCH", "/phone_numbers/"+pid, nil, map[string]any{"reserved_for_second_factor": true}, 200)
	c.do("DELETE", "/phone_numbers/"+pid, nil, nil, 200)
	c.do("PUT", "/users/"+uid+"/phone_number", nil, map[string]any{"phone_number": "+12015550199", "identification_status": "unverified"}, 200)

	for _, want := range []string{"POST /email_addresses", "GET /email_addresses/{email_address_id}",
		"PATCH /email_addresses/{email_address_id}", "DELETE /email_addresses/{email_address_id}",
		"POST /email_addresses/{email_address_id}/prepare_verification", "POST /email_addresses/{email_address_id}/attempt_verification",
		"PUT /users/{user_id}/email_address", "POST /phone_numbers", "GET /phone_numbers/{phone_number_id}",
		"PATCH /phone_numbers/{phone_number_id}", "DELETE /phone_numbers/{phone_number_id}",
		"POST /phone_numbers/{phone_number_id}/prepare_verification", "POST /phone_numbers/{phone_number_id}/attempt_verification",
		"PUT /users/{user_id}/phone_number"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractInstanceResources drives redirect URLs, domains,
// proxy checks, the Svix app and the waitlist.
func TestEmulatorContractInstanceResources(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)

	ru := c.do("POST", "/redirect_urls", nil, map[string]any{"url": "myapp://callback"}, 200)
	c.do("POST", "/redirect_urls", nil, map[string]any{"url": "myapp://callback"}, 400)
	c.do("GET", "/redirect_urls", nil, nil, 200)
	c.do("GET", "/redirect_urls/"+c.id(ru, "id"), nil, nil, 200)
	c.do("DELETE", "/redirect_urls/"+c.id(ru, "id"), nil, nil, 200)
	c.do("GET", "/redirect_urls/"+c.id(ru, "id"), nil, nil, 404)

	c.do("POST", "/domains", nil, map[string]any{"name": "example.com", "is_satellite": false}, 422)
	d := c.do("POST", "/domains", nil, map[string]any{"name": "satellite.example", "is_satellite": true}, 200)
	c.do("GET", "/domains", nil, nil, 200)
	c.do("PATCH", "/domains/"+c.id(d, "id"), nil, map[string]any{"proxy_url": "https://satellite.example/__clerk"}, 200)
	// A proxy check reaches the proxy: auth/proxy on loopback in front of
	// the emulator's Frontend API passes it.
	px, err := proxy.New(proxy.Config{PublishableKey: emu.PublishableKey(), SecretKey: emu.SecretKey(), FrontendAPIURL: emu.Origin()})
	if err != nil {
		t.Fatal(err)
	}
	pxSrv := httptest.NewServer(px)
	defer pxSrv.Close()
	c.do("POST", "/proxy_checks", nil, map[string]any{"domain_id": c.id(d, "id"), "proxy_url": pxSrv.URL + proxy.DefaultPath}, 200)
	c.do("POST", "/proxy_checks", nil, map[string]any{"domain_id": c.id(d, "id"), "proxy_url": "http://insecure.example"}, 422)
	c.do("DELETE", "/domains/"+c.id(d, "id"), nil, nil, 200)

	c.do("POST", "/webhooks/svix_url", nil, nil, 400)
	c.do("POST", "/webhooks/svix", nil, nil, 200)
	c.do("POST", "/webhooks/svix_url", nil, nil, 200)
	c.do("DELETE", "/webhooks/svix", nil, nil, 204)

	w := c.do("POST", "/waitlist_entries", nil, map[string]any{"email_address": "early@example.com"}, 200)
	c.do("POST", "/waitlist_entries/bulk", nil, []map[string]any{{"email_address": "a@example.com"}, {"email_address": "b@example.com"}}, 200)
	c.do("GET", "/waitlist_entries", url.Values{"status": {"pending"}, "order_by": {"email_address"}}, nil, 200)
	c.do("POST", "/waitlist_entries/"+c.id(w, "id")+"/invite", nil, map[string]any{}, 200)
	l := c.do("GET", "/waitlist_entries", url.Values{"query": {"a@"}}, nil, 200)
	c.do("POST", "/waitlist_entries/"+c.id(c.first(l), "id")+"/reject", nil, nil, 200)
	c.do("DELETE", "/waitlist_entries/"+c.id(w, "id"), nil, nil, 200)

	for _, want := range []string{"POST /redirect_urls", "GET /redirect_urls", "GET /redirect_urls/{id}", "DELETE /redirect_urls/{id}",
		"POST /domains", "GET /domains", "PATCH /domains/{domain_id}", "DELETE /domains/{domain_id}", "POST /proxy_checks",
		"POST /webhooks/svix", "POST /webhooks/svix_url", "DELETE /webhooks/svix", "POST /waitlist_entries",
		"POST /waitlist_entries/bulk", "GET /waitlist_entries", "POST /waitlist_entries/{waitlist_entry_id}/invite",
		"POST /waitlist_entries/{waitlist_entry_id}/reject", "DELETE /waitlist_entries/{waitlist_entry_id}"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractUserExtras drives the user operations beyond CRUD.
func TestEmulatorContractUserExtras(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	u := c.do("POST", "/users", nil, map[string]any{"email_address": []string{"extra@example.com"}, "password": "long-enough-pw"}, 200)
	uid := c.id(u, "id")
	v := c.do("POST", "/users", nil, map[string]any{"username": "victim"}, 200)
	org := c.do("POST", "/organizations", nil, map[string]any{"name": "Inviters"}, 200)
	c.do("POST", "/organizations/"+c.id(org, "id")+"/invitations", nil, map[string]any{"email_address": "extra@example.com", "role": "org:member"}, 200)

	c.do("POST", "/users/ban", nil, map[string]any{"user_ids": []string{uid, c.id(v, "id"), "user_missing"}}, 200)
	c.do("POST", "/users/unban", nil, map[string]any{"user_ids": []string{uid}}, 200)
	c.do("DELETE", "/users/"+uid+"/mfa", nil, nil, 200)
	c.do("DELETE", "/users/"+uid+"/backup_code", nil, nil, 404)
	c.do("DELETE", "/users/"+uid+"/totp", nil, nil, 404)
	c.do("POST", "/users/"+uid+"/verify_totp", nil, map[string]any{"code": "123456"}, 400)
	c.do("DELETE", "/users/"+uid+"/passkeys/idn_x", nil, nil, 404)
	c.do("DELETE", "/users/"+uid+"/web3_wallets/idn_x", nil, nil, 404)
	c.do("DELETE", "/users/"+uid+"/external_accounts/eac_x", nil, nil, 404)
	c.do("GET", "/users/"+uid+"/trusted_devices", nil, nil, 200)
	c.do("DELETE", "/users/"+uid+"/trusted_devices/td_x", nil, nil, 404)
	c.do("GET", "/users/"+uid+"/oauth_access_tokens/oauth_google", nil, nil, 200)
	if got := c.do("GET", "/users/"+uid+"/organization_invitations", nil, nil, 200); got["total_count"] != 1.0 {
		t.Errorf("user's org invitations: %v", got)
	}
	c.do("POST", "/users/"+uid+"/remove_password", nil, map[string]any{"sign_out_of_other_sessions": true}, 200)
	c.do("POST", "/users/"+uid+"/remove_password", nil, nil, 400)
	c.do("DELETE", "/users/"+uid+"/profile_image", nil, nil, 200)

	for _, want := range []string{"POST /users/ban", "POST /users/unban", "DELETE /users/{user_id}/mfa",
		"DELETE /users/{user_id}/backup_code", "DELETE /users/{user_id}/totp", "POST /users/{user_id}/verify_totp",
		"DELETE /users/{user_id}/passkeys/{passkey_identification_id}", "DELETE /users/{user_id}/web3_wallets/{web3_wallet_identification_id}",
		"DELETE /users/{user_id}/external_accounts/{external_account_id}", "GET /users/{user_id}/trusted_devices",
		"DELETE /users/{user_id}/trusted_devices/{trusted_device_id}", "GET /users/{user_id}/oauth_access_tokens/{provider}",
		"GET /users/{user_id}/organization_invitations", "POST /users/{user_id}/remove_password",
		"DELETE /users/{user_id}/profile_image"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractOrgExtras drives bulk invitations, the instance-wide
// organization lists, membership metadata, logos and API key updates.
func TestEmulatorContractOrgExtras(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	u := c.do("POST", "/users", nil, map[string]any{"email_address": []string{"boss@example.com"}}, 200)
	uid := c.id(u, "id")
	org := c.do("POST", "/organizations", nil, map[string]any{"name": "Bulk Co", "created_by": uid, "max_allowed_memberships": 3}, 200)
	oid := c.id(org, "id")

	c.do("POST", "/organizations/"+oid+"/invitations/bulk", nil, []map[string]any{
		{"email_address": "one@example.com", "role": "org:member"}, {"email_address": "two@example.com", "role": "org:member"}}, 200)
	// The creator and two pending invitations fill the three seats.
	c.do("POST", "/organizations/"+oid+"/invitations", nil, map[string]any{"email_address": "three@example.com", "role": "org:member"}, 403)
	c.do("POST", "/organizations/"+oid+"/invitations/bulk", nil, []map[string]any{{"email_address": "x@example.com", "role": "org:member", "shoe": 1}}, 422)
	c.do("GET", "/organizations/"+oid+"/invitations/pending", nil, nil, 200)
	c.do("GET", "/organization_invitations", q2("status", "pending", "order_by", "email_address"), nil, 200)
	c.do("GET", "/organization_memberships", q2("order_by", "-updated_at"), nil, 200)
	c.do("PATCH", "/organizations/"+oid+"/memberships/"+uid+"/metadata", nil, map[string]any{"public_metadata": map[string]any{"title": "CEO"}}, 200)
	c.do("DELETE", "/organizations/"+oid+"/logo", nil, nil, 200)
	c.do("POST", "/invitations/bulk", nil, []map[string]any{{"email_address": "guest1@example.com"}, {"email_address": "guest2@example.com"}}, 200)
	c.do("POST", "/invitations/bulk", nil, []map[string]any{{"email_address": "guest1@example.com"}}, 400)

	key := c.do("POST", "/api_keys", nil, map[string]any{"name": "ci", "subject": uid}, 200)
	kid := c.id(key, "id")
	c.do("PATCH", "/api_keys/"+kid, nil, map[string]any{"description": "rotated", "scopes": []string{"write"}}, 200)
	c.do("GET", "/api_keys/"+kid+"/secret", nil, nil, 200)
	c.do("DELETE", "/api_keys/"+kid, nil, nil, 200)
	c.do("GET", "/api_keys/"+kid, nil, nil, 404)

	for _, want := range []string{"POST /organizations/{organization_id}/invitations/bulk", "GET /organizations/{organization_id}/invitations/pending",
		"GET /organization_invitations", "GET /organization_memberships", "PATCH /organizations/{organization_id}/memberships/{user_id}/metadata",
		"DELETE /organizations/{organization_id}/logo", "POST /invitations/bulk", "PATCH /api_keys/{apiKeyID}",
		"GET /api_keys/{apiKeyID}/secret", "DELETE /api_keys/{apiKeyID}"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

func q2(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

// TestEmulatorContractRoles drives custom permissions and roles, and
// checks that a custom role's permissions reach its memberships.
func TestEmulatorContractRoles(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	p := c.do("POST", "/organization_permissions", nil, map[string]any{"name": "Read invoices", "key": "org:invoices:read"}, 200)
	pid := c.id(p, "id")
	c.do("POST", "/organization_permissions", nil, map[string]any{"name": "Again", "key": "org:invoices:read"}, 422)
	c.do("POST", "/organization_permissions", nil, map[string]any{"name": "Bad", "key": "invoices"}, 422)
	p2 := c.do("POST", "/organization_permissions", nil, map[string]any{"name": "Pay invoices", "key": "org:invoices:pay"}, 200)
	c.do("GET", "/organization_permissions", q2("order_by", "name"), nil, 200)
	c.do("GET", "/organization_permissions/"+pid, nil, nil, 200)
	c.do("PATCH", "/organization_permissions/"+pid, nil, map[string]any{"description": "See every invoice"}, 200)

	r := c.do("POST", "/organization_roles", nil, map[string]any{"name": "Accountant", "key": "org:accountant", "permissions": []string{"org:invoices:read"}}, 200)
	rid := c.id(r, "id")
	c.do("GET", "/organization_roles", q2("query", "account"), nil, 200)
	c.do("GET", "/organization_roles/"+rid, nil, nil, 200)
	c.do("PATCH", "/organization_roles/"+rid, nil, map[string]any{"description": "Books"}, 200)
	c.do("POST", "/organization_roles/"+rid+"/permissions/"+c.id(p2, "id"), nil, nil, 200)
	c.do("POST", "/organization_roles/"+rid+"/permissions/"+c.id(p2, "id"), nil, nil, 409)
	c.do("DELETE", "/organization_roles/"+rid+"/permissions/"+c.id(p2, "id"), nil, nil, 200)

	u := c.do("POST", "/users", nil, map[string]any{"username": "counter"}, 200)
	org := c.do("POST", "/organizations", nil, map[string]any{"name": "Ledger"}, 200)
	m := c.do("POST", "/organizations/"+c.id(org, "id")+"/memberships", nil, map[string]any{"user_id": c.id(u, "id"), "role": "org:accountant"}, 200)
	if perms, _ := m["permissions"].([]any); len(perms) != 1 || perms[0] != "org:invoices:read" {
		t.Errorf("custom role permissions on the membership: %v", m["permissions"])
	}
	c.do("POST", "/organizations/"+c.id(org, "id")+"/memberships", nil, map[string]any{"user_id": c.id(u, "id"), "role": "org:nobody"}, 422)
	c.do("DELETE", "/organization_roles/"+rid, nil, nil, 422)
	c.do("DELETE", "/organizations/"+c.id(org, "id")+"/memberships/"+c.id(u, "id"), nil, nil, 200)
	c.do("DELETE", "/organization_roles/"+rid, nil, nil, 200)
	c.do("DELETE", "/organization_permissions/"+pid, nil, nil, 200)

	for _, want := range []string{"POST /organization_permissions", "GET /organization_permissions", "GET /organization_permissions/{permission_id}",
		"PATCH /organization_permissions/{permission_id}", "DELETE /organization_permissions/{permission_id}", "POST /organization_roles",
		"GET /organization_roles", "GET /organization_roles/{organization_role_id}", "PATCH /organization_roles/{organization_role_id}",
		"DELETE /organization_roles/{organization_role_id}", "POST /organization_roles/{organization_role_id}/permissions/{permission_id}",
		"DELETE /organization_roles/{organization_role_id}/permissions/{permission_id}"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractMachines drives machines, their scopes and secrets.
func TestEmulatorContractMachines(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	m := c.do("POST", "/machines", nil, map[string]any{"name": "billing-worker", "default_token_ttl": 600}, 200)
	mid := c.id(m, "id")
	m2 := c.do("POST", "/machines", nil, map[string]any{"name": "ledger", "scoped_machines": []string{mid}}, 200)
	c.do("POST", "/machines", nil, map[string]any{"name": "bad", "scoped_machines": []string{"mch_missing"}}, 422)
	c.do("GET", "/machines", q2("order_by", "name", "query", "e"), nil, 200)
	c.do("GET", "/machines/"+mid, nil, nil, 200)
	c.do("PATCH", "/machines/"+mid, nil, map[string]any{"name": "billing"}, 200)
	c.do("GET", "/machines/"+mid+"/secret_key", nil, nil, 200)
	c.do("POST", "/machines/"+mid+"/secret_key/rotate", nil, map[string]any{"previous_token_ttl": 0}, 200)
	c.do("POST", "/machines/"+mid+"/scopes", nil, map[string]any{"to_machine_id": c.id(m2, "id")}, 200)
	c.do("POST", "/machines/"+mid+"/scopes", nil, map[string]any{"to_machine_id": c.id(m2, "id")}, 409)
	c.do("DELETE", "/machines/"+mid+"/scopes/"+c.id(m2, "id"), nil, nil, 200)
	c.do("DELETE", "/machines/"+c.id(m2, "id"), nil, nil, 200)
	c.do("GET", "/machines/"+c.id(m2, "id"), nil, nil, 404)
	for _, want := range []string{"POST /machines", "GET /machines", "GET /machines/{machine_id}", "PATCH /machines/{machine_id}",
		"DELETE /machines/{machine_id}", "GET /machines/{machine_id}/secret_key", "POST /machines/{machine_id}/secret_key/rotate",
		"POST /machines/{machine_id}/scopes", "DELETE /machines/{machine_id}/scopes/{other_machine_id}"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractInstance drives the instance settings endpoints and
// checks that the organization membership limit set there applies to new
// organizations.
func TestEmulatorContractInstance(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	c.do("GET", "/instance", nil, nil, 200)
	c.do("PATCH", "/instance", nil, map[string]any{"allowed_origins": []string{"https://app.example"}}, 204)
	c.do("GET", "/instance/communication", nil, nil, 200)
	c.do("PATCH", "/instance/communication", nil, map[string]any{"blocked_country_codes": []string{"XX"}}, 200)
	c.do("GET", "/instance/oauth_application_settings", nil, nil, 200)
	c.do("PATCH", "/instance/oauth_application_settings", nil, map[string]any{"dynamic_oauth_client_registration": true}, 200)
	c.do("GET", "/instance/organization_settings", nil, nil, 200)
	c.do("PATCH", "/instance/organization_settings", nil, map[string]any{"max_allowed_memberships": 2}, 200)
	c.do("GET", "/instance/protect", nil, nil, 200)
	c.do("PATCH", "/instance/protect", nil, map[string]any{"rules_enabled": true}, 200)
	c.do("PATCH", "/instance/restrictions", nil, map[string]any{"allowlist": true}, 200)
	c.do("PATCH", "/beta_features/instance_settings", nil, map[string]any{"progressive_sign_up": true}, 200)
	c.do("POST", "/instance/change_domain", nil, map[string]any{"home_url": "https://example.com"}, 202)
	c.do("PUT", "/beta_features/domain", nil, map[string]any{"home_url": "https://example.org"}, 202)
	c.do("GET", "/public/interstitial", q2("publishable_key", emu.PublishableKey()), nil, 200)

	org := c.do("POST", "/organizations", nil, map[string]any{"name": "Small"}, 200)
	if org["max_allowed_memberships"] != 2.0 {
		t.Errorf("new organization limit %v, want the instance setting 2", org["max_allowed_memberships"])
	}
	for _, want := range []string{"GET /instance", "PATCH /instance", "GET /instance/communication", "PATCH /instance/communication",
		"GET /instance/oauth_application_settings", "PATCH /instance/oauth_application_settings", "GET /instance/organization_settings",
		"PATCH /instance/organization_settings", "GET /instance/protect", "PATCH /instance/protect", "PATCH /instance/restrictions",
		"PATCH /beta_features/instance_settings", "POST /instance/change_domain", "PUT /beta_features/domain", "GET /public/interstitial"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractClientsAndDomains drives clients, session refresh,
// sign-ups and organization domains.
func TestEmulatorContractClientsAndDomains(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	u := c.do("POST", "/users", nil, map[string]any{"email_address": []string{"dom@example.com"}}, 200)
	uid := c.id(u, "id")
	s := c.do("POST", "/sessions", nil, map[string]any{"user_id": uid}, 200)
	sid, cid := c.id(s, "id"), c.id(s, "client_id")
	c.do("GET", "/clients", nil, nil, 200)
	c.do("GET", "/clients/"+cid, nil, nil, 200)
	c.do("GET", "/clients/client_missing", nil, nil, 404)
	tok := c.do("POST", "/sessions/"+sid+"/tokens", nil, nil, 200)
	c.do("POST", "/clients/verify", nil, map[string]any{"token": c.id(tok, "jwt")}, 200)
	c.do("POST", "/clients/verify", nil, map[string]any{"token": "not.a.jwt"}, 400)
	refresh := c.emu.RefreshToken(sid)
	c.do("POST", "/sessions/"+sid+"/refresh", nil, map[string]any{"expired_token": c.id(tok, "jwt"), "refresh_token": refresh,
		"request_origin": "https://app.example"}, 200)
	c.do("POST", "/sessions/"+sid+"/refresh", nil, map[string]any{"expired_token": c.id(tok, "jwt"), "refresh_token": "bogus",
		"request_origin": "https://app.example"}, 401)
	c.do("POST", "/sessions/"+sid+"/refresh", nil, map[string]any{"expired_token": "x.y.z", "refresh_token": refresh,
		"request_origin": "https://app.example"}, 401)
	// GET /sign_ups/{id} answers 404 for an unknown ID, which the spec does
	// not list; it is not validated here.

	org := c.do("POST", "/organizations", nil, map[string]any{"name": "Domains Co"}, 200)
	oid := c.id(org, "id")
	d := c.do("POST", "/organizations/"+oid+"/domains", nil, map[string]any{"name": "domains.example", "enrollment_mode": "automatic_invitation"}, 200)
	did := c.id(d, "id")
	c.do("POST", "/organizations/"+oid+"/domains", nil, map[string]any{"name": "domains.example"}, 422)
	c.do("GET", "/organizations/"+oid+"/domains", q2("verified", "true"), nil, 200)
	c.do("PATCH", "/organizations/"+oid+"/domains/"+did, nil, map[string]any{"enrollment_mode": "automatic_suggestion"}, 200)
	c.do("POST", "/organizations/"+oid+"/domains/"+did+"/verify_ownership", nil, nil, 200)
	c.do("GET", "/organization_domains", q2("order_by", "name", "organization_id", oid), nil, 200)
	c.do("DELETE", "/organizations/"+oid+"/domains/"+did, nil, nil, 200)

	for _, want := range []string{"GET /clients", "GET /clients/{client_id}", "POST /clients/verify", "POST /sessions/{session_id}/refresh",
		"POST /organizations/{organization_id}/domains", "GET /organizations/{organization_id}/domains",
		"PATCH /organizations/{organization_id}/domains/{domain_id}", "POST /organizations/{organization_id}/domains/{domain_id}/verify_ownership",
		"GET /organization_domains", "DELETE /organizations/{organization_id}/domains/{domain_id}"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractTemplates drives the email and SMS templates.
func TestEmulatorContractTemplates(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	c.do("GET", "/templates/email", nil, nil, 200)
	c.do("GET", "/templates/push", nil, nil, 400)
	c.do("GET", "/templates/sms/verification_code", nil, nil, 200)
	c.do("GET", "/templates/email/no_such_template", nil, nil, 404)
	c.do("PUT", "/templates/email/verification_code", nil, map[string]any{"subject": "Code {{otp_code}}", "body": "<b>{{otp_code}}</b>"}, 200)
	c.do("PUT", "/templates/email/verification_code", nil, map[string]any{"body": "no code"}, 422)
	if got := c.do("POST", "/templates/email/verification_code/preview", nil, map[string]any{}, 200); got["subject"] != "Code 123456" {
		t.Errorf("preview %v", got)
	}
	c.do("POST", "/templates/email/verification_code/toggle_delivery", nil, map[string]any{"delivered_by_clerk": false}, 200)
	c.do("POST", "/templates/email/verification_code/revert", nil, nil, 200)
	for _, want := range []string{"GET /templates/{template_type}", "GET /templates/{template_type}/{slug}", "PUT /templates/{template_type}/{slug}",
		"POST /templates/{template_type}/{slug}/preview", "POST /templates/{template_type}/{slug}/toggle_delivery",
		"POST /templates/{template_type}/{slug}/revert"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractOAuthApps drives OAuth applications and the
// verification of their access tokens.
func TestEmulatorContractOAuthApps(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	u := c.do("POST", "/users", nil, map[string]any{"username": "oauthee"}, 200)
	a := c.do("POST", "/oauth_applications", nil, map[string]any{"name": "Partner", "redirect_uris": []string{"https://partner.example/cb"}}, 200)
	aid := c.id(a, "id")
	c.id(a, "client_secret")
	c.do("POST", "/oauth_applications", nil, map[string]any{"name": "Bad", "redirect_uris": []string{"nope"}}, 422)
	c.do("GET", "/oauth_applications", q2("name_query", "part"), nil, 200)
	c.do("GET", "/oauth_applications/"+aid, nil, nil, 200)
	c.do("PATCH", "/oauth_applications/"+aid, nil, map[string]any{"scopes": "profile email offline_access"}, 200)
	c.do("POST", "/oauth_applications/"+aid+"/rotate_secret", nil, nil, 200)
	tok, err := emu.IssueOAuthAccessToken(c.id(a, "client_id"), c.id(u, "id"))
	if err != nil {
		t.Fatal(err)
	}
	if v := c.do("POST", "/oauth_applications/access_tokens/verify", nil, map[string]any{"access_token": tok}, 200); v["revoked"] != false {
		t.Errorf("issued token: %v", v)
	}
	c.do("POST", "/oauth_applications/"+aid+"/revoke_token", nil, map[string]any{"token": tok}, 204)
	c.do("POST", "/oauth_applications/"+aid+"/revoke_token", nil, map[string]any{"token": "oat_never_issued"}, 404)
	if v := c.do("POST", "/oauth_applications/access_tokens/verify", nil, map[string]any{"access_token": tok}, 200); v["active"] != false {
		t.Errorf("revoked token: %v", v)
	}
	c.do("POST", "/oauth_applications/access_tokens/verify", nil, map[string]any{"access_token": "oat_unknown"}, 404)
	c.do("DELETE", "/oauth_applications/"+aid, nil, nil, 200)
	for _, want := range []string{"POST /oauth_applications", "GET /oauth_applications", "GET /oauth_applications/{oauth_application_id}",
		"PATCH /oauth_applications/{oauth_application_id}", "POST /oauth_applications/{oauth_application_id}/rotate_secret",
		"POST /oauth_applications/{oauth_application_id}/revoke_token", "POST /oauth_applications/access_tokens/verify",
		"DELETE /oauth_applications/{oauth_application_id}"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractBillingExtras drives credits, subscriptions, prices,
// discounts and price transitions on the demo billing data.
func TestEmulatorContractBillingExtras(t *testing.T) {
	t.Parallel()
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	c := newContract(t, emu)
	items := c.do("GET", "/billing/subscription_items", q2("include_free", "true"), nil, 200)
	first := c.first(items)
	itemID := c.id(first, "id")
	uid := c.id(first["payer"].(map[string]any), "user_id")
	org := c.do("POST", "/organizations", nil, map[string]any{"name": "Payers"}, 200)
	oid := c.id(org, "id")

	c.do("GET", "/users/"+uid+"/billing/credits", nil, nil, 200)
	c.do("POST", "/users/"+uid+"/billing/credits", nil, map[string]any{"action": "increase", "amount": 500, "idempotency_key": "k1"}, 200)
	c.do("POST", "/users/"+uid+"/billing/credits", nil, map[string]any{"action": "increase", "amount": 500, "idempotency_key": "k1"}, 200)
	if b := c.do("GET", "/users/"+uid+"/billing/credits", nil, nil, 200); b["balance"].(map[string]any)["amount"] != 500.0 {
		t.Errorf("an idempotent retry changed the balance: %v", b)
	}
	c.do("POST", "/organizations/"+oid+"/billing/credits", nil, map[string]any{"action": "decrease", "amount": 1, "idempotency_key": "k2"}, 422)
	c.do("GET", "/organizations/"+oid+"/billing/credits", nil, nil, 200)
	c.do("GET", "/users/"+uid+"/billing/subscription", nil, nil, 200)
	// A new organization is on the default free organization plan.
	c.do("GET", "/organizations/"+oid+"/billing/subscription", nil, nil, 200)

	plans := c.do("GET", "/billing/plans", nil, nil, 200)
	planID := c.id(c.first(plans), "id")
	c.do("POST", "/billing/prices", nil, map[string]any{"plan_id": planID, "amount": 1500, "supported_billing_periods": "month"}, 200)
	prices := c.do("GET", "/billing/prices", q2("plan_id", c.id(first, "plan_id")), nil, 200)
	fromID := c.id(c.first(prices), "id")
	all := c.do("GET", "/billing/prices", nil, nil, 200)
	toID := ""
	for _, p := range all["data"].([]any) {
		if m := p.(map[string]any); m["plan_id"] != c.id(first, "plan_id") {
			toID = c.id(m, "id")
		}
	}
	c.do("POST", "/billing/subscription_items/"+itemID+"/price_transition", nil, map[string]any{"from_price_id": fromID, "to_price_id": toID}, 200)

	disc, err := emu.CreateDiscount("Launch", 20)
	if err != nil {
		t.Fatal(err)
	}
	c.do("POST", "/billing/subscription_items/"+itemID+"/discounts", nil, map[string]any{"discount_id": disc}, 200)
	c.do("POST", "/billing/subscription_items/"+itemID+"/discounts", nil, map[string]any{"discount_id": disc}, 409)
	c.do("DELETE", "/billing/subscription_items/"+itemID+"/discounts/"+disc, nil, nil, 200)

	for _, want := range []string{"GET /users/{user_id}/billing/credits", "POST /users/{user_id}/billing/credits",
		"GET /organizations/{organization_id}/billing/credits", "POST /organizations/{organization_id}/billing/credits",
		"GET /users/{user_id}/billing/subscription", "GET /organizations/{organization_id}/billing/subscription",
		"POST /billing/prices", "GET /billing/prices", "POST /billing/subscription_items/{subscription_item_id}/price_transition",
		"POST /billing/subscription_items/{subscription_item_id}/discounts",
		"DELETE /billing/subscription_items/{subscription_item_id}/discounts/{discount_id}"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractSAML drives SAML connections.
func TestEmulatorContractSAML(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	s := c.do("POST", "/saml_connections", nil, map[string]any{"name": "Okta", "provider": "saml_okta", "domains": []string{"corp.example"}}, 200)
	sid := c.id(s, "id")
	c.do("POST", "/saml_connections", nil, map[string]any{"name": "Bad", "provider": "saml_nope", "domain": "x.example"}, 422)
	c.do("GET", "/saml_connections", q2("query", "corp"), nil, 200)
	c.do("GET", "/saml_connections/"+sid, nil, nil, 200)
	c.do("PATCH", "/saml_connections/"+sid, nil, map[string]any{"active": true}, 422)
	c.do("PATCH", "/saml_connections/"+sid, nil, map[string]any{"active": true, "idp_entity_id": "https://idp.example",
		"idp_sso_url": "https://idp.example/sso"}, 200)
	c.do("DELETE", "/saml_connections/"+sid, nil, nil, 200)
	for _, want := range []string{"POST /saml_connections", "GET /saml_connections", "GET /saml_connections/{saml_connection_id}",
		"PATCH /saml_connections/{saml_connection_id}", "DELETE /saml_connections/{saml_connection_id}"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractRoleSets drives role sets, and checks that retiring
// one moves its members' roles to the destination set.
func TestEmulatorContractRoleSets(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	c.do("POST", "/organization_roles", nil, map[string]any{"name": "Viewer", "key": "org:viewer"}, 200)
	c.do("POST", "/organization_roles", nil, map[string]any{"name": "Editor", "key": "org:editor"}, 200)
	a := c.do("POST", "/role_sets", nil, map[string]any{"name": "Legacy", "key": "legacy", "roles": []string{"org:admin", "org:viewer"},
		"default_role_key": "org:viewer", "creator_role_key": "org:admin"}, 200)
	c.do("POST", "/role_sets", nil, map[string]any{"name": "Next", "key": "next", "roles": []string{"org:admin", "org:member"},
		"default_role_key": "org:member", "creator_role_key": "org:admin"}, 200)
	c.do("POST", "/role_sets", nil, map[string]any{"name": "Bad", "roles": []string{"org:admin"}, "default_role_key": "org:member",
		"creator_role_key": "org:admin"}, 422)
	c.do("GET", "/role_sets", q2("order_by", "name"), nil, 200)
	c.do("GET", "/role_sets/legacy", nil, nil, 200)
	c.do("GET", "/role_sets/"+c.id(a, "id"), nil, nil, 200)
	c.do("PATCH", "/role_sets/legacy", nil, map[string]any{"description": "old roles"}, 200)
	c.do("POST", "/role_sets/legacy/roles", nil, map[string]any{"role_keys": []string{"org:editor"}}, 200)
	c.do("POST", "/role_sets/legacy/roles/replace", nil, map[string]any{"role_key": "org:editor", "to_role_key": "org:member"}, 200)

	u := c.do("POST", "/users", nil, map[string]any{"username": "viewer1"}, 200)
	org := c.do("POST", "/organizations", nil, map[string]any{"name": "Sets"}, 200)
	c.do("POST", "/organizations/"+c.id(org, "id")+"/memberships", nil, map[string]any{"user_id": c.id(u, "id"), "role": "org:viewer"}, 200)
	c.do("POST", "/role_sets/legacy/replace", nil, map[string]any{"dest_role_set_key": "next"}, 200)
	m := c.first(c.do("GET", "/organizations/"+c.id(org, "id")+"/memberships", nil, nil, 200))
	if m["role"] != "org:member" {
		t.Errorf("member kept role %v after the set was retired", m["role"])
	}
	c.do("GET", "/role_sets/legacy", nil, nil, 404)
	for _, want := range []string{"POST /role_sets", "GET /role_sets", "GET /role_sets/{role_set_key_or_id}", "PATCH /role_sets/{role_set_key_or_id}",
		"POST /role_sets/{role_set_key_or_id}/roles", "POST /role_sets/{role_set_key_or_id}/roles/replace", "POST /role_sets/{role_set_key_or_id}/replace"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractEnterprise drives enterprise connections and their
// test runs.
func TestEmulatorContractEnterprise(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	ec := c.do("POST", "/enterprise_connections", nil, map[string]any{"name": "Corp SSO", "provider": "saml_okta", "domains": []string{"corp.example"}}, 201)
	id := c.id(ec, "id")
	c.do("POST", "/enterprise_connections", nil, map[string]any{"name": "No domains", "provider": "saml_okta", "domains": []string{}}, 422)
	c.do("GET", "/enterprise_connections", q2("active", "false"), nil, 200)
	c.do("GET", "/enterprise_connections/"+id, nil, nil, 200)
	c.do("PATCH", "/enterprise_connections/"+id, nil, map[string]any{"active": true, "sync_user_attributes": false}, 200)
	c.do("POST", "/enterprise_connections/"+id+"/test_runs", nil, nil, 200)
	c.do("GET", "/enterprise_connections/"+id+"/test_runs", q2("status", "pending"), nil, 200)
	c.do("DELETE", "/enterprise_connections/"+id, nil, nil, 200)
	for _, want := range []string{"POST /enterprise_connections", "GET /enterprise_connections", "GET /enterprise_connections/{enterprise_connection_id}",
		"PATCH /enterprise_connections/{enterprise_connection_id}", "DELETE /enterprise_connections/{enterprise_connection_id}",
		"POST /enterprise_connections/{enterprise_connection_id}/test_runs", "GET /enterprise_connections/{enterprise_connection_id}/test_runs"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}

// TestEmulatorContractDirectories drives SCIM directories under both of
// their paths.
func TestEmulatorContractDirectories(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	c := newContract(t, emu)
	ec := c.do("POST", "/enterprise_connections", nil, map[string]any{"name": "Corp", "provider": "saml_okta", "domains": []string{"corp.example"}}, 201)
	for _, base := range []string{"/directories", "/scim_directories"} {
		d := c.do("POST", base, nil, map[string]any{"enterprise_connection_id": c.id(ec, "id"), "provider": "okta"}, 200)
		id := c.id(d, "id")
		c.do("POST", base, nil, map[string]any{"enterprise_connection_id": "entc_missing", "provider": "okta"}, 422)
		c.do("GET", base, nil, nil, 200)
		c.do("GET", base+"/"+id, nil, nil, 200)
		c.do("PATCH", base+"/"+id, nil, map[string]any{"enabled": false, "name": "Corp directory"}, 200)
		c.do("DELETE", base+"/"+id, nil, nil, 200)
		c.do("GET", base+"/"+id, nil, nil, 404)
	}
	for _, want := range []string{"POST /directories", "GET /directories", "GET /directories/{directory_id}", "PATCH /directories/{directory_id}",
		"DELETE /directories/{directory_id}", "POST /scim_directories", "GET /scim_directories", "GET /scim_directories/{scim_directory_id}",
		"PATCH /scim_directories/{scim_directory_id}", "DELETE /scim_directories/{scim_directory_id}"} {
		if !c.checked[want] {
			t.Errorf("route %s was not validated", want)
		}
	}
}
