//lint:file-ignore SA1019 the emulator fills the fields the spec marks deprecated, as Clerk still sends them

package clerktest

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/samlconnections"
)

// SAML connections, stored as the generated model. The emulator runs no
// SAML flow, so user_count stays 0.

func (e *Emulator) samlRoutes(t []route) []route {
	t = add(t, "GET", "/saml_connections", e.listSAML, "limit", "offset", "order_by", "organization_id", "query")
	t = add(t, "POST", "/saml_connections", e.createSAML, "attribute_mapping", "domain", "domains", "force_authn",
		"idp_certificate", "idp_entity_id", "idp_metadata", "idp_metadata_url", "idp_sso_url", "login_hint", "name",
		"organization_id", "provider")
	t = add(t, "GET", "/saml_connections/{saml_connection_id}", e.getSAML)
	t = add(t, "PATCH", "/saml_connections/{saml_connection_id}", e.updateSAML, "active", "allow_idp_initiated",
		"allow_organization_account_linking", "allow_subdomains", "attribute_mapping", "consent_verified_domains_deletion",
		"disable_additional_identifications", "domain", "domains", "force_authn", "idp_certificate", "idp_entity_id",
		"idp_metadata", "idp_metadata_url", "idp_sso_url", "login_hint", "name", "organization_id", "sync_user_attributes")
	t = add(t, "DELETE", "/saml_connections/{saml_connection_id}", e.deleteSAML)
	return t
}

// samlAnswer is the generated SAMLConnection plus two fields the spec
// requires that the generated model lacks (reported to the models work).
type samlAnswer struct {
	*clerk.SAMLConnection
	Authenticatable        bool `json:"authenticatable"`
	DisableJITProvisioning bool `json:"disable_jit_provisioning"`
}

func samlJSON(s *clerk.SAMLConnection) samlAnswer {
	return samlAnswer{SAMLConnection: s, Authenticatable: s.Active && s.IdPEntityID != nil && s.IdPSSOURL != nil}
}

var samlProviders = []string{"saml_custom", "saml_okta", "saml_google", "saml_microsoft"}

func (e *Emulator) createSAML(c *call) (int, any, error) {
	var p samlconnections.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("name", p.Name, "provider", p.Provider); err != nil {
		return 0, nil, err
	}
	if !slices.Contains(samlProviders, p.Provider) {
		return 0, nil, invalidParam("provider", "provider must be one of saml_custom, saml_okta, saml_google, saml_microsoft.")
	}
	domains := p.Domains.Or(nil)
	if d, ok := p.Domain.Get(); ok && len(domains) == 0 {
		domains = []string{d}
	}
	if len(domains) == 0 {
		return 0, nil, missingParam("domains")
	}
	if org, ok := p.OrganizationID.Get(); ok {
		if _, exists := e.st.orgs[org]; !exists {
			return 0, nil, resourceParamNotFound("organization_id")
		}
	}
	now := e.ms()
	id := newID("samlc")
	s := &clerk.SAMLConnection{Object: "saml_connection", ID: id, Name: p.Name, Provider: p.Provider,
		Domain: ptr(domains[0]), Domains: slices.Clone(domains), OrganizationID: p.OrganizationID, ForceAuthn: p.ForceAuthn.Or(false),
		IdPEntityID: optPtr(p.IdPEntityID.Get()), IdPSSOURL: optPtr(p.IdPSSOURL.Get()), IdPCertificate: optPtr(p.IdPCertificate.Get()),
		ACSURL: e.base + "/emulator-frontend/saml/acs/" + id, SPEntityID: e.base + "/saml/" + id,
		SPMetadataURL: e.base + "/emulator-frontend/saml/metadata/" + id + ".xml", SyncUserAttributes: true,
		LoginHint: clerk.SAMLConnectionLoginHint{Mode: clerk.SAMLConnectionLoginHintModeOff},
		AttributeMapping: &clerk.SAMLConnectionAttributeMapping{UserID: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier",
			EmailAddress: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
			FirstName:    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
			LastName:     "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"},
		IdPMetadataURL: clerk.Null[string](), IdPMetadata: clerk.Null[string](), CreatedAt: now, UpdatedAt: now}
	if err := applySAMLExtras(s, p.AttributeMapping, p.IdPMetadata, p.IdPMetadataURL, p.LoginHint); err != nil {
		return 0, nil, err
	}
	e.st.saml.put(s.ID, s)
	return http.StatusOK, samlJSON(s), nil
}

