package overlay

// apiKeysOps names the API key calls.
func apiKeysOps() map[string]Op {
	id := map[string]string{"apiKeyID": "APIKeyID"}
	return map[string]Op{
		"createApiKey":    {Package: "apikeys", Method: "Create", Doc: "issues an API key for a user, organization or machine and returns its secret.", Response: "CreatedAPIKey"},
		"getApiKeys":      {Package: "apikeys", Method: "List", Doc: "returns one page of the API keys issued to a subject."},
		"getApiKey":       {Package: "apikeys", Method: "Get", Doc: "fetches one API key by ID, without its secret.", Response: "APIKey", Params: id},
		"updateApiKey":    {Package: "apikeys", Method: "Update", Doc: "changes the claims, scopes, description or expiry of an API key.", Response: "APIKey", Params: id},
		"deleteApiKey":    {Package: "apikeys", Method: "Delete", Doc: "removes an API key.", Response: "DeletedAPIKey", Params: id},
		"getApiKeySecret": {Package: "apikeys", Method: "GetSecret", Doc: "returns the secret of an API key.", Response: "APIKeySecret", Params: id},
		"revokeApiKey":    {Package: "apikeys", Method: "Revoke", Doc: "invalidates an API key, recording why.", Response: "APIKey", Params: id},
		"verifyApiKey":    {Package: "apikeys", Method: "Verify", Doc: "checks an API key secret and returns the key it belongs to.", Response: "APIKey"},
	}
}
