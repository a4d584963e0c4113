package clerktest

import (
	"encoding/json"
	"strings"

	"github.com/clerkgo/clerk"
)

// enterpriseExtras are the protocol parameters of an enterprise
// connection, in one shape for create and update.
type enterpriseExtras struct {
	OIDC *oidcJSON `json:"oidc"`
	SAML *struct {
		AllowIdPInitiated *bool   `json:"allow_idp_initiated"`
		AllowSubdomains   *bool   `json:"allow_subdomains"`
		ForceAuthn        *bool   `json:"force_authn"`
		IdPCertificate    *string `json:"idp_certificate"`
		IdPEntityID       *string `json:"idp_entity_id"`
		IdPMetadata       *string `json:"idp_metadata"`
		IdPMetadataURL    *string `json:"idp_metadata_url"`
		IdPSSOURL         *string `json:"idp_sso_url"`
		LoginHint         *struct {
			Mode   string  `json:"mode"`
			Source *string `json:"source"`
		} `json:"login_hint"`
	} `json:"saml"`
	CustomAttributes *[]*clerk.CustomAttribute `json:"custom_attributes"`
}

// oidcJSON is the oidc parameter of an enterprise connection.
type oidcJSON struct {
	AuthURL      *string `json:"auth_url"`
	ClientID     *string `json:"client_id"`
	ClientSecret *string `json:"client_secret"`
	DiscoveryURL *string `json:"discovery_url"`
	TokenURL     *string `json:"token_url"`
	UserInfoURL  *string `json:"user_info_url"`
	RequiresPKCE *bool   `json:"requires_pkce"`
}

// applyEnterpriseExtras applies oidc (the OAuth configuration), saml (the
// embedded SAML connection) and custom_attributes to conn; the body was
// already decoded into the typed params, so it is well formed. The client
// secret is kept out of every answer, as Clerk keeps it.
func (e *Emulator) applyEnterpriseExtras(conn *clerk.EnterpriseConnection, body []byte) error {
	if len(body) == 0 {
		return nil
	}
	var x enterpriseExtras
	if json.Unmarshal(body, &x) != nil {
		return invalidBody()
	}
	now := e.ms()
	if o := x.OIDC; o != nil {
		if !strings.HasPrefix(conn.Provider, "oidc") {
			return invalidParam("oidc", "oidc is only for an OIDC provider.")
		}
		cfg, _ := conn.OAuthConfig.Get()
		if cfg.ID == nil {
			cfg = clerk.EnterpriseConnectionOAuthConfig{ID: ptr(newID("oac")), Name: ptr(conn.Name), ProviderKey: ptr(conn.Provider),
				CreatedAt: &now, LogoPublicURL: clerk.Null[string](), RequiresPKCE: ptr(false)}
		}
		for _, f := range []struct {
			v   *string
			dst *clerk.Opt[string]
		}{{o.AuthURL, &cfg.AuthURL}, {o.ClientID, &cfg.ClientID}, {o.DiscoveryURL, &cfg.DiscoveryURL}, {o.TokenURL, &cfg.TokenURL}} {
			if f.v != nil {
				*f.dst = clerk.Value(*f.v)
			}
		}
		if o.RequiresPKCE != nil {
			cfg.RequiresPKCE = o.RequiresPKCE
		}
		conn.OAuthConfig = clerk.Value(cfg)
	}
	if s := x.SAML; s != nil {
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
		}{{s.AllowIdPInitiated, &sc.AllowIdPInitiated}, {s.AllowSubdomains, &sc.AllowSubdomains}, {s.ForceAuthn, &sc.ForceAuthn}} {
			if f.v != nil {
				*f.dst = f.v
			}
		}
		for _, f := range []struct {
			v   *string
			dst *clerk.Opt[string]
		}{{s.IdPEntityID, &sc.IdPEntityID}, {s.IdPMetadataURL, &sc.IdPMetadataURL}, {s.IdPSSOURL, &sc.IdPSSOURL}} {
			if f.v != nil {
				*f.dst = clerk.Value(*f.v)
			}
		}
		if h := s.LoginHint; h != nil {
			if h.Mode != "email_address" && h.Mode != "custom_attribute" && h.Mode != "off" {
				return invalidParam("saml", "saml.login_hint.mode must be email_address, custom_attribute or off.")
			}
			sc.LoginHint = &clerk.EnterpriseConnectionSAMLConnectionLoginHint{Mode: clerk.EnterpriseConnectionSAMLConnectionLoginHintMode(h.Mode), Source: h.Source}
		}
		conn.SAMLConnection = clerk.Value(sc)
	}
	if x.CustomAttributes != nil {
		for _, a := range *x.CustomAttributes {
			if a == nil || a.Key == nil || *a.Key == "" || a.Name == nil || *a.Name == "" {
				return missingParam("custom_attributes.key")
			}
		}
		conn.CustomAttributes = *x.CustomAttributes
	}
	return nil
}