func (e *Emulator) listSAML(c *call) (int, any, error) {
	var lp samlconnections.ListParams
	if err := decodeQuery(c, &lp); err != nil {
		return 0, nil, err
	}
	orgs, q := lp.OrganizationID, lp.Query.Or("")
	all := e.st.saml.list(true, func(s *clerk.SAMLConnection) bool {
		org, _ := s.OrganizationID.Get()
		return (len(orgs) == 0 || slices.Contains(orgs, org)) && (q == "" || containsFold(s.Name, q) || slices.ContainsFunc(s.Domains,
			func(d string) bool { return containsFold(d, q) }))
	})
	if err := orderByName(lp.OrderBy.Or(""), all, func(s *clerk.SAMLConnection) (string, string) { return s.Name, s.ID }); err != nil {
		return 0, nil, err
	}
	limit, offset, err := pageOfParams(lp.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	out := make([]samlAnswer, 0, len(all))
	for _, s := range all {
		out = append(out, samlJSON(s))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

func (e *Emulator) getSAML(c *call) (int, any, error) {
	s, err := find(&e.st.saml, c, "saml_connection_id", "SAML connection")
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, samlJSON(s), nil
}

func (e *Emulator) updateSAML(c *call) (int, any, error) {
	s, err := find(&e.st.saml, c, "saml_connection_id", "SAML connection")
	if err != nil {
		return 0, nil, err
	}
	var p samlconnections.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	cp := *s
	for _, b := range []struct {
		v, ok bool
		dst   *bool
	}{
		{p.Active.Or(false), p.Active.IsSet(), &cp.Active},
		{p.AllowIdPInitiated.Or(false), p.AllowIdPInitiated.IsSet(), &cp.AllowIdPInitiated},
		{p.AllowOrganizationAccountLinking.Or(false), p.AllowOrganizationAccountLinking.IsSet(), &cp.AllowOrganizationAccountLinking},
		{p.AllowSubdomains.Or(false), p.AllowSubdomains.IsSet(), &cp.AllowSubdomains},
		{p.DisableAdditionalIdentifications.Or(false), p.DisableAdditionalIdentifications.IsSet(), &cp.DisableAdditionalIdentifications},
		{p.ForceAuthn.Or(false), p.ForceAuthn.IsSet(), &cp.ForceAuthn},
		{p.SyncUserAttributes.Or(false), p.SyncUserAttributes.IsSet(), &cp.SyncUserAttributes},
	} {
		setOpt(b.dst, b.v, b.ok)
	}
	if cp.Active && !s.Active && (cp.IdPEntityID == nil && !p.IdPEntityID.IsSet() || cp.IdPSSOURL == nil && !p.IdPSSOURL.IsSet()) {
		return 0, nil, fail(http.StatusUnprocessableEntity, "saml_connection_cant_be_activated", "SAML Connection can't be activated",
			"You have to provide the idp_entity_id and idp_sso_url before you are able to activate this connection.")
	}
	if n, ok := p.Name.Get(); ok {
		cp.Name = n
	}
	if ds, ok := p.Domains.Get(); ok {
		cp.Domains = slices.Clone(ds)
		if len(ds) > 0 {
			cp.Domain = ptr(ds[0])
		}
	} else if d, ok := p.Domain.Get(); ok {
		cp.Domain, cp.Domains = &d, []string{d}
	}
	if v, ok := p.IdPEntityID.Get(); ok {
		cp.IdPEntityID = &v
	}
	if v, ok := p.IdPSSOURL.Get(); ok {
		cp.IdPSSOURL = &v
	}
	if v, ok := p.IdPCertificate.Get(); ok {
		cp.IdPCertificate = &v
	}
	if p.OrganizationID.IsSet() || p.OrganizationID.IsNull() {
		cp.OrganizationID = p.OrganizationID
	}
	// consent_verified_domains_deletion (decoded above) consents to
	// dropping verified domains; emulated domains carry no verification.
	if err := applySAMLExtras(&cp, p.AttributeMapping, p.IdPMetadata, p.IdPMetadataURL, p.LoginHint); err != nil {
		return 0, nil, err
	}
	cp.UpdatedAt = e.ms()
	*s = cp
	return http.StatusOK, samlJSON(s), nil
}

func (e *Emulator) deleteSAML(c *call) (int, any, error) {
	s, err := find(&e.st.saml, c, "saml_connection_id", "SAML connection")
	if err != nil {
		return 0, nil, err
	}
	e.st.saml.del(s.ID)
	return http.StatusOK, deleted("saml_connection", s.ID), nil
}

// applySAMLExtras applies attribute_mapping (each key given replaces its
// mapping), idp_metadata, idp_metadata_url and login_hint to s.
func applySAMLExtras(s *clerk.SAMLConnection, mapping clerk.Opt[samlconnections.CreateParamsAttributeMapping], metadata, metadataURL clerk.Opt[string],
	hint clerk.Opt[samlconnections.CreateParamsLoginHint]) error {
	if m, ok := mapping.Get(); ok {
		if s.AttributeMapping == nil {
			s.AttributeMapping = &clerk.SAMLConnectionAttributeMapping{}
		}
		am := *s.AttributeMapping
		for _, f := range []struct {
			v   *string
			dst *string
		}{{optPtr(m.UserID.Get()), &am.UserID}, {optPtr(m.EmailAddress.Get()), &am.EmailAddress}, {optPtr(m.FirstName.Get()), &am.FirstName},
			{optPtr(m.LastName.Get()), &am.LastName}} {
			if f.v != nil {
				*f.dst = *f.v
			}
		}
		s.AttributeMapping = &am
	}
	if v, ok := metadata.Get(); ok {
		s.IdPMetadata = clerk.Value(v)
	}
	if v, ok := metadataURL.Get(); ok {
		if u, err := url.Parse(v); err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
			return invalidParam("idp_metadata_url", "idp_metadata_url must be an absolute http(s) URL.")
		}
		s.IdPMetadataURL = clerk.Value(v)
	}
	if h, ok := hint.Get(); ok {
		switch h.Mode {
		case "email_address", "off":
		case "custom_attribute":
			if h.Source.Or("") == "" {
				return missingParam("login_hint.source")
			}
		default:
			return invalidParam("login_hint", "login_hint.mode must be email_address, custom_attribute or off.")
		}
		s.LoginHint = clerk.SAMLConnectionLoginHint{Mode: clerk.SAMLConnectionLoginHintMode(h.Mode), Source: optPtr(h.Source.Get())}
	}
	return nil
}
