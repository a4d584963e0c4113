package overlay

// redirectURLsOps names the redirect URL calls.
func redirectURLsOps() map[string]Op {
	return map[string]Op{
		"ListRedirectURLs":  {Package: "redirecturls", Method: "List", Doc: "returns one page of the URLs native apps may be redirected to."},
		"CreateRedirectURL": {Package: "redirecturls", Method: "Create", Doc: "allows one more URL as a redirect target."},
		"GetRedirectURL":    {Package: "redirecturls", Method: "Get", Doc: "fetches one redirect URL by ID."},
		"DeleteRedirectURL": {Package: "redirecturls", Method: "Delete", Doc: "stops allowing a URL as a redirect target."},
	}
}
