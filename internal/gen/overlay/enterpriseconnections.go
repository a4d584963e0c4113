package overlay

// enterpriseConnectionsOps names the enterprise (SAML or OIDC) connection
// calls and their test runs.
func enterpriseConnectionsOps() map[string]Op {
	protocols := map[string]string{"saml": "SAML", "oidc": "OIDC"}
	return map[string]Op{
		"ListEnterpriseConnections":         {Package: "enterpriseconnections", Method: "List", Doc: "returns one page of the instance's enterprise connections."},
		"CreateEnterpriseConnection":        {Package: "enterpriseconnections", Method: "Create", Doc: "adds a SAML or OIDC connection to an identity provider.", Params: protocols},
		"GetEnterpriseConnection":           {Package: "enterpriseconnections", Method: "Get", Doc: "fetches one enterprise connection by ID."},
		"UpdateEnterpriseConnection":        {Package: "enterpriseconnections", Method: "Update", Doc: "changes the given settings of an enterprise connection.", Params: protocols},
		"DeleteEnterpriseConnection":        {Package: "enterpriseconnections", Method: "Delete", Doc: "removes an enterprise connection."},
		"ListEnterpriseConnectionTestRuns":  {Package: "enterpriseconnections", Method: "ListTestRuns", Doc: "returns one page of the test sign-ins made against a connection."},
		"CreateEnterpriseConnectionTestRun": {Package: "enterpriseconnections", Method: "CreateTestRun", Doc: "starts a test sign-in against a connection and returns the short-lived URL that runs it."},
	}
}
