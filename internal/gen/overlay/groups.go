package overlay

// groups lists the per-package naming tables; each operationId appears in
// exactly one of them (overlay_test.go checks this against the spec).
func groups() []map[string]Op {
	return []map[string]Op{
		actorTokensOps(),
		adminPortalOps(),
		agentTasksOps(),
		allowlistOps(),
		apiKeysOps(),
		billingOps(),
		blocklistOps(),
		clientsOps(),
		directoriesOps(),
		domainsOps(),
		emailAddressesOps(),
		enterpriseConnectionsOps(),
		instanceOps(),
		invitationsOps(),
		jwksOps(),
		jwtTemplatesOps(),
		m2mTokensOps(),
		machinesOps(),
		oauthAccessTokensOps(),
		oauthApplicationsOps(),
		organizationsOps(),
		permissionsOps(),
		phoneNumbersOps(),
		proxyChecksOps(),
		redirectURLsOps(),
		rolesOps(),
		roleSetsOps(),
		samlConnectionsOps(),
		sessionsOps(),
		signInTokensOps(),
		signUpsOps(),
		templatesOps(),
		testingTokensOps(),
		usersOps(),
		waitlistOps(),
		webhooksOps(),
	}
}
