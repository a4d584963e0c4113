package overlay

import "strings"

// FieldDocs completes "<Field> ..." for the fields of the root models whose
// meaning the name does not say, keyed by "<Type>.<json name>", or by
// "*.<json name>" for a field that means the same in every model that has
// it. Each entry says what a reader cannot guess from the name and the Go
// type: the unit, what null or absence means, which call fills the field,
// what an ID points to, what the values are. Written in our own words from
// the spec's facts; a field with nothing to add has no entry, and its
// comment holds only the facts the generator derives (or nothing).
func FieldDocs() map[string]string {
	docs := map[string]string{}
	for _, family := range fieldDocFamilies() {
		for k, v := range family {
			docs[k] = v
		}
	}
	return docs
}

// fieldDocFamilies returns the field docs one map per family of models; no
// key is in two of them (overlay_test.go checks).
func fieldDocFamilies() []map[string]string {
	return []map[string]string{
		sharedFieldDocs(), userFieldDocs(), organizationFieldDocs(), sessionFieldDocs(),
		tokenFieldDocs(), billingFieldDocs(), enterpriseFieldDocs(), instanceFieldDocs(), expiryFieldDocs(),
	}
}

// sharedFieldDocs covers field names that mean the same in every model.
func sharedFieldDocs() map[string]string {
	return map[string]string{
		"*.public_metadata":                    "can be read from the frontend and written only from the backend.",
		"*.private_metadata":                   "can be read and written only from the backend.",
		"*.unsafe_metadata":                    "can be read and written from the frontend, so do not trust it for access decisions.",
		"*.linked_to":                          "lists the accounts (OAuth, SAML, ...) this identifier came from.",
		"*.reserved":                           "is true when the identifier is held back and cannot be claimed by another user.",
		"*.image_url":                          "is the URL of the image Clerk shows, an uploaded one or a default.",
		"*.has_image":                          "is true when an image was uploaded rather than the default shown.",
		"*.profile_image_url":                  "is the older name of ImageURL; prefer ImageURL.",
		"*.primary_email_address_id":           "is the ID of the email address Clerk treats as the main one.",
		"*.primary_phone_number_id":            "is the ID of the phone number Clerk treats as the main one.",
		"*.primary_web3_wallet_id":             "is the ID of the Web3 wallet Clerk treats as the main one.",
		"*.strategy":                           "is how the verification is carried out, e.g. email_code or oauth_google.",
		"*.attempts":                           "is how many verification attempts have been made.",
		"*.slug":                               "is the short name used in URLs.",
		"*.role":                               "is the key of the role, e.g. org:admin.",
		"*.role_name":                          "is the display name of the role.",
		"*.currency":                           "is the ISO 4217 code of the currency, e.g. USD.",
		"*.currency_symbol":                    "is the sign written before a formatted amount, e.g. $.",
		"*.instance_id":                        "is the ID of the Clerk instance (ins_...) the object belongs to.",
		"*.provider_user_id":                   "is the user's ID at the identity provider, not in Clerk.",
		"*.external_id":                        "is the ID of the user in your own system, if you set one.",
		"*.verification":                       "is the state of the check that proved control of the identifier or account.",
		"*.inviter_id":                         "is the ID of the user who sent the invitation, when a user did.",
		"*.public_inviter_data":                "is the inviter's name and image, safe to show to the invitee.",
		"*.verified_at_client":                 "is the ID of the device client the verification was completed on.",
		"*.logo_public_url":                    "is a public URL of the identity provider's logo, for sign-in buttons.",
		"*.sync_user_attributes":               "makes Clerk overwrite the user's name and other attributes from the identity provider at every sign-in.",
		"*.disable_additional_identifications": "stops users of this connection from adding other email addresses or phone numbers.",
		"*.allow_idp_initiated":                "lets a sign-in start at the identity provider rather than at your application.",
		"*.allow_subdomains":                   "lets email addresses on subdomains of Domains use the connection too.",
		"*.force_authn":                        "asks the identity provider to make the user sign in again even with a session there.",
		"*.acs_url":                            "is the URL the identity provider posts SAML assertions to (the Assertion Consumer Service); give it to the IdP.",
		"*.sp_entity_id":                       "is Clerk's entity ID as the service provider; give it to the IdP.",
		"*.sp_metadata_url":                    "is where the IdP can fetch Clerk's service-provider metadata.",
		"*.idp_entity_id":                      "is the identity provider's entity ID, taken from its metadata.",
		"*.idp_sso_url":                        "is the identity provider's sign-in URL that Clerk redirects users to.",
		"*.idp_metadata_url":                   "is where Clerk fetches the identity provider's metadata from.",
	}
}

