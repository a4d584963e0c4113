package overlay

// jwtTemplatesOps names the JWT template calls.
func jwtTemplatesOps() map[string]Op {
	return map[string]Op{
		"ListJWTTemplates":  {Package: "jwttemplates", Method: "List", Doc: "returns one page of the instance's JWT templates."},
		"CreateJWTTemplate": {Package: "jwttemplates", Method: "Create", Doc: "adds a JWT template with the given claims, lifetime and signing setup."},
		"GetJWTTemplate":    {Package: "jwttemplates", Method: "Get", Doc: "fetches one JWT template by ID."},
		"UpdateJWTTemplate": {Package: "jwttemplates", Method: "Update", Doc: "changes the claims, lifetime or signing setup of a JWT template."},
		"DeleteJWTTemplate": {Package: "jwttemplates", Method: "Delete", Doc: "removes a JWT template."},
	}
}
