package overlay

// PackageDocs returns the package comment of each generated package: the
// text that follows "Package <name>". The README's package table uses the
// same sentences.
func PackageDocs() map[string]string {
	return map[string]string{
		"actortokens":           "creates and revokes actor tokens, which let one user sign in as another (impersonation).",
		"adminportal":           "creates and revokes links to the hosted admin portal where a customer configures its own SSO or SCIM.",
		"agenttasks":            "creates and revokes agent tasks, short-lived grants that let an automated agent act for a user.",
		"allowlist":             "manages the allowlist: the identifiers (emails, phone numbers, domains) allowed to sign up.",
		"apikeys":               "issues, lists, updates, revokes and verifies API keys for users, organizations and machines.",
		"billing":               "reads and manages Clerk Billing: plans, prices, subscriptions and their items, statements, payment attempts and credit balances.",
		"blocklist":             "manages the blocklist: the identifiers that may not sign up or sign in.",
		"clients":               "lists and reads clients, the per-device records that hold a user's sessions.",
		"directories":           "manages directory sync: SCIM directories and the directories attached to enterprise connections.",
		"domains":               "manages the domains of a multi-domain instance, including satellite domains.",
		"emailaddresses":        "creates, reads, updates and deletes the email addresses of users.",
		"enterpriseconnections": "manages enterprise SSO connections (SAML and OIDC) and runs their test flows.",
		"instance":              "reads and changes instance-wide settings: restrictions, attack protection, communication, organization settings, OAuth application settings and beta features.",
		"invitations":           "creates, lists and revokes invitations to sign up to the instance.",
		"jwks":                  "fetches the instance's JSON Web Key Set, the public keys that verify session tokens.",
		"jwttemplates":          "creates, lists, updates and deletes JWT templates, the recipes for custom session tokens.",
		"m2mtokens":             "issues, lists, revokes and verifies machine-to-machine tokens.",
		"machines":              "manages machines, the non-human callers of M2M authentication, their secret keys and the scopes between them.",
		"oauthaccesstokens":     "verifies OAuth access tokens issued by the instance acting as an OAuth provider.",
		"oauthapplications":     "manages OAuth applications for which the instance is the identity provider, their secrets and logos.",
		"organizations":         "manages organizations and their metadata, logos, memberships, invitations and verified domains.",
		"permissions":           "creates, lists, updates and deletes the custom permissions of organization roles.",
		"phonenumbers":          "creates, reads, updates and deletes the phone numbers of users.",
		"proxychecks":           "checks that a frontend API proxy is set up correctly.",
		"redirecturls":          "manages the allowed redirect URLs of native and mobile applications.",
		"roles":                 "creates, lists, updates and deletes organization roles and the permissions assigned to them.",
		"rolesets":              "manages role sets, the groups of organization roles an organization can use.",
		"samlconnections":       "creates, lists, updates and deletes SAML connections (the older, SAML-only SSO API).",
		"sessions":              "lists, reads, creates, refreshes and revokes sessions, and mints session tokens from them.",
		"signintokens":          "creates and revokes sign-in tokens, one-time links that sign a user in.",
		"signups":               "reads and updates sign-up attempts in progress.",
		"templates":             "reads, previews and changes the email and SMS templates of the instance.",
		"testingtokens":         "creates testing tokens that let automated browser tests bypass bot protection.",
		"users":                 "manages the users of a Clerk instance: create, read, update and delete them, ban and lock them, manage their metadata, passwords, MFA, linked accounts and organization memberships.",
		"waitlist":              "manages the waitlist: its entries, and inviting or rejecting them.",
		"webhooks":              "verifies and decodes Clerk webhook deliveries, and manages the instance's Svix application.",
	}
}

// ServiceConstructor returns the name of the function that builds a
// package's Service. It is New everywhere except where the package's main
// purpose is something else, so that New would promise the wrong thing:
// package webhooks verifies deliveries, and its Service only manages the
// instance's Svix application.
func ServiceConstructor(pkg string) string {
	if pkg == "webhooks" {
		return "NewService"
	}
	return "New"
}
