package clerktest

import (
	"html"
	"net/http"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/instance"
)

// settings are the instance settings as the instance endpoints read and
// write them; the knobs among them (InstanceSettings) change answers.
type settings struct {
	knobs         InstanceSettings
	instance      clerk.Instance
	communication clerk.InstanceCommunicationSettings
	oauth         clerk.OAuthApplicationSettings
	orgs          clerk.OrganizationSettings
	protect       clerk.InstanceProtectSettings
	restrictions  clerk.InstanceRestrictions
	auth          clerk.AuthConfig
	homeURL       string
}

func (e *Emulator) newSettings() settings {
	k := e.instance.internal()
	return settings{
		knobs:         k,
		instance:      clerk.Instance{Object: "instance", ID: e.keys.instanceID, EnvironmentType: "development", AllowedOrigins: []string{}},
		communication: clerk.InstanceCommunicationSettings{Object: "instance_communication", BlockedCountryCodes: []string{}},
		oauth:         clerk.OAuthApplicationSettings{Object: "oauth_application_settings", DefaultScopes: []string{"profile", "email"}},
		orgs: clerk.OrganizationSettings{Object: "organization_settings", Enabled: true, AdminDeleteEnabled: true,
			CreatorRole: "org:admin", DomainsDefaultRole: "org:member", MaxAllowedMemberships: k.MaxAllowedMemberships,
			MaxAllowedRoles: 10, MaxAllowedDomains: 10, DomainsEnrollmentModes: []clerk.OrganizationSettingsDomainsEnrollmentModeItem{},
			SlugDisabled: ptr(false), MaxAllowedPermissions: ptr(int64(50)), MaxRoleSetsAllowed: ptr(int64(10)),
			InitialRoleSetKey: clerk.Null[string]()},
		protect:      clerk.InstanceProtectSettings{Object: "instance_protect"},
		restrictions: clerk.InstanceRestrictions{Object: "instance_restrictions"},
		auth: clerk.AuthConfig{Object: ptr("instance_settings"), ID: ptr(e.keys.instanceID), ProgressiveSignUp: ptr(true), RestrictedToAllowlist: ptr(false),
			FromEmailAddress: ptr("notifications"), EnhancedEmailDeliverability: ptr(false)},
	}
}

// InstanceSettings returns the knobs as they are now (the organization
// settings endpoint also changes MaxAllowedMemberships).
func (e *Emulator) InstanceSettings() InstanceSettings {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.st.settings.knobs.internal()
}

// SetInstanceSettings replaces the knobs.
func (e *Emulator) SetInstanceSettings(s InstanceSettings) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.st.settings.knobs = s.internal()
	e.st.settings.orgs.MaxAllowedMemberships = s.MaxAllowedMemberships
}

func (e *Emulator) instanceRoutes(t []route) []route {
	t = add(t, "GET", "/instance", e.getInstance)
	t = add(t, "PATCH", "/instance", e.updateInstance, "allowed_origins", "development_origin", "support_email", "test_mode",
		"hibp", "clerk_js_version", "cookieless_dev", "url_based_session_syncing", "preferred_sign_in_strategy_when_password_required")
	t = add(t, "GET", "/instance/communication", e.getSetting(func(s *settings) any { return &s.communication }))
	t = add(t, "PATCH", "/instance/communication", e.updateCommunication, "blocked_country_codes")
	t = add(t, "GET", "/instance/oauth_application_settings", e.getSetting(func(s *settings) any { return &s.oauth }))
	t = add(t, "PATCH", "/instance/oauth_application_settings", e.updateOAuthSettings, "client_id_metadata_documents_advertised",
		"client_id_metadata_documents_block_implicitly_allowed_clients", "client_id_metadata_documents_only_allow_pre_registered_clients",
		"default_scopes", "dynamic_oauth_client_registration", "oauth_jwt_access_tokens")
	t = add(t, "GET", "/instance/organization_settings", e.getSetting(func(s *settings) any { return &s.orgs }))
	t = add(t, "PATCH", "/instance/organization_settings", e.updateOrgSettings, "admin_delete_enabled", "creator_role_id",
		"domains_default_role_id", "domains_enabled", "domains_enrollment_modes", "enabled", "max_allowed_memberships", "slug_disabled")
	t = add(t, "GET", "/instance/protect", e.getSetting(func(s *settings) any { return &s.protect }))
	t = add(t, "PATCH", "/instance/protect", e.updateProtect, "rules_enabled", "specter_enabled")
	t = add(t, "PATCH", "/instance/restrictions", e.updateRestrictions, "allowlist", "allowlist_blocklist_disabled_on_sign_in",
		"block_disposable_email_domains", "block_email_subaddresses", "blocklist")
	t = add(t, "PATCH", "/beta_features/instance_settings", e.updateAuthConfig, "from_email_address", "progressive_sign_up",
		"restricted_to_allowlist", "test_mode")
	t = add(t, "POST", "/instance/change_domain", e.changeDomain, "home_url", "is_secondary")
	t = add(t, "PUT", "/beta_features/domain", e.changeDomain, "home_url", "is_secondary")
	t = add(t, "GET", "/public/interstitial", e.interstitial, "frontendApi", "frontend_api", "publishable_key", "proxy_url",
		"domain", "sign_in_url", "use_domain_for_script")
	return t
}

