package overlay

// webhooksOps names the three Svix application calls.
func webhooksOps() map[string]Op {
	return map[string]Op{
		"CreateSvixApp":       {Package: "webhooks", Method: "CreateSvixApp", Doc: "sets up a Svix application for the instance's webhooks."},
		"DeleteSvixApp":       {Package: "webhooks", Method: "DeleteSvixApp", Doc: "tears down the instance's Svix application."},
		"GenerateSvixAuthURL": {Package: "webhooks", Method: "CreateSvixDashboardURL", Doc: "issues a fresh sign-in link to the Svix dashboard of the instance."},
	}
}
