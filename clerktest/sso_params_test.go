package clerktest_test

import "testing"

// TestSAMLConnectionParameters checks attribute_mapping, idp_metadata,
// idp_metadata_url and login_hint on SAML connection create and update.
func TestSAMLConnectionParameters(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	s := call(t, e, "POST", "/saml_connections", map[string]any{"name": "Okta", "provider": "saml_okta", "domain": "corp.example",
		"attribute_mapping": map[string]any{"email_address": "mail"}, "idp_metadata_url": "https://idp.example/metadata",
		"login_hint": map[string]any{"mode": "email_address"}}, 200)
	am := s["attribute_mapping"].(map[string]any)
	if am["email_address"] != "mail" || am["user_id"] == "" || s["idp_metadata_url"] != "https://idp.example/metadata" ||
		s["login_hint"].(map[string]any)["mode"] != "email_address" {
		t.Errorf("created %v", s)
	}
	u := call(t, e, "PATCH", "/saml_connections/"+s["id"].(string), map[string]any{"idp_metadata": "<EntityDescriptor/>",
		"attribute_mapping": map[string]any{"first_name": "given"}, "consent_verified_domains_deletion": true}, 200)
	if u["idp_metadata"] != "<EntityDescriptor/>" || u["attribute_mapping"].(map[string]any)["first_name"] != "given" ||
		u["attribute_mapping"].(map[string]any)["email_address"] != "mail" {
		t.Errorf("updated %v", u)
	}
	if status, _, raw := send(t, e, "PATCH", "/saml_connections/"+s["id"].(string),
		map[string]any{"login_hint": map[string]any{"mode": "custom_attribute"}}); status != 422 {
		t.Errorf("custom_attribute without source: %d %s", status, raw)
	}
}

// TestEnterpriseConnectionParameters checks saml, oidc and
// custom_attributes on enterprise connections, and that the answer
// carries logo_public_url and custom_attributes.
func TestEnterpriseConnectionParameters(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	s := call(t, e, "POST", "/enterprise_connections", map[string]any{"name": "Corp", "provider": "saml_custom",
		"domains": []string{"corp.example"}, "saml": map[string]any{"idp_entity_id": "urn:idp", "idp_sso_url": "https://idp.example/sso"},
		"custom_attributes": []map[string]any{{"key": "dept", "name": "Department"}}}, 201)
	sc, _ := s["saml_connection"].(map[string]any)
	if sc == nil || sc["idp_entity_id"] != "urn:idp" || sc["acs_url"] == nil || len(s["custom_attributes"].([]any)) != 1 {
		t.Errorf("SAML enterprise connection %v", s)
	}
	if _, ok := s["logo_public_url"]; !ok {
		t.Error("logo_public_url missing")
	}
	o := call(t, e, "POST", "/enterprise_connections", map[string]any{"name": "OIDC", "provider": "oidc_custom",
		"domains": []string{"oidc.example"}, "oidc": map[string]any{"client_id": "cid", "client_secret": "shh",
			"discovery_url": "https://op.example/.well-known/openid-configuration"}}, 201)
	if attrs, ok := o["custom_attributes"].([]any); !ok || len(attrs) != 0 {
		t.Errorf("custom_attributes of a connection without them: %v, want []", o["custom_attributes"])
	}
	oc, _ := o["oauth_config"].(map[string]any)
	if oc == nil || oc["client_id"] != "cid" || oc["client_secret"] != nil {
		t.Errorf("OIDC enterprise connection %v", o)
	}
	u := call(t, e, "PATCH", "/enterprise_connections/"+o["id"].(string), map[string]any{"oidc": map[string]any{"requires_pkce": true}}, 200)
	if u["oauth_config"].(map[string]any)["requires_pkce"] != true || u["oauth_config"].(map[string]any)["client_id"] != "cid" {
		t.Errorf("updated %v", u)
	}
	if status, _, raw := send(t, e, "PATCH", "/enterprise_connections/"+o["id"].(string), map[string]any{"saml": map[string]any{}}); status != 422 {
		t.Errorf("saml on an OIDC connection: %d %s", status, raw)
	}
}

// TestDirectoryGroupRoleMappings checks group_role_mappings on directory
// create: known roles turn mapping on, an unknown role is refused.
func TestDirectoryGroupRoleMappings(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	ec := call(t, e, "POST", "/enterprise_connections", map[string]any{"name": "Corp", "provider": "saml_custom",
		"domains": []string{"dir.example"}}, 201)["id"].(string)
	role := call(t, e, "POST", "/organization_roles", map[string]any{"name": "Eng", "key": "org:eng"}, 200)["id"].(string)
	d := call(t, e, "POST", "/scim_directories", map[string]any{"enterprise_connection_id": ec, "provider": "okta",
		"group_role_mappings": []map[string]any{{"role_id": role, "scim_group_id": "g1"}}}, 200)
	if d["group_role_mapping_enabled"] != true {
		t.Errorf("directory %v", d)
	}
	status, _, raw := send(t, e, "POST", "/directories", map[string]any{"enterprise_connection_id": ec, "provider": "okta",
		"group_role_mappings": []map[string]any{{"role_id": "role_unknown"}}})
	if status != 422 {
		t.Errorf("unknown role: %d %s", status, raw)
	}
}

// TestEnterpriseCreateIgnoresSyncUserAttributes checks that create accepts
// sync_user_attributes, which the spec defines on update only and
// @clerk/backend sends anyway, and ignores it as Clerk documents (the
// connection keeps the default until an update sets it), while another
// undeclared key is still refused.
func TestEnterpriseCreateIgnoresSyncUserAttributes(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	c := call(t, e, "POST", "/enterprise_connections", map[string]any{"name": "Corp", "provider": "saml_custom",
		"domains": []string{"sync.example"}, "sync_user_attributes": false}, 201)
	if c["sync_user_attributes"] != true {
		t.Errorf("sync_user_attributes after create with false: %v, want the default true", c["sync_user_attributes"])
	}
	u := call(t, e, "PATCH", "/enterprise_connections/"+c["id"].(string), map[string]any{"sync_user_attributes": false}, 200)
	if u["sync_user_attributes"] != false {
		t.Errorf("sync_user_attributes after update with false: %v", u["sync_user_attributes"])
	}
	status, _, raw := send(t, e, "POST", "/enterprise_connections", map[string]any{"name": "Corp", "provider": "saml_custom",
		"domains": []string{"other.example"}, "disable_additional_identifications": true})
	if code, _ := errCode(t, raw); status != 422 || code != "form_param_unknown" {
		t.Errorf("an undeclared key on create: %d %s", status, raw)
	}
}
