package clerktest

import (
	"net/http"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/enterpriseconnections"
)

// Enterprise connections and their test runs. The emulator runs no SSO
// flow: a test run stays pending.

// connAnswer is the generated EnterpriseConnection plus two fields the
// spec requires that the generated model lacks (as for SAML connections).
type connAnswer struct {
	*clerk.EnterpriseConnection
	Authenticatable        bool `json:"authenticatable"`
	DisableJITProvisioning bool `json:"disable_jit_provisioning"`
}

// connJSON is the answer for c: the configuration of the other protocol
// and an unset organization are null, and no custom attributes the empty
// list, as Clerk's client reads them.
func connJSON(c *clerk.EnterpriseConnection) connAnswer {
	cp := *c
	if cp.CustomAttributes == nil {
		cp.CustomAttributes = []*clerk.CustomAttribute{}
	}
	if cp.OAuthConfig.IsOmitted() {
		cp.OAuthConfig = clerk.Null[clerk.EnterpriseConnectionOAuthConfig]()
	}
	if cp.SAMLConnection.IsOmitted() {
		cp.SAMLConnection = clerk.Null[clerk.EnterpriseConnectionSAMLConnection]()
	}
	if cp.OrganizationID.IsOmitted() {
		cp.OrganizationID = clerk.Null[string]()
	}
	return connAnswer{EnterpriseConnection: &cp, Authenticatable: c.Active}
}

type enterpriseConn struct {
	conn *clerk.EnterpriseConnection
	runs []*clerk.EnterpriseConnectionTestRun
}

func (e *Emulator) enterpriseRoutes(t []route) []route {
	t = add(t, "GET", "/enterprise_connections", e.listEnterprise, "active", "limit", "offset", "organization_id")
	t = add(t, "POST", "/enterprise_connections", e.createEnterprise, "active", "allow_organization_account_linking",
		"custom_attributes", "domains", "name", "oidc", "organization_id", "provider", "saml")
	t = add(t, "GET", "/enterprise_connections/{enterprise_connection_id}", e.getEnterprise)
	t = add(t, "PATCH", "/enterprise_connections/{enterprise_connection_id}", e.updateEnterprise, "active",
		"allow_organization_account_linking", "custom_attributes", "disable_additional_identifications", "domains", "name",
		"oidc", "organization_id", "saml", "sync_user_attributes")
	t = add(t, "DELETE", "/enterprise_connections/{enterprise_connection_id}", e.deleteEnterprise)
	t = add(t, "POST", "/enterprise_connections/{enterprise_connection_id}/test_runs", e.createTestRun)
	t = add(t, "GET", "/enterprise_connections/{enterprise_connection_id}/test_runs", e.listTestRuns, "limit", "offset", "status")
	return t
}

func (e *Emulator) createEnterprise(c *call) (int, any, error) {
	var p enterpriseconnections.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("name", p.Name, "provider", p.Provider); err != nil {
		return 0, nil, err
	}
	if len(p.Domains) == 0 {
		return 0, nil, missingParam("domains")
	}
	if org, ok := p.OrganizationID.Get(); ok {
		if _, exists := e.st.orgs[org]; !exists {
			return 0, nil, resourceParamNotFound("organization_id")
		}
	}
	now := e.ms()
	conn := &clerk.EnterpriseConnection{Object: "enterprise_connection", ID: newID("entc"), Name: p.Name, Provider: p.Provider,
		Domains: slices.Clone(p.Domains), Active: p.Active.Or(false), OrganizationID: p.OrganizationID,
		AllowOrganizationAccountLinking: ptr(p.AllowOrganizationAccountLinking.Or(false)), DisableAdditionalIdentifications: ptr(false),
		SyncUserAttributes: ptr(true), LogoPublicURL: clerk.Null[string](), CustomAttributes: []*clerk.CustomAttribute{},
		CreatedAt: now, UpdatedAt: now}
	var saml clerk.Opt[enterpriseconnections.UpdateParamsSAML]
	if v, ok := p.SAML.Get(); ok {
		saml = clerk.Value(enterpriseconnections.UpdateParamsSAML{AllowIdPInitiated: v.AllowIdPInitiated, AllowSubdomains: v.AllowSubdomains,
			AttributeMapping: v.AttributeMapping, ForceAuthn: v.ForceAuthn, IdPCertificate: v.IdPCertificate, IdPEntityID: v.IdPEntityID,
			IdPMetadata: v.IdPMetadata, IdPMetadataURL: v.IdPMetadataURL, IdPSSOURL: v.IdPSSOURL, LoginHint: v.LoginHint})
	}
	if err := e.applyEnterpriseExtras(conn, p.OIDC, saml, p.CustomAttributes); err != nil {
		return 0, nil, err
	}
	e.st.enterprise.put(conn.ID, &enterpriseConn{conn: conn})
	return http.StatusCreated, connJSON(conn), nil
}

