package overlay

// oauthApplicationsOps names the OAuth application calls.
func oauthApplicationsOps() map[string]Op {
	uris := map[string]string{"redirect_uris": "RedirectURIs", "pkce_required": "PKCERequired"}
	return map[string]Op{
		"ListOAuthApplications":        {Package: "oauthapplications", Method: "List", Doc: "returns one page of the OAuth applications that use the instance as their identity provider."},
		"CreateOAuthApplication":       {Package: "oauthapplications", Method: "Create", Doc: "registers an OAuth application and returns it with its client secret.", Params: uris},
		"GetOAuthApplication":          {Package: "oauthapplications", Method: "Get", Doc: "fetches one OAuth application by ID."},
		"UpdateOAuthApplication":       {Package: "oauthapplications", Method: "Update", Doc: "changes the given settings of an OAuth application.", Params: uris},
		"DeleteOAuthApplication":       {Package: "oauthapplications", Method: "Delete", Doc: "removes an OAuth application; its tokens stop working."},
		"UploadOAuthApplicationLogo":   {Package: "oauthapplications", Method: "UploadLogo", Doc: "uploads a new logo for an OAuth application as a multipart form."},
		"RotateOAuthApplicationSecret": {Package: "oauthapplications", Method: "RotateSecret", Doc: "replaces the client secret of an OAuth application and returns the new one."},
		"RevokeOAuthApplicationToken":  {Package: "oauthapplications", Method: "RevokeToken", Doc: "invalidates the access and refresh tokens of one grant of an OAuth application."},
	}
}
