package overlay

// ParamDocs completes "<Field> ..." for request fields (params and the
// nested types only requests use), keyed by wire name, with a leading "?"
// for a query parameter: an entry documents every request field of that
// name and kind, so it holds only what is true of all of them. Like FieldDocs, it is written in our own words from the spec's
// facts and says what the name does not.
func ParamDocs() map[string]string {
	return map[string]string{
		"public_metadata":                      "can be read from the frontend and written only from the backend.",
		"private_metadata":                     "can be read and written only from the backend.",
		"unsafe_metadata":                      "can be read and written from the frontend, so do not trust it for access decisions.",
		"external_id":                          "is your own ID for the user, e.g. from the system you migrate from.",
		"password_digest":                      "sets the password from an existing hash instead of a plain password; PasswordHasher names the algorithm.",
		"password_hasher":                      "names the algorithm PasswordDigest was made with, e.g. bcrypt, argon2id or scrypt_firebase; needed with PasswordDigest.",
		"skip_password_checks":                 "skips the password policy checks; meant for migrating existing passwords, not for users choosing new ones.",
		"skip_password_requirement":            "allows a user without a password on an instance that normally requires one.",
		"skip_legal_checks":                    "skips the check that legal terms were accepted; meant for migrating users.",
		"legal_accepted_at":                    "is when the user accepted your legal terms, as RFC 3339 text (e.g. 2012-10-20T07:15:20.902Z).",
		"totp_secret":                          "turns on the authenticator-app second factor with an existing secret (30-second period, 6-digit codes, SHA-1), so the user need not set it up again.",
		"backup_codes":                         "turns on backup codes with codes the user already has, given plain or as their bcrypt hashes.",
		"create_organizations_limit":           "caps how many organizations the user may create; 0 means no limit.",
		"create_organization_enabled":          "lets the user create organizations from the frontend.",
		"delete_self_enabled":                  "lets the user delete their own account from the frontend.",
		"bypass_client_trust":                  "lets the user skip the device-trust checks at sign-in.",
		"primary":                              "makes this the user's primary identifier of its kind; the user's first one is primary anyway.",
		"reserved_for_second_factor":           "makes the number a second factor; it must be verified, and becomes the default second factor if the user has no other.",
		"notify_primary_email_address_changed": "tells the previous primary address that the primary address changed; off by default.",
		"expires_in_days":                      "is how many days the invitation stays valid; 30 when unset.",
		"template_slug":                        "picks the email template the invitation is sent with.",
		"expires_in_seconds":                   "overrides the default lifetime of what the call creates, in seconds.",
		"session_max_duration_in_seconds":      "caps the session the token starts, in seconds; 30 minutes when unset.",
		"min_remaining_ttl_seconds":            "reuses an existing live token with the same claims and scopes that has at least this many seconds left, instead of minting a new one; must be less than the token's lifetime.",
		"seconds_until_expiration":             "is the lifetime of what the call creates or updates, in seconds.",
		"revocation_reason":                    "is free text kept with the revoked credential.",
		"signing_key":                          "is the private key tokens are signed with; required when CustomSigningKey is true.",
		"signing_algorithm":                    "is the JWS algorithm tokens are signed with, e.g. RS256; required when CustomSigningKey is true.",
		"custom_signing_key":                   "signs tokens with SigningKey and SigningAlgorithm instead of the instance's key.",
		"lifetime":                             "is how long a token made from the template stays valid, in seconds.",
		"allowed_clock_skew":                   "is the leeway, in seconds, a verifier should allow for clock differences.",
		"?include_members_count":               "fills each organization's MembersCount in the answer.",
		"?include_missing_member_with_elevated_permissions": "fills each organization's MissingMemberWithElevatedPermissions in the answer.",
		"?last_active_at_before":                            "keeps only the results last active before this time, in Unix milliseconds.",
		"?last_active_at_after":                             "keeps only the results last active after this time, in Unix milliseconds.",
		"?created_at_before":                                "keeps only the results created before this time, in Unix milliseconds.",
		"?created_at_after":                                 "keeps only the results created after this time, in Unix milliseconds.",
		"?last_sign_in_at_before":                           "keeps only the users who last signed in before this time, in Unix milliseconds.",
		"?last_sign_in_at_after":                            "keeps only the users who last signed in after this time, in Unix milliseconds.",
		"idp_certificate":                                   "is the identity provider's signing certificate, which Clerk checks assertions against.",
		"idp_metadata_url":                                  "is where Clerk fetches the identity provider's metadata from.",
		"force_authn":                                       "asks the identity provider to make the user sign in again even with a session there.",
		"allow_idp_initiated":                               "lets a sign-in start at the identity provider rather than at your application.",
		"allow_subdomains":                                  "lets email addresses on subdomains of the connection's domains use it too.",
		"sync_user_attributes":                              "makes Clerk overwrite the user's name and other attributes from the identity provider at every sign-in.",
		"disable_additional_identifications":                "stops users of the connection from adding other email addresses or phone numbers.",
		"proxy_url":                                         "is the full URL of the proxy that forwards requests to the Frontend API, when you use one.",
	}
}
