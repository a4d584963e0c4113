package overlay

// signInTokensOps names the sign-in token calls.
func signInTokensOps() map[string]Op {
	return map[string]Op{
		"CreateSignInToken": {Package: "signintokens", Method: "Create", Doc: "issues a single-use token that signs a user in without credentials.", Params: map[string]string{"org_id": "OrganizationID"}},
		"RevokeSignInToken": {Package: "signintokens", Method: "Revoke", Doc: "invalidates a sign-in token that has not been used yet."},
	}
}
