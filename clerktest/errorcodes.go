package clerktest

import "net/http"

// ErrorCode is one error code the emulator answers, with where it comes from.
type ErrorCode struct {
	Code   string // the errors[].code value
	Status int    // the HTTP status it is sent with
	// Source says where the code and status come from: a section of
	// Clerk's Backend API error index (clerk.com/docs/guides/development/
	// errors/backend-api), or why it is a guess.
	Source string
	// Guessed is true when no Clerk document gives the code for this case.
	Guessed bool
}

const errorIndex = "Clerk Backend API error index, "

// ErrorCodes lists every error code the emulator can answer and its source,
// so a test author knows which answers are documented and which are the
// emulator's best guess.
func ErrorCodes() []ErrorCode {
	return []ErrorCode{
		{"actor_token_cannot_be_revoked_code", http.StatusBadRequest, errorIndex + "Actor Tokens: ActorTokenCannotBeRevoked", false},
		{"agent_task_not_found", http.StatusNotFound, errorIndex + "Agent Tasks: AgentTaskNotFound", false},
		{"agent_task_subject_not_found", http.StatusNotFound, errorIndex + "Agent Tasks: AgentTaskSubjectNotFound", false},
		{"verification_already_verified", http.StatusBadRequest, "named by the spec's attempt_verification description; the status is guessed", true},
		{"primary_domain_already_exists", http.StatusUnprocessableEntity, errorIndex + "Domains: PrimaryDomainAlreadyExists", false},
		{"operation_not_allowed_on_primary_domain", http.StatusForbidden, errorIndex + "Domains: OperationNotAllowedOnPrimaryDomain", false},
		{"invalid_proxy_configuration", http.StatusUnprocessableEntity, errorIndex + "Domains: InvalidProxyConfiguration (code, status and long message); the short message is guessed", true},
		{"svix_app_missing", http.StatusBadRequest, errorIndex + "Webhooks: SvixAppMissing", false},
		{"totp_disabled", http.StatusBadRequest, errorIndex + "Users: TOTPDisabled", false},
		{"form_code_incorrect", http.StatusUnprocessableEntity, "the spec gives 422 for a wrong code on verify_totp; the code is the Frontend API's for a wrong verification code, guessed for the Backend API", true},
		{"form_already_exists", http.StatusUnprocessableEntity, errorIndex + "Forms: FormAlreadyExists", false},
		{"duplicate_record", http.StatusConflict, "not in the error index; assigning a permission a role already has is guessed (the spec gives 409)", true},
		{"role_in_use", http.StatusUnprocessableEntity, "not in the error index; deleting a role members hold is guessed", true},
		{"form_username_invalid_length", http.StatusUnprocessableEntity, errorIndex + "Forms: FormInvalidUsernameLength", false},
		{"form_data_missing", http.StatusUnprocessableEntity, errorIndex + "Users: UserDataMissing", false},
		{"invalid_session_token", http.StatusBadRequest, errorIndex + "Sessions: InvalidSessionToken", false},
		{"session_refresh_session_not_found", http.StatusUnauthorized, errorIndex + "Session Refresh: SessionRefreshSessionNotFound", false},
		{"expired_session_token_invalid", http.StatusUnauthorized, errorIndex + "Session Refresh: SessionRefreshExpiredSessionTokenInvalid", false},
		{"refresh_sid_mismatch", http.StatusUnauthorized, errorIndex + "Session Refresh: SessionRefreshSIDMismatch", false},
		{"session_refresh_inactive_session", http.StatusUnauthorized, errorIndex + "Session Refresh: SessionRefreshInactiveSession", false},
		{"organization_domain_already_exists", http.StatusUnprocessableEntity, errorIndex + "Organizations: OrganizationDomainAlreadyExists", false},
		{"template_type_unsupported", http.StatusBadRequest, errorIndex + "Templates: TemplateTypeUnsupported", false},
		{"required_variable_missing", http.StatusUnprocessableEntity, errorIndex + "Templates: RequiredVariableMissing", false},
		{"saml_connection_cant_be_activated", http.StatusUnprocessableEntity, errorIndex + "Saml: SAMLConnectionCantBeActivated", false},
		{"sign_in_token_cannot_be_revoked_code", http.StatusBadRequest, errorIndex + "Sign In Tokens: SignInTokenCannotBeRevoked", false},
		{"already_a_member_in_organization", http.StatusUnprocessableEntity, "not in the error index; code and status guessed", true},
		{"group_role_mapping_not_enabled", http.StatusBadRequest, "the spec says a directory's mappings change only when group role mapping is enabled on it (400); the code and message are guessed", true},
		{"api_version_invalid", http.StatusBadRequest, "Clerk's versioning docs: both version sources at once, or an invalid version, is an invalid request; the code and status are guessed", true},
		{"authorization_header_missing", http.StatusUnauthorized, "not in the error index (it lists authorization_header_format_invalid and clerk_key_invalid); guessed", true},
		{"cookie_invalid_code", http.StatusUnauthorized, errorIndex + "Cookies: InvalidRotatingToken (a refresh token that is not the session's; the 401 is the refresh operation's documented status)", false},
		{"clerk_key_invalid", http.StatusUnauthorized, errorIndex + "Auth: InvalidClerkSecretKey", false},
		{"duplicate_record", http.StatusBadRequest, errorIndex + "Invitations: DuplicateInvitations", false},
		{"flush_timeout", http.StatusGatewayTimeout, "the emulator's own: the control API's flush timed out with deliveries pending", false},
		{"form_resource_not_found", http.StatusUnprocessableEntity, errorIndex + "Forms: FormMissingResource", false},
		{"form_identifier_exists", http.StatusUnprocessableEntity, errorIndex + "Forms: FormIdentifierExists", false},
		{"form_param_format_invalid", http.StatusUnprocessableEntity, errorIndex + "Forms: FormInvalidEmailAddress", false},
		{"form_param_missing", http.StatusBadRequest, errorIndex + "Images: RequestWithoutImage", false},
		{"form_param_missing", http.StatusUnprocessableEntity, errorIndex + "Forms: FormMissingParameter", false},
		{"form_param_type_invalid", http.StatusUnprocessableEntity, errorIndex + "Forms: FormInvalidTypeParameter", false},
		{"form_param_unknown", http.StatusUnprocessableEntity, errorIndex + "Forms: FormUnknownParameter; sending it for a metadata field API version 2026-05-12 removed from PATCH users and organizations is guessed (Clerk's upgrade guide says only that the field is no longer accepted)", false},
		{"form_param_value_invalid", http.StatusUnprocessableEntity, errorIndex + "Forms: FormInvalidParameterValue (also used for invalid query values, where Clerk may send invalid_query_parameter_value 400)", false},
		{"form_param_value_invalid", http.StatusBadRequest, "the spec: min_remaining_ttl_seconds not below the token lifetime is a 400; the code is guessed", true},
		{"form_password_length_too_short", http.StatusUnprocessableEntity, errorIndex + "Forms: FormInvalidPasswordLengthTooShort", false},
		{"gone", http.StatusGone, "not in the error index; the answer to the session verify endpoint, which this API version no longer documents, is guessed", true},
		{"incorrect_password", http.StatusUnprocessableEntity, errorIndex + "Users: IncorrectPassword", false},
		{"injected_failure", 0, "the emulator's own: a fault injected with a 4xx status other than 429", false},
		{"internal_clerk_error", http.StatusInternalServerError, errorIndex + "Internal: Unexpected", false},
		{"invitation_already_accepted", http.StatusBadRequest, errorIndex + "Invitations: InvitationAlreadyAccepted", false},
		{"invitation_already_revoked", http.StatusBadRequest, errorIndex + "Invitations: InvitationAlreadyRevoked", false},
		{"machine_secret_key_invalid", http.StatusUnauthorized, "clerk/javascript packages/backend M2MTokenApi tests: the answer to POST /m2m_tokens with an instance secret key", false},
		{"method_not_allowed", http.StatusMethodNotAllowed, "not in the error index; the answer for a spec path with another method is guessed", true},
		{"no_password_set", http.StatusBadRequest, errorIndex + "Users: NoPasswordSet", false},
		{"not_an_admin_in_organization", http.StatusForbidden, "not in the error index; revoking an organization invitation for a requesting_user_id who is not an admin is guessed", true},
		{"not_implemented", http.StatusNotImplemented, "the emulator's own: an operation of the spec clerktest does not answer", false},
		{"organization_creator_not_found", http.StatusBadRequest, errorIndex + "Organizations: OrganizationCreatorNotFound", false},
		{"organization_invitation_not_unique", http.StatusBadRequest, errorIndex + "Organizations: OrganizationInvitationNotUnique", false},
		{"organization_membership_quota_exceeded", http.StatusForbidden, "not in the error index; the code of the membership-limit error is guessed from the Quota exceeded family", true},
		{"request_body_invalid", http.StatusBadRequest, errorIndex + "Requests: InvalidRequestBody", false},
		{"resource_not_found", http.StatusNotFound, errorIndex + "Users: UserNotFound (and the other *NotFound entries)", false},
		{"session_not_active", http.StatusBadRequest, "not in the error index; revoking an ended session is guessed", true},
		{"subscription_item_ended", http.StatusBadRequest, "not in the error index; cancelling an ended subscription item is guessed", true},
		{"subscription_item_not_in_free_trial", http.StatusBadRequest, "not in the error index; extending a trial that is not one is guessed", true},
		{"too_many_requests", http.StatusTooManyRequests, "not in the error index; the code of a 429 is guessed (the status and Retry-After are documented)", true},
	}
}