func (e *Emulator) getInstance(c *call) (int, any, error) {
	return http.StatusOK, &e.st.settings.instance, nil
}

func (e *Emulator) getSetting(pick func(*settings) any) handler {
	return func(c *call) (int, any, error) { return http.StatusOK, pick(&e.st.settings), nil }
}

// setOpt copies a present Opt value into dst.
func setOpt[T any](dst *T, v T, ok bool) {
	if ok {
		*dst = v
	}
}

func (e *Emulator) updateInstance(c *call) (int, any, error) {
	var p instance.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if origins, ok := p.AllowedOrigins.Get(); ok {
		e.st.settings.instance.AllowedOrigins = slices.Clone(origins)
	}
	return http.StatusNoContent, nil, nil
}

func (e *Emulator) updateCommunication(c *call) (int, any, error) {
	var p instance.UpdateCommunicationSettingsParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if codes, ok := p.BlockedCountryCodes.Get(); ok {
		e.st.settings.communication.BlockedCountryCodes = slices.Clone(codes)
	}
	return http.StatusOK, &e.st.settings.communication, nil
}

func (e *Emulator) updateOAuthSettings(c *call) (int, any, error) {
	var p instance.UpdateOAuthApplicationSettingsParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	s := &e.st.settings.oauth
	v, ok := p.ClientIDMetadataDocumentsAdvertised.Get()
	setOpt(&s.ClientIDMetadataDocumentsAdvertised, v, ok)
	v, ok = p.ClientIDMetadataDocumentsBlockImplicitlyAllowedClients.Get()
	setOpt(&s.ClientIDMetadataDocumentsBlockImplicitlyAllowedClients, v, ok)
	v, ok = p.ClientIDMetadataDocumentsOnlyAllowPreRegisteredClients.Get()
	setOpt(&s.ClientIDMetadataDocumentsOnlyAllowPreRegisteredClients, v, ok)
	v, ok = p.DynamicOAuthClientRegistration.Get()
	setOpt(&s.DynamicOAuthClientRegistration, v, ok)
	v, ok = p.OAuthJWTAccessTokens.Get()
	setOpt(&s.OAuthJWTAccessTokens, v, ok)
	if scopes, ok := p.DefaultScopes.Get(); ok {
		s.DefaultScopes = slices.Clone(scopes)
	}
	return http.StatusOK, s, nil
}