// userFieldDocs covers users and their identifiers and accounts.
func userFieldDocs() map[string]string {
	return map[string]string{
		"User.totp_enabled":                               "is true when the user has an authenticator app (TOTP) as a second factor.",
		"User.backup_code_enabled":                        "is true when the user has one-time recovery codes for the second factor.",
		"User.profile_image_url":                          "is the older name of ImageURL; prefer ImageURL.",
		"SignUp.missing_fields":                           "lists the fields the sign-up still needs before it can complete.",
		"SignUp.unverified_fields":                        "lists the identifiers given but not yet verified.",
		"SignUp.required_fields":                          "lists the fields the instance requires of every sign-up.",
		"SignUp.optional_fields":                          "lists the fields the instance accepts but does not require.",
		"IdentificationLink.type":                         "is the kind of account the identifier came from, e.g. oauth_google.",
		"ExternalAccount.provider":                        "names the OAuth provider, e.g. oauth_google.",
		"User.password_enabled":                           "is false for a user who signs in only by other means (OAuth, passkey, email or SMS code).",
		"User.two_factor_enabled":                         "is true when the user has any second factor.",
		"User.banned":                                     "is true when the user is banned and cannot sign in.",
		"User.locked":                                     "is true while the user is locked out after too many failed sign-in attempts.",
		"User.lockout_expires_in_seconds":                 "counts down to the end of the current lockout, in seconds; nil for a locked user means the lockout does not expire.",
		"User.verification_attempts_remaining":            "is how many failed attempts the user has left before a lockout; nil when lockout is not enabled for the instance.",
		"User.deprovisioned":                              "is true when the user's directory (SCIM) removed them; such a user cannot sign in.",
		"User.bypass_client_trust":                        "lets the user skip the device-trust checks at sign-in.",
		"User.create_organization_enabled":                "is true when the user may create organizations from the frontend.",
		"User.create_organizations_limit":                 "caps how many organizations the user may create; 0 means no limit.",
		"User.delete_self_enabled":                        "is true when the user may delete their own account from the frontend.",
		"User.last_active_at":                             "is the day of the user's latest session activity, in Unix milliseconds (day precision only).",
		"User.mfa_enabled_at":                             "is when a second factor was last turned on, in Unix milliseconds; it stays set after MFA is turned off.",
		"User.mfa_disabled_at":                            "is when the second factor was last turned off, in Unix milliseconds; it stays set after MFA is turned on again.",
		"User.legal_accepted_at":                          "is when the user accepted your legal terms, in Unix milliseconds; nil when they have not.",
		"User.locale":                                     "is the user's preferred language as a BCP 47 tag, e.g. en-US.",
		"User.scim":                                       "describes the directory (SCIM) the user was provisioned from; absent for users not provisioned that way.",
		"SCIMUserMetadata.directory_id":                   "is the ID of the Directory the user is provisioned from.",
		"SCIMUserMetadata.directory_enabled":              "is true while that directory is enabled; the API leaves it out rather than send false.",
		"SCIMUserMetadata.external_id":                    "is the user's ID in the directory, if it reported one.",
		"SignUp.locale":                                   "is the preferred language given at sign-up, as a BCP 47 tag.",
		"SignUp.legal_accepted_at":                        "is when the person accepted your legal terms during sign-up, in Unix milliseconds.",
		"SignUp.created_user_id":                          "is the ID of the User the sign-up created; nil until it completes.",
		"SignUp.created_session_id":                       "is the ID of the Session started when the sign-up completed; nil until then.",
		"SignUpVerification.next_action":                  "says what the client must do next: prepare the verification (send a code), attempt it (submit the code), or nothing (empty).",
		"SignUpVerification.supported_strategies":         "lists the strategies the client may use to verify this identifier.",
		"EmailAddress.matches_sso_connection":             "is true when the address's domain belongs to an active enterprise connection, so the user should sign in through it.",
		"PhoneNumber.default_second_factor":               "is true when this number is the second factor Clerk offers first.",
		"ExternalAccount.email_address_verified":          "says whether the provider confirmed the email address when the account was linked; null means unknown (older accounts, custom providers).",
		"ExternalAccount.avatar_url":                      "is the older name of ImageURL; prefer ImageURL.",
		"ExternalAccount.approved_scopes":                 "lists the OAuth scopes the user granted, separated by spaces.",
		"EnterpriseAccount.protocol":                      "is how the user signed in to the enterprise connection.",
		"EnterpriseAccount.last_authenticated_at":         "is when the user last signed in through this account, in Unix milliseconds.",
		"SAMLAccount.last_authenticated_at":               "is when the user last signed in through this account, in Unix milliseconds.",
		"Passkey.last_used_at":                            "is when the passkey last signed the user in, in Unix milliseconds.",
		"TrustedDevice.last_used_at":                      "is when the device was last used to sign in, in Unix milliseconds.",
		"TrustedDevice.revoked_at":                        "is when the device's trust was revoked, in Unix milliseconds; null while it is trusted.",
		"Verification.id":                                 "is the ID to pass back when attempting the verification.",
		"Verification.channel":                            "is how a phone code was delivered; set for phone codes only.",
		"Verification.nonce":                              "is the message a Web3 wallet must sign to complete the verification.",
		"Verification.external_verification_redirect_url": "is where to send the user to complete an OAuth or SAML verification at the provider.",
		"Verification.error":                              "explains why the verification failed, when it did.",
		"TOTPVerification.code_type":                      "says whether an authenticator-app code or a backup code was accepted.",
		"MFAResult.user_id":                               "is the ID of the user whose second factor was changed.",
		"Invitation.url":                                  "is the link the invitee follows to accept the invitation.",
		"Invitation.revoked":                              "is true once the invitation was revoked and can no longer be used.",
		"WaitlistEntry.invitation":                        "is the invitation sent to the person, once they were invited.",
		"WaitlistEntry.is_locked":                         "is true while a bulk action is processing the entry; other actions on it fail until then.",
		"AllowlistIdentifier.identifier":                  "is the email address, phone number or Web3 wallet let in.",
		"AllowlistIdentifier.invitation_id":               "is the ID of the Invitation created along with the entry, if one was.",
		"BlocklistIdentifier.identifier":                  "is the email address, email domain, phone number or Web3 wallet kept out.",
	}
}

// organizationFieldDocs covers organizations, memberships, invitations,
// domains, roles and role sets.
func organizationFieldDocs() map[string]string {
	inv := map[string]string{
		"status": `is where the invitation stands: "pending", "accepted", "revoked" or "expired".`,
		"url":    "is the link the invitee follows to accept the invitation.",
	}
	docs := map[string]string{
		"OrganizationMembership.permissions":                    "lists the permission keys the member's role grants, e.g. org:sys_memberships:manage.",
		"Permission.type":                                       "is system for Clerk's built-in permissions and user for those you created.",
		"Organization.admin_delete_enabled":                     "is true when admins may delete the organization from the frontend.",
		"OrganizationSettings.enabled":                          "is true when organizations are turned on for the instance.",
		"OrganizationSettings.max_allowed_memberships":          "caps the members of each organization; 0 means no limit.",
		"OrganizationSettings.domains_enabled":                  "is true when organizations may verify email domains.",
		"OrganizationSettings.domains_enrollment_modes":         "lists the enrollment modes organizations may give their verified domains.",
		"OrganizationInvitations.total_count":                   "counts every matching invitation, not only those on this page.",
		"Organization.max_allowed_memberships":                  "caps the number of members; 0 means no limit.",
		"Organization.created_by":                               "is the ID of the user who created the organization.",
		"Organization.members_count":                            "is filled only when the list call sets IncludeMembersCount.",
		"Organization.missing_member_with_elevated_permissions": "is filled only when the list call sets IncludeMissingMemberWithElevatedPermissions.",
		"Organization.role_set_key":                             "is the key of the RoleSet that decides which roles the organization's members can have.",
		"Organization.logo_url":                                 "is the older name of ImageURL; prefer ImageURL.",
		"OrganizationMembership.role":                           "is the key of the member's role, e.g. org:admin.",
		"OrganizationMembership.public_user_data":               "is the member's name, identifier and image, safe to show to other members.",
		"OrganizationMembershipPublicUserData.identifier":       "is the member's main email address, phone number or username.",
		"OrganizationMembershipPublicUserData.deprovisioned":    "is true when the member's directory (SCIM) removed them.",
		"OrganizationInvitationPublicUserData.identifier":       "is the inviter's main email address, phone number or username.",
		"OrganizationDomain.enrollment_mode":                    "says what happens to a user with an address on the domain: nothing (manual invitation), an invitation, a suggestion to join, or sign-in through enterprise SSO.",
		"OrganizationDomain.affiliation_email_address":          "is the address whose verification proved the affiliation, if one did.",
		"OrganizationDomain.affiliation_verification":           "is the state of the check that a user's email address ties them to the domain (e.g. affiliation_email_code).",
		"OrganizationDomain.ownership_verification":             "is the state of the DNS (TXT record) proof that the organization owns the domain; nil until it is first tried.",
		"OrganizationDomain.verification":                       "is the older name of AffiliationVerification and holds the same value; prefer AffiliationVerification.",
		"OrganizationDomain.public_organization_data":           "is the organization's name, slug and image, safe to show to users of the domain.",
		"OrganizationDomain.total_pending_invitations":          "counts the invitations that the domain produced and nobody has answered yet.",
		"OrganizationDomain.total_pending_suggestions":          "counts the suggestions to join that the domain produced and nobody has answered yet.",
		"OrganizationDomainVerification.status":                 `is "unverified", "verified", "failed" or "expired".`,
		"OrganizationDomainVerification.verified_at":            "is when ownership was proved, in Unix milliseconds; set on OwnershipVerification only, nil on AffiliationVerification.",
		"OrganizationSettings.admin_delete_enabled":             "is the default for whether admins may delete an organization from the frontend.",
		"OrganizationSettings.creator_role":                     "is the key of the role given to a user who creates an organization.",
		"OrganizationSettings.domains_default_role":             "is the key of the role given through invitations and suggestions that verified domains produce.",
		"OrganizationSettings.initial_role_set_key":             "is the key of the RoleSet new organizations start with.",
		"OrganizationSettings.max_allowed_permissions":          "no longer has any effect: permissions are unlimited.",
		"OrganizationSettings.slug_disabled":                    "is true when organizations have no slugs.",
		"Role.is_creator_eligible":                              "is true when the role can be the one given to an organization's creator.",
		"RoleSet.key":                                           "is the role set's unique key, e.g. role_set:default.",
		"RoleSet.type":                                          "is initial for the role set Clerk provides and custom for one you made.",
		"RoleSet.creator_role":                                  "is the role given to a user who creates an organization with this role set.",
		"RoleSet.default_role":                                  "is the role given to new members.",
		"RoleSet.role_set_migration":                            `is the migration under way, present only while its status is "enqueued" or "in_progress".`,
		"RoleSetMigration.status":                               `is the migration's progress, e.g. "enqueued", "in_progress" or "completed".`,
		"RoleSetMigration.trigger_type":                         `is what started the migration, e.g. "role_set_deletion" or "role_removal".`,
		"RoleSetMigration.source_role_set_id":                   "is the ID of the RoleSet members are moved away from.",
		"RoleSetMigration.dest_role_set_id":                     "is the ID of the RoleSet members are moved to.",
		"RoleSetMigration.mappings":                             "maps each role key of the source role set to the role key that replaces it.",
		"RoleSetMigration.migrated_members":                     "counts the members moved so far.",
		"RoleSetMigration.organization_id":                      "is the ID of the one organization the migration is limited to; null when it covers every organization using the role set.",
		"RoleSetRole.key":                                       "is the role's key, e.g. org:admin.",
		"RoleSetRole.has_members":                               "is true when a member of an organization using this role set has the role.",
		"RoleSetRole.members_count":                             "counts the members with the role across organizations using this role set.",
		"Permission.key":                                        "is the permission's key as tokens and checks spell it, e.g. org:sys_memberships:manage.",
		"Role.key":                                              "is the role's key as tokens and checks spell it, e.g. org:admin.",
	}
	for _, t := range []string{"OrganizationInvitation", "AcceptedOrganizationInvitation", "OrganizationInvitationWithPublicOrganizationData"} {
		for k, v := range inv {
			docs[t+"."+k] = v
		}
	}
	return docs
}

