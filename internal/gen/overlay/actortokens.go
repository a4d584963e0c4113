package overlay

// actorTokensOps names the actor (impersonation) token calls.
func actorTokensOps() map[string]Op {
	return map[string]Op{
		"CreateActorToken": {Package: "actortokens", Method: "Create", Doc: "issues a token that lets an actor sign in as another user."},
		"RevokeActorToken": {Package: "actortokens", Method: "Revoke", Doc: "invalidates an actor token that has not been used yet."},
	}
}
