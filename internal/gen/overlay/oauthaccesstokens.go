package overlay

// oauthAccessTokensOps names the OAuth access token calls.
func oauthAccessTokensOps() map[string]Op {
	return map[string]Op{
		"verifyOAuthAccessToken": {Package: "oauthaccesstokens", Method: "Verify", Doc: "checks an OAuth access token issued by the instance and returns what it grants.", Response: "OAuthAccessTokenVerification"},
	}
}