// sessionFieldDocs covers sessions, clients, sign-ins and sign-ups.
func sessionFieldDocs() map[string]string {
	session := map[string]string{
		"client_id":                   "is the ID of the DeviceClient (browser or device) holding the session.",
		"actor":                       "names who is acting on the user's behalf in an impersonation session (the actor token's claims); null in an ordinary session.",
		"last_active_organization_id": "is the ID of the organization the user last made active in this session; null when none is.",
		"latest_activity":             "is the device and place of the session's latest activity, when Clerk recorded it.",
		"last_active_at":              "is when the session was last used, in Unix milliseconds.",
		"abandon_at":                  "is when the session ends if the user stays inactive until then, in Unix milliseconds.",
		"expire_at":                   "is when the session ends however active the user is, in Unix milliseconds.",
	}
	docs := map[string]string{
		"Session.status":  "is where the session is in its lifecycle.",
		"Session.tasks":   "lists what the user must still do (e.g. choose an organization) before the pending session becomes active.",
		"DeviceClient.id": "identifies the client (client_...), not a session.",
		"DeviceClient.last_authentication_strategy": "is the strategy the user last signed in with on this client, e.g. oauth_google.",
		"DeviceClient.sign_in_id":                   "is the ID of the sign-in under way on the client; nil when there is none.",
		"DeviceClient.sign_up_id":                   "is the ID of the sign-up under way on the client; nil when there is none.",
		"SessionActivity.is_mobile":                 "is true when the browser reported a mobile device.",
		"SessionActivity.ip_address":                "is the IP address the request came from.",
		"SessionActivity.country":                   "is the country the IP address is placed in, when known.",
		"SessionActivity.city":                      "is the city the IP address is placed in, when known.",
		"SessionRefresh.cookies":                    "holds Set-Cookie values to pass on to the browser.",
		"SessionRefresh.jwt":                        "is the new session token, an encoded JWT.",
		"SessionToken.jwt":                          "is the session token, an encoded JWT.",
		"ActorToken.token":                          "is the secret a browser exchanges for an impersonation session; the create call's answer carries it.",
		"ActorToken.url":                            "is a link that starts the impersonation session when opened; the create call's answer carries it.",
		"ActorToken.actor":                          "names the impersonator; it becomes the act claim of the session token.",
		"SignInToken.token":                         "is the one-time secret that signs the user in; the create call's answer carries it.",
		"SignInToken.url":                           "is a link that signs the user in when opened; the create call's answer carries it.",
		"TestingToken.token":                        "goes in the __clerk_testing_token query parameter of Frontend API requests, to get past bot protection in tests.",
		"AgentTask.agent_id":                        "is a stable ID of the agent, unique per agent name within the instance.",
		"AgentTask.task_id":                         "is the older name of AgentTaskID and holds the same value.",
		"AgentTask.url":                             "is a link that creates a session for the user when opened; present only in the answer of the create call.",
	}
	for _, t := range []string{"Session", "SessionWithUser"} {
		for k, v := range session {
			docs[t+"."+k] = v
		}
	}
	return docs
}