// updateOrgSettings changes the organization settings; the membership
// limit becomes the default of new organizations.
func (e *Emulator) updateOrgSettings(c *call) (int, any, error) {
	var p instance.UpdateOrganizationSettingsParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	s := &e.st.settings.orgs
	for _, r := range []struct {
		id  string
		ok  bool
		dst *string
	}{{p.CreatorRoleID.Or(""), p.CreatorRoleID.IsSet(), &s.CreatorRole}, {p.DomainsDefaultRoleID.Or(""), p.DomainsDefaultRoleID.IsSet(), &s.DomainsDefaultRole}} {
		if !r.ok {
			continue
		}
		key := r.id
		if role, ok := e.st.roles.get(r.id); ok {
			key = role.Key
		} else if _, ok := defaultRolePermissions(r.id); !ok {
			return 0, nil, resourceParamNotFound("creator_role_id")
		}
		*r.dst = key
	}
	b, ok := p.AdminDeleteEnabled.Get()
	setOpt(&s.AdminDeleteEnabled, b, ok)
	b, ok = p.DomainsEnabled.Get()
	setOpt(&s.DomainsEnabled, b, ok)
	b, ok = p.Enabled.Get()
	setOpt(&s.Enabled, b, ok)
	if b, ok := p.SlugDisabled.Get(); ok {
		s.SlugDisabled = &b
	}
	if modes, ok := p.DomainsEnrollmentModes.Get(); ok {
		s.DomainsEnrollmentModes = s.DomainsEnrollmentModes[:0]
		for _, m := range modes {
			s.DomainsEnrollmentModes = append(s.DomainsEnrollmentModes, clerk.OrganizationSettingsDomainsEnrollmentModeItem(m))
		}
	}
	if n, ok := p.MaxAllowedMemberships.Get(); ok {
		if n < 0 {
			return 0, nil, invalidParam("max_allowed_memberships", "max_allowed_memberships must not be negative.")
		}
		s.MaxAllowedMemberships, e.st.settings.knobs.MaxAllowedMemberships = n, n
	}
	return http.StatusOK, s, nil
}

func (e *Emulator) updateProtect(c *call) (int, any, error) {
	var p instance.UpdateProtectSettingsParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	s := &e.st.settings.protect
	b, ok := p.RulesEnabled.Get()
	setOpt(&s.RulesEnabled, b, ok)
	b, ok = p.SpecterEnabled.Get()
	setOpt(&s.SpecterEnabled, b, ok)
	return http.StatusOK, s, nil
}

func (e *Emulator) updateRestrictions(c *call) (int, any, error) {
	var p instance.UpdateRestrictionsParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	s := &e.st.settings.restrictions
	for _, f := range []struct {
		v   bool
		ok  bool
		dst *bool
	}{
		{p.Allowlist.Or(false), p.Allowlist.IsSet(), &s.Allowlist},
		{p.AllowlistBlocklistDisabledOnSignIn.Or(false), p.AllowlistBlocklistDisabledOnSignIn.IsSet(), &s.AllowlistBlocklistDisabledOnSignIn},
		{p.BlockDisposableEmailDomains.Or(false), p.BlockDisposableEmailDomains.IsSet(), &s.BlockDisposableEmailDomains},
		{p.BlockEmailSubaddresses.Or(false), p.BlockEmailSubaddresses.IsSet(), &s.BlockEmailSubaddresses},
		{p.Blocklist.Or(false), p.Blocklist.IsSet(), &s.Blocklist},
	} {
		setOpt(f.dst, f.v, f.ok)
	}
	return http.StatusOK, s, nil
}

func (e *Emulator) updateAuthConfig(c *call) (int, any, error) {
	var p instance.UpdateAuthConfigParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	s := &e.st.settings.auth
	if v, ok := p.FromEmailAddress.Get(); ok {
		s.FromEmailAddress = &v
	}
	if v, ok := p.ProgressiveSignUp.Get(); ok {
		s.ProgressiveSignUp = &v
	}
	if v, ok := p.RestrictedToAllowlist.Get(); ok {
		s.RestrictedToAllowlist = &v
	}
	return http.StatusOK, s, nil
}

func (e *Emulator) changeDomain(c *call) (int, any, error) {
	var p instance.ChangeDomainParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	home, ok := p.HomeURL.Get()
	if !ok || !strings.HasPrefix(home, "https://") {
		return 0, nil, invalidParam("home_url", "home_url must be an https URL.")
	}
	e.st.settings.homeURL = home
	return http.StatusAccepted, nil, nil
}

// htmlPage is an answer written as text/html.
type htmlPage string

func (e *Emulator) interstitial(c *call) (int, any, error) {
	var p instance.GetInterstitialParams
	if err := decodeQuery(c, &p); err != nil {
		return 0, nil, err
	}
	pk := p.PublishableKey.Or("")
	return http.StatusOK, htmlPage("<!DOCTYPE html><html><head><title>clerktest interstitial</title></head><body>" +
		"<p>Clerk interstitial (emulated) for " + html.EscapeString(pk) + "</p></body></html>"), nil
}
