package overlay

// signUpsOps names the sign-up calls.
func signUpsOps() map[string]Op {
	return map[string]Op{
		"GetSignUp":    {Package: "signups", Method: "Get", Doc: "fetches one sign-up attempt by ID."},
		"UpdateSignUp": {Package: "signups", Method: "Update", Doc: "sets the external ID or custom-action flag of a sign-up in progress."},
	}
}