// tokenFieldDocs covers API keys, M2M tokens, machines, OAuth applications
// and tokens, JWT templates and JWKs.
func tokenFieldDocs() map[string]string {
	credential := map[string]string{
		"expiration":        "is when the credential stops being accepted, in Unix milliseconds; nil when it never expires.",
		"expired":           "is true once Expiration has passed.",
		"revoked":           "is true once the credential was revoked; it is then refused even before Expiration.",
		"revocation_reason": "is the free text given when the credential was revoked; nil while it is not revoked.",
	}
	docs := map[string]string{
		"OAuthApplication.callback_url":                                    "is the older single form of RedirectURIs; prefer RedirectURIs.",
		"OAuthApplication.public":                                          "is true for a client that cannot keep a secret (a browser or native app): it has no client secret and uses PKCE.",
		"OAuthApplication.pkce_required":                                   "is true when authorization requests must use PKCE.",
		"OAuthApplication.consent_screen_enabled":                          "is true when users see a consent screen before the application gets access.",
		"OAuthApplication.dynamically_registered":                          "is true when the client registered itself (RFC 7591) rather than being created by you.",
		"OAuthApplication.redirect_uris":                                   "lists the URLs users may be sent back to after authorizing.",
		"OAuthApplication.scopes":                                          "lists the scopes the application may request, separated by spaces.",
		"OAuthApplication.authorize_url":                                   "is the authorization endpoint clients send users to.",
		"OAuthApplication.token_fetch_url":                                 "is the token endpoint clients exchange authorization codes at.",
		"OAuthApplication.token_introspection_url":                         "is the endpoint that tells whether a token is active (RFC 7662).",
		"OAuthApplication.user_info_url":                                   "is the OpenID Connect userinfo endpoint.",
		"OAuthApplication.discovery_url":                                   "is the OpenID Connect discovery document listing these endpoints.",
		"OAuthApplication.client_id":                                       "is the public identifier clients send with their OAuth requests.",
		"APIKey.subject":                                                   "is the ID of the user, organization or machine the key acts for (user_..., org_... or mch_...).",
		"APIKey.claims":                                                    "holds the custom claims stored with the key; nil when none were set.",
		"APIKey.created_by":                                                "is the ID of the user who created the key, when a user did.",
		"APIKey.type":                                                      "is the kind of key; api_key for the keys this API issues.",
		"APIKey.scopes":                                                    "lists the scopes granted to the key; your code decides what each allows.",
		"CreatedAPIKey.secret":                                             "is what a caller sends as its bearer token; of the later calls only GetSecret returns it.",
		"APIKeySecret.secret":                                              "is the key itself, the value a caller sends as its bearer token.",
		"M2MToken.subject":                                                 "is the ID of the Machine the token was issued to (mch_...).",
		"M2MToken.claims":                                                  "holds the custom claims given when the token was created.",
		"CreatedM2MToken.token":                                            "is the token itself, returned only by the create call: store it now, later answers leave it out.",
		"CreatedM2MToken.subject":                                          "is the ID of the Machine the token was issued to (mch_...).",
		"CreatedM2MToken.claims":                                           "holds the custom claims given when the token was created.",
		"Machine.default_token_ttl":                                        "is the lifetime, in seconds, of the M2M tokens the machine creates unless a call asks for another.",
		"Machine.scoped_machines":                                          "lists the machines this machine may call.",
		"CreatedMachine.default_token_ttl":                                 "is the lifetime, in seconds, of the M2M tokens the machine creates unless a call asks for another.",
		"CreatedMachine.scoped_machines":                                   "lists the machines this machine may call.",
		"CreatedMachine.secret_key":                                        "is the machine's secret key. Of the later calls only GetSecret and RotateSecret return it.",
		"ScopedMachine.default_token_ttl":                                  "is the lifetime, in seconds, of the M2M tokens the machine creates unless a call asks for another.",
		"MachineSecret.secret":                                             "is the machine's secret key, the credential it creates M2M tokens with.",
		"MachineScope.from_machine_id":                                     "is the ID of the machine granted access.",
		"MachineScope.to_machine_id":                                       "is the ID of the machine it may call.",
		"DeletedScope.from_machine_id":                                     "is the ID of the machine that lost access.",
		"DeletedScope.to_machine_id":                                       "is the ID of the machine it may no longer call.",
		"OAuthAccessToken.token":                                           "is the provider's access token, to call the provider's API on the user's behalf.",
		"OAuthAccessToken.token_secret":                                    "is the token secret of an OAuth 1.0 provider; absent for OAuth 2.0.",
		"OAuthAccessToken.scopes":                                          "lists the scopes the provider granted; OAuth 2.0 tokens only.",
		"OAuthAccessToken.id_token":                                        "is the OpenID Connect ID token, when the provider issued one.",
		"OAuthAccessToken.external_account_id":                             "is the ID of the user's ExternalAccount the token belongs to.",
		"OAuthAccessToken.provider":                                        "names the OAuth provider, e.g. oauth_google.",
		"OAuthAccessTokenVerification.active":                              "is sent, as false, only for a JWT access token that has expired.",
		"OAuthAccessTokenVerification.subject":                             "is the ID of the user the token was issued for.",
		"OAuthAccessTokenVerification.client_id":                           "is the client ID of the OAuth application the token was issued to.",
		"OAuthApplicationWithSecret.client_secret":                         "is the application's client secret, sent by the create and rotate calls only; empty for a public client.",
		"OAuthApplicationSettings.dynamic_oauth_client_registration":       "is true when clients may register themselves (RFC 7591).",
		"OAuthApplicationSettings.oauth_jwt_access_tokens":                 "is true when access tokens are JWTs; false means opaque tokens.",
		"OAuthApplicationSettings.client_id_metadata_documents_advertised": "is true when the authorization server metadata announces support for Client ID Metadata Documents.",
		"OAuthApplicationSettings.client_id_metadata_documents_only_allow_pre_registered_clients": "refuses Client ID Metadata Document clients not seen before; known ones still work.",
		"OAuthApplicationSettings.client_id_metadata_documents_block_implicitly_allowed_clients":  "refuses, from now on, Client ID Metadata Document clients that were let in implicitly; explicitly allowed ones still work.",
		"JWTTemplate.claims":             "is the JSON of claims the template adds to each token; values may be shortcodes such as {{user.id}}.",
		"JWTTemplate.lifetime":           "is how long a token made from the template stays valid, in seconds.",
		"JWTTemplate.allowed_clock_skew": "is the leeway, in seconds, a verifier should allow for clock differences.",
		"JWTTemplate.custom_signing_key": "is true when tokens are signed with a key and algorithm you gave instead of the instance's own.",
		"JWTTemplate.signing_algorithm":  "is the JWS algorithm tokens are signed with, e.g. RS256.",
		"JWK.kid":                        "is the key ID that a token's kid header names.",
		"JWK.kty":                        "is the key type, e.g. RSA.",
		"JWK.alg":                        "is the algorithm the key signs with, e.g. RS256.",
		"JWK.use":                        "is what the key is for; sig for signing.",
		"JWK.n":                          "is the RSA modulus, base64url encoded.",
		"JWK.e":                          "is the RSA public exponent, base64url encoded.",
	}
	for _, t := range []string{"APIKey", "CreatedAPIKey", "M2MToken", "CreatedM2MToken", "LinkToken", "CreatedLinkToken", "OAuthAccessTokenVerification"} {
		for k, v := range credential {
			docs[t+"."+k] = v
		}
	}
	docs["OAuthAccessTokenVerification.expiration"] = "is when the token stops being accepted, in Unix milliseconds; null when it never expires."
	docs["OAuthAccessTokenVerification.revocation_reason"] = "is the free text given when the token was revoked; null while it is not revoked."
	for _, t := range []string{"APIKey", "CreatedAPIKey", "M2MToken", "CreatedM2MToken"} {
		docs[t+".last_used_at"] = "is when the credential last authenticated a request, in Unix milliseconds; nil until its first use."
	}
	withSecret := map[string]string{}
	for k, v := range docs {
		if field, ok := strings.CutPrefix(k, "OAuthApplication."); ok {
			withSecret["OAuthApplicationWithSecret."+field] = v
		}
	}
	for k, v := range withSecret {
		docs[k] = v
	}
	for _, k := range []string{"subject", "claims", "created_by", "type", "scopes"} {
		docs["CreatedAPIKey."+k] = docs["APIKey."+k]
	}
	return docs
}