func (e *Emulator) listEnterprise(c *call) (int, any, error) {
	var p enterpriseconnections.ListParams
	limit, offset, err := decodeListQuery(c, &p, &p.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	active, activeSet := p.Active.Get()
	want, orgSet := p.OrganizationID.Get()
	var out []connAnswer
	for _, ec := range e.st.enterprise.list(true, nil) {
		org, _ := ec.conn.OrganizationID.Get()
		if (!activeSet || ec.conn.Active == active) && (!orgSet || org == want) {
			out = append(out, connJSON(ec.conn))
		}
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

func (e *Emulator) getEnterprise(c *call) (int, any, error) {
	ec, err := find(&e.st.enterprise, c, "enterprise_connection_id", "enterprise connection")
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, connJSON(ec.conn), nil
}

func (e *Emulator) updateEnterprise(c *call) (int, any, error) {
	ec, err := find(&e.st.enterprise, c, "enterprise_connection_id", "enterprise connection")
	if err != nil {
		return 0, nil, err
	}
	var p enterpriseconnections.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	cp := *ec.conn
	if n, ok := p.Name.Get(); ok {
		cp.Name = n
	}
	if d, ok := p.Domains.Get(); ok {
		cp.Domains = slices.Clone(d)
	}
	b, ok := p.Active.Get()
	setOpt(&cp.Active, b, ok)
	for _, f := range []struct {
		v, ok bool
		dst   **bool
	}{
		{p.AllowOrganizationAccountLinking.Or(false), p.AllowOrganizationAccountLinking.IsSet(), &cp.AllowOrganizationAccountLinking},
		{p.DisableAdditionalIdentifications.Or(false), p.DisableAdditionalIdentifications.IsSet(), &cp.DisableAdditionalIdentifications},
		{p.SyncUserAttributes.Or(false), p.SyncUserAttributes.IsSet(), &cp.SyncUserAttributes},
	} {
		if f.ok {
			*f.dst = ptr(f.v)
		}
	}
	if p.OrganizationID.IsSet() || p.OrganizationID.IsNull() {
		cp.OrganizationID = p.OrganizationID
	}
	if err := e.applyEnterpriseExtras(&cp, p.OIDC, p.SAML, p.CustomAttributes); err != nil {
		return 0, nil, err
	}
	cp.UpdatedAt = e.ms()
	*ec.conn = cp
	return http.StatusOK, connJSON(ec.conn), nil
}

func (e *Emulator) deleteEnterprise(c *call) (int, any, error) {
	ec, err := find(&e.st.enterprise, c, "enterprise_connection_id", "enterprise connection")
	if err != nil {
		return 0, nil, err
	}
	e.st.enterprise.del(ec.conn.ID)
	return http.StatusOK, deleted("enterprise_connection", ec.conn.ID), nil
}

func (e *Emulator) createTestRun(c *call) (int, any, error) {
	ec, err := find(&e.st.enterprise, c, "enterprise_connection_id", "enterprise connection")
	if err != nil {
		return 0, nil, err
	}
	typ := clerk.EnterpriseConnectionTestRunConnectionTypeOAuth
	if strings.HasPrefix(ec.conn.Provider, "saml") {
		typ = clerk.EnterpriseConnectionTestRunConnectionTypeSAML
	}
	// A pending run has no exchange yet: nothing parsed, no SAML or OAuth
	// record.
	run := &clerk.EnterpriseConnectionTestRun{ID: newID("ectr"), ConnectionType: typ, Status: clerk.EnterpriseConnectionTestRunStatusPending,
		CreatedAt: e.ms(), ParsedUserInfo: clerk.Null[clerk.EnterpriseConnectionTestRunParsedUserInfo](),
		SAML: clerk.Null[clerk.EnterpriseConnectionTestRunSAML](), OAuth: clerk.Null[clerk.EnterpriseConnectionTestRunOAuth](),
		Logs: []*clerk.EnterpriseConnectionTestRunLogItem{}}
	ec.runs = append(ec.runs, run)
	return http.StatusOK, &clerk.EnterpriseConnectionTestRunURL{URL: e.base + "/emulator-frontend/sso-test/" + run.ID}, nil
}

func (e *Emulator) listTestRuns(c *call) (int, any, error) {
	ec, err := find(&e.st.enterprise, c, "enterprise_connection_id", "enterprise connection")
	if err != nil {
		return 0, nil, err
	}
	var p enterpriseconnections.ListTestRunsParams
	limit, offset, err := decodeListQuery(c, &p, &p.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	status := p.Status // any of these; empty keeps every run
	var out []*clerk.EnterpriseConnectionTestRun
	for i := len(ec.runs) - 1; i >= 0; i-- {
		if len(status) == 0 || slices.Contains(status, string(ec.runs[i].Status)) {
			out = append(out, ec.runs[i])
		}
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

// applyEnterpriseExtras applies oidc (the OAuth configuration), saml (the
// embedded SAML connection) and custom_attributes, as the SDK's params
// types decoded them, to conn; create and update share it (create's saml
// is update's without the name). The client secret is kept out of every
// answer, as Clerk keeps it.
func (e *Emulator) applyEnterpriseExtras(conn *clerk.EnterpriseConnection, oidc clerk.Opt[enterpriseconnections.CreateParamsOIDC],
	saml clerk.Opt[enterpriseconnections.UpdateParamsSAML], attrs clerk.Opt[[]*enterpriseconnections.CreateParamsCustomAttributeItem]) error {
	now := e.ms()
	if o, ok := oidc.Get(); ok {
		if !strings.HasPrefix(conn.Provider, "oidc") {
			return invalidParam("oidc", "oidc is only for an OIDC provider.")
		}
		cfg, _ := conn.OAuthConfig.Get()
		if cfg.ID == nil {
			cfg = clerk.EnterpriseConnectionOAuthConfig{ID: ptr(newID("oac")), Name: ptr(conn.Name), ProviderKey: ptr(conn.Provider),
				CreatedAt: &now, LogoPublicURL: clerk.Null[string](), RequiresPKCE: ptr(false)}
		}
		setStrings([][2]*clerk.Opt[string]{{&o.AuthURL, &cfg.AuthURL}, {&o.ClientID, &cfg.ClientID}, {&o.DiscoveryURL, &cfg.DiscoveryURL},
			{&o.TokenURL, &cfg.TokenURL}})
		if v, ok := o.RequiresPKCE.Get(); ok {
			cfg.RequiresPKCE = &v
		}
		conn.OAuthConfig = clerk.Value(cfg)
	}
	if s, ok := saml.Get(); ok {
		if !strings.HasPrefix(conn.Provider, "saml") {
			return invalidParam("saml", "saml is only for a SAML provider.")
		}
		sc, _ := conn.SAMLConnection.Get()
		if sc.ID == nil {
			id := newID("samlc")
			sc = clerk.EnterpriseConnectionSAMLConnection{ID: &id, Name: ptr(conn.Name), Active: ptr(conn.Active),
				ACSURL: clerk.Value(e.base + "/emulator-frontend/saml/acs/" + id), SPEntityID: clerk.Value(e.base + "/saml/" + id),
				SPMetadataURL:     clerk.Value(e.base + "/emulator-frontend/saml/metadata/" + id + ".xml"),
				AllowIdPInitiated: ptr(false), AllowSubdomains: ptr(false), ForceAuthn: ptr(false),
				IdPEntityID: clerk.Null[string](), IdPMetadataURL: clerk.Null[string](), IdPSSOURL: clerk.Null[string](),
				LoginHint: &clerk.EnterpriseConnectionSAMLConnectionLoginHint{Mode: "off"}}
		}
		for _, f := range []struct {
			v   *bool
			dst **bool
		}{{optPtr(s.AllowIdPInitiated.Get()), &sc.AllowIdPInitiated}, {optPtr(s.AllowSubdomains.Get()), &sc.AllowSubdomains},
			{optPtr(s.ForceAuthn.Get()), &sc.ForceAuthn}} {
			if f.v != nil {
				*f.dst = f.v
			}
		}
		setStrings([][2]*clerk.Opt[string]{{&s.IdPEntityID, &sc.IdPEntityID}, {&s.IdPMetadataURL, &sc.IdPMetadataURL}, {&s.IdPSSOURL, &sc.IdPSSOURL}})
		if h, ok := s.LoginHint.Get(); ok {
			if h.Mode != "email_address" && h.Mode != "custom_attribute" && h.Mode != "off" {
				return invalidParam("saml", "saml.login_hint.mode must be email_address, custom_attribute or off.")
			}
			sc.LoginHint = &clerk.EnterpriseConnectionSAMLConnectionLoginHint{Mode: clerk.EnterpriseConnectionSAMLConnectionLoginHintMode(h.Mode), Source: optPtr(h.Source.Get())}
		}
		conn.SAMLConnection = clerk.Value(sc)
	}
	if list, ok := attrs.Get(); ok {
		conn.CustomAttributes = make([]*clerk.CustomAttribute, 0, len(list))
		for _, a := range list {
			if a == nil || a.Key == "" || a.Name == "" {
				return missingParam("custom_attributes.key")
			}
			conn.CustomAttributes = append(conn.CustomAttributes, &clerk.CustomAttribute{Key: ptr(a.Key), Name: ptr(a.Name),
				SSOPath: optPtr(a.SSOPath.Get()), SCIMPath: optPtr(a.SCIMPath.Get()), DirectoryPath: optPtr(a.DirectoryPath.Get()),
				MultiValued: optPtr(a.MultiValued.Get())})
		}
	}
	return nil
}

// setStrings copies each pair's first value, when set, into its second.
func setStrings(pairs [][2]*clerk.Opt[string]) {
	for _, p := range pairs {
		if v, ok := p[0].Get(); ok {
			*p[1] = clerk.Value(v)
		}
	}
}
