package overlay

// instanceOps names the instance settings calls, the beta-feature settings,
// and the public interstitial page.
func instanceOps() map[string]Op {
	return map[string]Op{
		"GetInstance":                            {Package: "instance", Method: "Get", Doc: "fetches the instance the secret key belongs to."},
		"UpdateInstance":                         {Package: "instance", Method: "Update", Doc: "changes the given general settings of the instance.", Params: map[string]string{"hibp": "HIBP", "clerk_js_version": "ClerkJSVersion"}},
		"UpdateInstanceRestrictions":             {Package: "instance", Method: "UpdateRestrictions", Doc: "changes who may sign up: allow-list, block-list and email address rules."},
		"GetInstanceProtect":                     {Package: "instance", Method: "GetProtectSettings", Doc: "returns the instance's bot and abuse protection settings."},
		"UpdateInstanceProtect":                  {Package: "instance", Method: "UpdateProtectSettings", Doc: "changes the instance's bot and abuse protection settings."},
		"GetInstanceCommunication":               {Package: "instance", Method: "GetCommunicationSettings", Doc: "returns the instance's SMS delivery settings."},
		"UpdateInstanceCommunication":            {Package: "instance", Method: "UpdateCommunicationSettings", Doc: "changes the instance's SMS delivery settings, such as blocked countries."},
		"GetInstanceOAuthApplicationSettings":    {Package: "instance", Method: "GetOAuthApplicationSettings", Doc: "returns how the instance acts as an OAuth provider."},
		"UpdateInstanceOAuthApplicationSettings": {Package: "instance", Method: "UpdateOAuthApplicationSettings", Doc: "changes how the instance acts as an OAuth provider."},
		"GetInstanceOrganizationSettings":        {Package: "instance", Method: "GetOrganizationSettings", Doc: "returns the instance's organization feature settings."},
		"UpdateInstanceOrganizationSettings":     {Package: "instance", Method: "UpdateOrganizationSettings", Doc: "changes the instance's organization feature settings."},
		"ChangeProductionInstanceDomain":         {Package: "instance", Method: "ChangeDomain", Doc: "moves a production instance to a new home domain."},
		"UpdateProductionInstanceDomain":         {Package: "instance", Method: "ChangeDomainBeta", Doc: "moves a production instance to a new home domain through the deprecated beta route; prefer ChangeDomain."},
		"UpdateInstanceAuthConfig":               {Package: "instance", Method: "UpdateAuthConfig", Doc: "changes the beta authentication settings of the instance.", Response: "AuthConfig"},
		"GetPublicInterstitial":                  {Package: "instance", Method: "GetInterstitial", Doc: "fetches the HTML page that loads clerk.js to settle an uncertain auth state.", Params: map[string]string{"frontendApi": "FrontendAPILegacy"}},
	}
}