// billingFieldDocs covers plans, prices, subscriptions, payments and their
// amounts. Integer amounts are in the currency's smallest unit (cents for
// USD); Money carries the same with its display form.
func billingFieldDocs() map[string]string {
	totals := map[string]string{
		"subtotal":    "is the charge before discounts, credits and tax.",
		"base_fee":    "is the plan's fixed fee, without per-unit (e.g. seat) charges.",
		"tax_total":   "is the tax added to the charge.",
		"grand_total": "is the final amount charged, after discounts, credits and tax.",
	}
	docs := map[string]string{
		"CreditBalance.object":                                     `is always "commerce_credit_balance".`,
		"CreditLedgerEntry.object":                                 `is always "commerce_credit_ledger".`,
		"DiscountRedemption.promo_code":                            "is the code the payer entered, when the discount came from a promo code.",
		"SubscriptionItem.seats":                                   "is the seat count billed, for plans priced per seat.",
		"SubscriptionItem.credits":                                 "breaks down the credits applied: proration credit and the payer's account credit.",
		"PaymentAttemptSubscriptionItem.credits":                   "breaks down the credits applied: proration credit and the payer's account credit.",
		"Money.amount":                                             "is the amount in the currency's smallest unit, e.g. cents.",
		"Money.amount_formatted":                                   `is Amount as display text in the currency's main unit, e.g. "$49.99".`,
		"BillingPrice.amount":                                      "is the price per billing period, in the currency's smallest unit (cents).",
		"BillingPrice.annual_monthly_amount":                       "is the monthly equivalent when billed annually, in the currency's smallest unit (cents).",
		"BillingPrice.annual_monthly_fee":                          "is AnnualMonthlyAmount with its display form.",
		"BillingPrice.fee":                                         "is Amount with its display form.",
		"BillingPrice.is_default":                                  "is true for the price its plan uses unless another is chosen.",
		"BillingPrice.plan_id":                                     "is the ID of the Plan the price belongs to.",
		"Plan.amount":                                              "is the plan's price in the currency's smallest unit (cents).",
		"Plan.annual_amount":                                       "is the yearly price in the currency's smallest unit (cents).",
		"Plan.annual_monthly_amount":                               "is the monthly equivalent of the yearly price, in the currency's smallest unit (cents).",
		"Plan.fee":                                                 "is Amount with its display form.",
		"Plan.annual_fee":                                          "is AnnualAmount with its display form.",
		"Plan.annual_monthly_fee":                                  "is AnnualMonthlyAmount with its display form.",
		"Plan.amount_formatted":                                    "is Amount as display text in the currency's main unit.",
		"Plan.annual_amount_formatted":                             "is AnnualAmount as display text in the currency's main unit.",
		"Plan.annual_monthly_amount_formatted":                     "is AnnualMonthlyAmount as display text in the currency's main unit.",
		"Plan.for_payer_type":                                      "is the kind of payer (user or organization) the plan is meant for.",
		"Plan.payer_type":                                          "lists the kinds of payer (user, org) that may subscribe.",
		"Plan.free_trial_days":                                     "is the length of the free trial in days, when the plan has one.",
		"Plan.has_base_fee":                                        "is false when the plan charges no fixed fee (a free plan, or one priced only per unit).",
		"Plan.is_recurring":                                        "is false for a plan charged once.",
		"Plan.product_id":                                          "is the ID of the billing product the plan belongs to.",
		"Plan.publicly_visible":                                    "is true when the plan is shown in Clerk's pricing components.",
		"Plan.unit_prices":                                         "lists the per-unit prices (e.g. per seat) and their tiers.",
		"Plan.features":                                            "lists the features a subscriber gets.",
		"PlanUnitPrice.name":                                       "names the unit billed, e.g. seats.",
		"PlanUnitPrice.block_size":                                 "is how many units one block holds; tiers are priced per block.",
		"PlanUnitPriceTier.starts_at_block":                        "is the first block the tier prices, counted from 1 and included.",
		"PlanUnitPriceTier.ends_after_block":                       "is the last block the tier prices, included; null means the tier has no end.",
		"PlanUnitPriceTier.fee_per_block":                          "is the price of each block in the tier.",
		"PerUnitTotal.name":                                        "names the unit billed, e.g. seats.",
		"PerUnitTotal.block_size":                                  "is how many units one block holds.",
		"PerUnitTotal.amount":                                      "is the price of one unit, in the currency's smallest unit.",
		"PerUnitTotal.quantity":                                    "is the number of units billed; null means unlimited.",
		"PerUnitTotal.total":                                       "is Amount times Quantity, in the currency's smallest unit.",
		"PerUnitTotal.tiers":                                       "breaks the charge down by pricing tier.",
		"PerUnitTotalTier.quantity":                                "is the number of units billed in the tier; null means unlimited.",
		"PerUnitTotalTier.total":                                   "is the tier's share of the charge.",
		"PerUnitTotalTier.fee_per_block":                           "is the price of each block in the tier.",
		"SubscriptionItemSeats.quantity":                           "is the number of seats billed; nil means unlimited.",
		"SubscriptionItemSeats.tiers":                              "breaks the seat charge down by pricing tier.",
		"BillingNextPayment.amount":                                "is the plan's base fee at the next payment, without per-unit charges; Totals.GrandTotal has the whole amount.",
		"BillingNextPayment.date":                                  "is the day of the next payment, in Unix milliseconds.",
		"BillingNextPayment.totals":                                "breaks down what renewal will charge (base fee and per-unit charges); tax and credits are not included.",
		"BillingNextPayment.per_unit_totals":                       "breaks the next payment's per-unit charges down by unit (e.g. seats).",
		"BillingTotals.credits":                                    "is what credits took off the charge.",
		"BillingTotals.discounts":                                  "is what discounts took off the charge.",
		"BillingTotals.per_unit_totals":                            "breaks the per-unit charges down by unit (e.g. seats).",
		"BillingCredits.total":                                     "is the sum of all credits applied.",
		"BillingCredits.proration":                                 "is the credit for the unused part of a plan the payer left mid-period.",
		"BillingCredits.payer":                                     "is the part of the payer's credit balance that was applied.",
		"BillingDiscounts.total":                                   "is the sum of all discounts applied.",
		"BillingDiscounts.proration":                               "is the discount for the part of the period that had already passed.",
		"PayerCredit.applied_amount":                               "is how much of the payer's balance this charge used.",
		"PayerCredit.remaining_balance":                            "is the payer's balance left after the charge.",
		"ProrationCreditDetail.amount":                             "is the credit given for the unused days.",
		"ProrationCreditDetail.cycle_days_remaining":               "is how many days of the billing period were left unused.",
		"ProrationCreditDetail.cycle_days_total":                   "is the length of the billing period in days.",
		"ProrationCreditDetail.cycle_remaining_percent":            "is the unused share of the billing period, in percent.",
		"ProrationDiscount.amount":                                 "is the discount for the days already passed.",
		"ProrationDiscount.cycle_days_passed":                      "is how many days of the billing period had passed.",
		"ProrationDiscount.cycle_days_total":                       "is the length of the billing period in days.",
		"ProrationDiscount.cycle_passed_percent":                   "is the share of the billing period already passed, in percent.",
		"SubscriptionCredit.amount":                                "is the credit given for the unused part of the period.",
		"SubscriptionCredit.cycle_remaining_percent":               "is the unused share of the billing period, in percent.",
		"CreditBalance.balance":                                    "is the payer's credit balance; nil when the payer never had credits.",
		"CreditLedgerEntry.amount":                                 "is the change to the payer's credit balance.",
		"CreditLedgerEntry.payer_id":                               "is the ID of the Payer whose balance changed.",
		"CreditLedgerEntry.source_id":                              "is the ID of what caused the change; SourceType says what kind of object it is.",
		"CreditLedgerEntry.source_type":                            `is the kind of object that caused the change, e.g. "grant".`,
		"DiscountRedemption.amount":                                "is what the discount takes off the item's next renewal, when the next payment is known.",
		"DiscountRedemption.amount_off":                            "is the fixed amount taken off when Effect is fixed_amount.",
		"DiscountRedemption.percent_off":                           "is the percentage taken off when Effect is percentage.",
		"DiscountRedemption.cycles_applied":                        "counts the billing periods the discount has already reduced.",
		"DiscountRedemption.cycles_remaining":                      "counts the billing periods the discount will still reduce; nil means it never runs out.",
		"DiscountRedemption.effect":                                "is the kind of discount, as it was when redeemed.",
		"DiscountRedemption.redeemed_by":                           "is the ID of whoever redeemed the discount, when known.",
		"DiscountRedemption.subscription_item_id":                  "is the ID of the SubscriptionItem the discount applies to.",
		"DiscountRedemption.discount_id":                           "is the ID of the discount redeemed.",
		"Payer.user_id":                                            "is the ID of the paying user; set only when the payer is a user.",
		"Payer.organization_id":                                    "is the ID of the paying organization; set only when the payer is an organization.",
		"Payer.organization_name":                                  "is the name of the paying organization; set only when the payer is an organization.",
		"Payer.credits_balance":                                    "is the payer's credit balance.",
		"Payee.gateway_type":                                       "names the payment gateway, e.g. stripe.",
		"Payee.gateway_external_id":                                "is the payee's ID at the payment gateway.",
		"Payee.gateway_status":                                     "is the payee's state as the payment gateway reports it.",
		"PaymentAttempt.amount":                                    "is the amount the attempt tried to collect.",
		"PaymentAttempt.charge_type":                               `says why the payment was taken: "checkout" or "recurring".`,
		"PaymentAttempt.billing_date":                              "is the day the payment bills for, in Unix milliseconds.",
		"PaymentAttempt.failed_reason":                             "explains a failed payment; null unless Status is failed.",
		"PaymentAttempt.gateway_external_id":                       "is the payment's ID at the payment gateway.",
		"PaymentAttempt.payee":                                     "is the account that receives the payment; it decodes into Payee.",
		"PaymentAttempt.subscription_item":                         "is the subscription item the payment is for; it decodes into SubscriptionItem.",
		"PaymentAttempt.statement_id":                              "is the ID of the BillingStatement listing the payment.",
		"PaymentAttempt.payment_id":                                "is the ID of the payment this attempt tries to collect.",
		"PaymentFailedReason.code":                                 `is a broad cause, e.g. "card_declined" or "insufficient_funds".`,
		"PaymentFailedReason.decline_code":                         "is the payment processor's own, more precise reason.",
		"PaymentMethod.card_type":                                  "is the card brand, e.g. visa; nil for methods that are not cards.",
		"PaymentMethod.last4":                                      "is the last four digits of the card; nil for methods that are not cards.",
		"PaymentMethod.expiry_month":                               "is the card's expiry month, 1 to 12; cards only.",
		"PaymentMethod.expiry_year":                                "is the card's four-digit expiry year; cards only.",
		"PaymentMethod.is_default":                                 "is true for the method the payer's charges use unless another is chosen.",
		"PaymentMethod.is_removable":                               "is false when the payer may not remove the method.",
		"PaymentMethod.gateway":                                    "names the payment gateway, e.g. stripe.",
		"PaymentMethod.gateway_external_id":                        "is the method's ID at the payment gateway.",
		"PaymentMethod.wallet_type":                                "is the digital wallet the card sits in, when there is one.",
		"Subscription.items":                                       "lists the subscription's items, one per plan and period the subscription went through.",
		"Subscription.subscription_items":                          "lists the subscription's items.",
		"Subscription.latest_payment_id":                           "is the ID of the subscription's most recent PaymentAttempt.",
		"Subscription.payment_method_id":                           "is the ID of the PaymentMethod charges use.",
		"Subscription.eligible_for_free_trial":                     "is true when the payer may still start a free trial.",
		"Subscription.canceled_at":                                 "is when the subscription was canceled, in Unix milliseconds; null when it was not.",
		"Subscription.ended_at":                                    "is when the subscription ended, in Unix milliseconds; null while it has not.",
		"SubscriptionItem.amount":                                  "is what the item currently costs per period.",
		"SubscriptionItem.interval":                                `is how often the item bills, e.g. "month" or "annual".`,
		"SubscriptionItem.plan_period":                             "is how often the item bills.",
		"SubscriptionItem.is_free_trial":                           "is true while the item is in its free trial.",
		"SubscriptionItem.lifetime_paid":                           "is the sum of everything paid for the item so far.",
		"SubscriptionItem.period_start":                            "is when the current billing period began, in Unix milliseconds.",
		"SubscriptionItem.period_end":                              "is when the current billing period ends, in Unix milliseconds.",
		"SubscriptionItem.price_id":                                "is the ID of the BillingPrice the item bills at.",
		"SubscriptionItem.payment_method_id":                       "is the ID of the PaymentMethod the item is charged to.",
		"SubscriptionItem.proration_date":                          "is the day the item's charge is prorated from; only some answers carry it.",
		"SubscriptionItem.subscription_id":                         "is the ID of the Subscription holding the item; set when the item comes on its own in an event, null inside a subscription event.",
		"SubscriptionItem.credit":                                  "is the older, proration-only form of Credits; prefer Credits.",
		"PaymentAttemptSubscriptionItem.credit":                    "is the older, proration-only form of Credits; prefer Credits.",
		"PaymentAttemptSubscriptionItem.lifetime_paid":             "is the sum paid for the item so far, in the currency's smallest unit.",
		"PaymentAttemptSubscriptionItem.next_payment_amount":       "is the next charge for the item, in the currency's smallest unit.",
		"PaymentAttemptSubscriptionItem.next_payment_date":         "is the day of the item's next charge, in Unix milliseconds.",
		"PaymentAttemptSubscriptionItem.period_start":              "is when the item's billing period began, in Unix milliseconds.",
		"PaymentAttemptSubscriptionItem.period_end":                "is when the item's billing period ended, in Unix milliseconds.",
		"PriceTransitionDetails.charged_immediately":               "is true when the change was charged at once rather than at renewal.",
		"PriceTransitionDetails.immediate_charge":                  "is what was charged at once, if anything.",
		"PriceTransitionDetails.next_billing_date":                 "is the day of the next charge, in Unix milliseconds.",
		"PriceTransitionDetails.previous_subscription_item_id":     "is the ID of the SubscriptionItem the change replaced.",
		"PriceTransitionDetails.previous_subscription_item_status": "is what became of the replaced item.",
		"BillingStatement.timestamp":                               "is when the statement was created, in Unix milliseconds.",
		"BillingStatement.groups":                                  "groups the statement's payment attempts by day.",
		"BillingStatementGroupItem.timestamp":                      "is the day the group's payment attempts were made, in Unix milliseconds.",
		"BillingFeature.avatar_url":                                "is the URL of the feature's image, when it has one.",
		"Plan.avatar_url":                                          "is the URL of the plan's image, when it has one.",
	}
	for _, t := range []string{"BillingTotals", "BillingStatementTotals"} {
		for k, v := range totals {
			docs[t+"."+k] = v
		}
	}
	return docs
}

