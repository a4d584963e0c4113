package overlay

// jwksOps names the JSON Web Key Set call.
func jwksOps() map[string]Op {
	return map[string]Op{
		"GetJWKS": {Package: "jwks", Method: "Get", Doc: "fetches the public keys that verify the instance's session tokens."},
	}
}