// enterpriseFieldDocs covers enterprise and SAML connections, directories
// and the admin portal.
func enterpriseFieldDocs() map[string]string {
	testParsed := "as the test run read it from the identity provider's answer."
	docs := map[string]string{
		"EnterpriseConnection.active":                         "is false while the connection is turned off and users cannot sign in through it.",
		"EnterpriseConnection.provider":                       "names the identity provider, e.g. saml_okta or oidc_custom.",
		"EnterpriseConnection.oauth_config":                   "is the OpenID Connect (or EASIE) setup; present only for connections of that kind.",
		"EnterpriseConnection.saml_connection":                "is the SAML setup; present only for SAML connections.",
		"EnterpriseConnection.organization_id":                "is the ID of the organization whose members the connection serves, when it is tied to one.",
		"EnterpriseConnection.domains":                        "lists the email domains whose users sign in through the connection.",
		"EnterpriseConnection.custom_attributes":              "lists the identity provider's attributes copied to the user's metadata at SSO sign-in or SCIM provisioning.",
		"EnterpriseConnectionOAuthConfig.provider_key":        "names the provider, e.g. oidc_custom.",
		"EnterpriseConnectionOAuthConfig.requires_pkce":       "is true when sign-ins must use PKCE.",
		"EnterpriseConnectionOAuthConfig.discovery_url":       "is the OpenID Connect discovery document the other URLs are read from.",
		"EnterpriseConnectionOAuthConfig.auth_url":            "is the provider's authorization endpoint, as configured or discovered.",
		"EnterpriseConnectionOAuthConfig.token_url":           "is the provider's token endpoint, as configured or discovered.",
		"EnterpriseConnectionOAuthConfig.user_info_url":       "is the provider's userinfo endpoint, as configured or discovered.",
		"EnterpriseConnectionOAuthConfig.client_id":           "is the client ID Clerk uses at the provider.",
		"EnterpriseConnectionSAMLConnection.idp_entity_id":    "is the identity provider's entity ID; present only when the call loaded the connection's details.",
		"EnterpriseConnectionSAMLConnection.idp_sso_url":      "is the identity provider's sign-in URL; present only when the call loaded the connection's details.",
		"EnterpriseConnectionSAMLConnection.idp_metadata_url": "is where Clerk fetches the identity provider's metadata; present only when the call loaded the connection's details.",
		"SAMLConnectionLoginHint.mode":                        "decides what Clerk sends the identity provider as login_hint: the user's email address, a metadata value (Source), or nothing.",
		"SAMLConnectionLoginHint.source":                      "is the public metadata key whose value is sent when Mode is custom_attribute.",
		"EnterpriseConnectionSAMLConnectionLoginHint.mode":    "decides what Clerk sends the identity provider as login_hint: the user's email address, a metadata value (Source), or nothing.",
		"EnterpriseConnectionSAMLConnectionLoginHint.source":  "is the public metadata key whose value is sent when Mode is custom_attribute.",
		"SAMLConnection.provider":                             "names the identity provider, e.g. saml_okta or saml_custom.",
		"SAMLConnection.domain":                               "is the older single-domain form of Domains; prefer Domains.",
		"SAMLConnection.domains":                              "lists the email domains whose users sign in through the connection.",
		"SAMLConnection.idp_certificate":                      "is the identity provider's signing certificate, which Clerk checks assertions against.",
		"SAMLConnection.idp_certificate_issued_at":            "is when the IdP certificate becomes valid (X.509 NotBefore), in Unix milliseconds; nil when no certificate is set.",
		"SAMLConnection.idp_certificate_expires_at":           "is when the IdP certificate stops being valid (X.509 NotAfter), in Unix milliseconds; nil when no certificate is set.",
		"SAMLConnection.idp_metadata":                         "is the identity provider's metadata XML, when it was uploaded rather than fetched.",
		"SAMLConnection.user_count":                           "counts the users linked to the connection.",
		"SAMLConnection.attribute_mapping":                    "names the SAML attributes Clerk reads each user field from.",
		"SAMLConnection.organization_id":                      "is the ID of the organization whose members the connection serves, when it is tied to one.",
		"SAMLConnection.enterprise_connection_id":             "is the ID of the EnterpriseConnection that now holds this SAML connection.",
		"SAMLConnectionAttributeMapping.user_id":              "is the SAML attribute read as the user's ID at the identity provider.",
		"SAMLConnectionAttributeMapping.email_address":        "is the SAML attribute read as the user's email address.",
		"SAMLConnectionAttributeMapping.first_name":           "is the SAML attribute read as the user's first name.",
		"SAMLConnectionAttributeMapping.last_name":            "is the SAML attribute read as the user's last name.",
		"EnterpriseAccount.enterprise_connection_id":          "is the ID of the EnterpriseConnection the account signs in through.",
		"EnterpriseAccountConnection.protocol":                "is how users sign in through the connection: oauth or saml.",
		"SAMLAccount.saml_connection":                         "is the SAML connection the account signs in through.",
		"CustomAttribute.key":                                 "is the metadata key the value is stored under.",
		"CustomAttribute.multi_valued":                        "makes the attribute hold every value the identity provider sends, as an array in public metadata; false by default.",
		"CustomAttribute.directory_path":                      "is the GJSON path that finds the value in a directory (SCIM) user resource.",
		"CustomAttribute.scim_path":                           "is the older name of DirectoryPath and holds the same value.",
		"CustomAttribute.sso_path":                            "is the path that finds the value in the SSO claims (SAML assertion or OIDC claims).",
		"Directory.api_key":                                   "is the key the directory authenticates provisioning requests with; sent only when the directory is created or its key rotated.",
		"Directory.endpoint_url":                              "is the SCIM endpoint the identity provider sends provisioning requests to.",
		"Directory.attribute_mapping":                         "maps each user attribute to the directory attribute path it is read from.",
		"Directory.enterprise_connection_id":                  "is the ID of the EnterpriseConnection the directory provisions users for.",
		"Directory.group_role_mapping_enabled":                "is true when directory groups map to organization roles.",
		"Directory.custom_attributes":                         "lists the directory's attributes copied to the user's metadata; the instance needs the custom attributes feature.",
		"Directory.provider":                                  "names the identity provider the directory syncs from.",
		"EnterpriseConnectionTestRun.logs":                    "holds what happened during the test, step by step.",
		"EnterpriseConnectionTestRun.oauth":                   "holds the raw OAuth exchange; present for OIDC connections.",
		"EnterpriseConnectionTestRun.saml":                    "holds the raw SAML exchange; present for SAML connections.",
		"EnterpriseConnectionTestRunLogItem.message":          "is the entry's full text, for a person to read.",
		"EnterpriseConnectionTestRunLogItem.short_message":    "is a one-line summary of the entry.",
		"EnterpriseConnectionTestRunOAuth.user_info":          "is the raw answer of the provider's userinfo endpoint.",
		"EnterpriseConnectionTestRunOAuth.id_token":           "is the raw ID token the provider returned.",
		"EnterpriseConnectionTestRunOAuth.access_token":       "is the raw access token the provider returned.",
		"EnterpriseConnectionTestRunSAML.saml_request":        "is the SAML request Clerk sent to the identity provider.",
		"EnterpriseConnectionTestRunSAML.saml_response":       "is the SAML response the identity provider sent back.",
		"EnterpriseConnectionTestRunSAML.relay_state":         "is the RelayState value passed through the exchange.",
		"EnterpriseConnectionTestRunURL.url":                  "is a short-lived link that starts the test sign-in.",
		"LinkToken.admin_portal_link_id":                      "is the ID of the admin portal link the token was issued for.",
		"LinkToken.it_contact_id":                             "is your own reference for the IT contact the link was sent to, opaque to Clerk.",
		"LinkToken.organization_id":                           "is the ID of the organization the link is limited to; nil for a link not tied to an existing organization.",
		"LinkToken.scopes":                                    "lists the scopes you gave when creating the token.",
		"CreatedLinkToken.admin_portal_link_id":               "is the ID of the admin portal link the token was issued for.",
		"CreatedLinkToken.it_contact_id":                      "is your own reference for the IT contact the link was sent to, opaque to Clerk.",
		"CreatedLinkToken.organization_id":                    "is the ID of the organization the link is limited to; nil for a link not tied to an existing organization.",
		"CreatedLinkToken.scopes":                             "lists the scopes you gave when creating the token.",
		"CreatedLinkToken.token":                              "is the single-use token that goes into the admin portal URL; only the create call returns it, so treat it as a secret.",
	}
	for _, f := range []string{"email_address", "first_name", "last_name", "user_id"} {
		docs["EnterpriseConnectionTestRunParsedUserInfo."+f] = "is the value " + testParsed
	}
	return docs
}

// instanceFieldDocs covers the instance, its domains and settings, redirect
// URLs, templates and messages.
func instanceFieldDocs() map[string]string {
	return map[string]string{
		"AuthConfig.enhanced_email_deliverability":                     "sends production authentication emails through Clerk's older managed delivery path; deprecated.",
		"Template.subject":                                             "is the subject line; email templates only.",
		"Instance.environment_type":                                    "is the kind of environment, e.g. development or production.",
		"Instance.allowed_origins":                                     "lists the origins allowed to call the Frontend API from a browser (CORS).",
		"Instance.workspace_id":                                        "is the ID of the Clerk workspace owning the instance's application; nil when nobody owns it.",
		"InstanceCommunicationSettings.blocked_country_codes":          "lists ISO 3166-1 alpha-2 codes of countries Clerk sends no SMS to; unknown codes are dropped.",
		"InstanceProtectSettings.checks_bypassed":                      "is true when the instance declared that it meets Protect's prerequisites and skipped their checks.",
		"InstanceRestrictions.allowlist":                               "is true when only allowlisted identifiers may sign up (and sign in, unless AllowlistBlocklistDisabledOnSignIn).",
		"InstanceRestrictions.blocklist":                               "is true when blocklisted identifiers may not sign up (nor sign in, unless AllowlistBlocklistDisabledOnSignIn).",
		"InstanceRestrictions.allowlist_blocklist_disabled_on_sign_in": "is true when the allowlist and blocklist apply at sign-up only, not at sign-in.",
		"InstanceRestrictions.block_email_subaddresses":                "refuses addresses with a subaddress (user+tag@...).",
		"InstanceRestrictions.block_disposable_email_domains":          "refuses addresses from known throwaway email services.",
		"AuthConfig.restricted_to_allowlist":                           "is true when only allowlisted identifiers may sign up.",
		"Domain.is_satellite":                                          "is true for a satellite domain, which reuses the primary domain's sessions.",
		"Domain.frontend_api_url":                                      "is the Frontend API URL of the domain, e.g. https://clerk.example.com.",
		"Domain.accounts_portal_url":                                   "is the URL of the hosted Account Portal; null for a satellite domain.",
		"Domain.proxy_url":                                             "is the URL the Frontend API is proxied through, when a proxy is set.",
		"Domain.cname_targets":                                         "lists the DNS CNAME records to create for the domain.",
		"CNAMETarget.host":                                             "is the DNS name to create the record at.",
		"CNAMETarget.value":                                            "is the name the record must point to.",
		"CNAMETarget.required":                                         "is true when the domain is not deployed until this record exists.",
		"ProxyCheck.successful":                                        "is true when the proxy answered as Clerk expects.",
		"ProxyCheck.last_run_at":                                       "is when the check last ran, in Unix milliseconds.",
		"RedirectURL.url":                                              "is the URL allowed as a redirect target, e.g. a native app's custom scheme.",
		"SvixURL.svix_url":                                             "is a short-lived link into the Svix dashboard for your webhook endpoints.",
		"Template.resource_type":                                       "says whether the template is the system default or your override of it.",
		"Template.template_type":                                       "is email or sms.",
		"Template.body":                                                "is the template text before variables are filled in.",
		"Template.markup":                                              "is the editor markup the body is generated from.",
		"Template.available_variables":                                 "lists the variables the body may use.",
		"Template.required_variables":                                  "lists the variables the body must contain.",
		"Template.position":                                            "is the template's place when templates are listed.",
		"Template.can_toggle":                                          "is true when the template can be turned on or off; only notification SMS templates can.",
		"Template.can_revert":                                          "is true when the template can go back to the system default.",
		"Template.can_edit_body":                                       "is false when the body is fixed.",
		"Template.can_delete":                                          "is false for templates that cannot be removed.",
		"Template.flagged_as_suspicious":                               "is true when Clerk flagged the template's content and may refuse to send it.",
		"Template.delivered_by_clerk":                                  "is false when you deliver these messages yourself, from the email.created or sms.created events.",
		"EmailMessage.delivered_by_clerk":                              "is false when you must deliver the message yourself; Clerk only hands it over in the event.",
		"SMSMessage.delivered_by_clerk":                                "is false when you must deliver the message yourself; Clerk only hands it over in the event.",
		"EmailMessage.body":                                            "is the message as HTML.",
		"EmailMessage.body_plain":                                      "is the message as plain text.",
		"EmailMessage.data":                                            "holds the values the template was filled with.",
		"SMSMessage.data":                                              "holds the values the template was filled with.",
		"EmailMessage.email_address_id":                                "is the ID of the recipient's EmailAddress, when the recipient is a user.",
		"EmailMessage.user_id":                                         "is the ID of the recipient user, when there is one.",
		"EmailMessage.slug":                                            "names the template the message was made from, e.g. verification_code.",
		"EmailMessage.from_email_name":                                 "is the local part (before the @) of the sender address.",
		"SMSMessage.slug":                                              "names the template the message was made from.",
		"SMSMessage.message":                                           "is the text of the SMS.",
		"SMSMessage.phone_number_id":                                   "is the ID of the recipient's PhoneNumber, when the recipient is a user.",
		"SMSMessage.user_id":                                           "is the ID of the recipient user, when there is one.",
		"SMSMessage.created_at_ms":                                     "is when the message was created, in Unix milliseconds.",
		"SMSMessage.created_at":                                        "is when the message was created, in Unix milliseconds.",
	}
}

// expiryFieldDocs covers the expiry and abandonment times that mean
// something different in each model.
func expiryFieldDocs() map[string]string {
	docs := map[string]string{
		"SignUp.abandon_at":                        "is when the unfinished sign-up is dropped, in Unix milliseconds.",
		"Verification.expire_at":                   "is when the code or link sent for the verification stops working, in Unix milliseconds.",
		"VerificationPasskey.expire_at":            "is when the passkey challenge stops being accepted, in Unix milliseconds.",
		"OrganizationDomainVerification.expire_at": "is when the pending verification lapses, in Unix milliseconds.",
		"OAuthAccessToken.expires_at":              "is when the provider's access token expires, in Unix milliseconds.",
		"TestingToken.expires_at":                  "is when the token stops being accepted, in Unix milliseconds.",
	}
	for _, t := range []string{"Invitation", "OrganizationInvitation", "AcceptedOrganizationInvitation", "OrganizationInvitationWithPublicOrganizationData"} {
		docs[t+".expires_at"] = "is when the invitation can no longer be accepted, in Unix milliseconds."
	}
	return docs
}
