package tests

import (
	"slices"
	"sync"
)

// allowedAbsences are the (route, field) pairs whose declared field an
// emulator answer may still leave out, each group with its reason; array
// indices are dropped from field paths. Anything else the spec declares
// must be in the answer (checkDeclaredFields). The list is exact (TestMain
// fails a full CI run on an entry no answer needed) and only shrinks; each
// reason is Clerk's behaviour, what the spec allows, or a stated guess.
var allowedAbsences = map[string]map[string]string{
	"/actor_tokens/{actor_token_id}/revoke": {
		"token": reasonClerkOptional,
		"url":   reasonClerkOptional,
	},
	"/allowlist_identifiers": {
		"invitation_id": reasonClerkOptional,
	},
	"/allowlist_identifiers/{identifier_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/billing/subscription_items/{subscription_item_id}/discounts": {
		"promo_code": reasonNotNullable,
	},
	"/billing/subscription_items/{subscription_item_id}/discounts/{discount_id}": {
		"promo_code": reasonNotNullable,
	},
	"/billing/subscription_items/{subscription_item_id}/extend_free_trial": {
		"payer.organization_id":   reasonPayerKind,
		"payer.organization_name": reasonPayerKind,
	},
	"/billing/subscription_items/{subscription_item_id}/price_transition": {
		"subscription_item.payer.organization_id":   reasonPayerKind,
		"subscription_item.payer.organization_name": reasonPayerKind,
	},
	"/blocklist_identifiers/{identifier_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/directories/{directory_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/domains/{domain_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/email_addresses/{email_address_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/enterprise_connections/{enterprise_connection_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/jwks": {
		"keys.x5c":      reasonJWKS,
		"keys.x5t":      reasonJWKS,
		"keys.x5t#S256": reasonJWKS,
		"keys.x5u":      reasonJWKS,
	},
	"/jwt_templates/{template_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/oauth_applications/{oauth_application_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/organization_memberships": {
		"organization.last_active_at":            reasonOrgOptional,
		"organization.members_count":             reasonOrgOptional,
		"organization.pending_invitations_count": reasonOrgOptional,
	},
	"/organization_permissions/{permission_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/organization_roles/{organization_role_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/organizations": {
		"created_by":                reasonOrgOptional,
		"last_active_at":            reasonOrgOptional,
		"members_count":             reasonOrgOptional,
		"pending_invitations_count": reasonOrgOptional,
	},
	"/organizations/{organization_id}": {
		"external_id":               reasonDeleted,
		"last_active_at":            reasonOrgOptional,
		"members_count":             reasonOrgOptional,
		"pending_invitations_count": reasonOrgOptional,
	},
	"/organizations/{organization_id}/domains/{domain_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/organizations/{organization_id}/logo": {
		"last_active_at":            reasonOrgOptional,
		"members_count":             reasonOrgOptional,
		"pending_invitations_count": reasonOrgOptional,
	},
	"/organizations/{organization_id}/memberships": {
		"organization.created_by":                reasonOrgOptional,
		"organization.last_active_at":            reasonOrgOptional,
		"organization.members_count":             reasonOrgOptional,
		"organization.pending_invitations_count": reasonOrgOptional,
	},
	"/organizations/{organization_id}/memberships/{user_id}": {
		"organization.created_by":                reasonOrgOptional,
		"organization.last_active_at":            reasonOrgOptional,
		"organization.members_count":             reasonOrgOptional,
		"organization.pending_invitations_count": reasonOrgOptional,
	},
	"/organizations/{organization_id}/memberships/{user_id}/metadata": {
		"organization.last_active_at":            reasonOrgOptional,
		"organization.members_count":             reasonOrgOptional,
		"organization.pending_invitations_count": reasonOrgOptional,
	},
	"/organizations/{organization_id}/metadata": {
		"last_active_at":            reasonOrgOptional,
		"members_count":             reasonOrgOptional,
		"pending_invitations_count": reasonOrgOptional,
	},
	"/phone_numbers/{phone_number_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/redirect_urls/{id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/role_sets/{role_set_key_or_id}/replace": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/saml_connections/{saml_connection_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/scim_directories/{scim_directory_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/templates/{template_type}/{slug}": {
		"from_email_name":     reasonSMSTemplate,
		"markup":              reasonSMSTemplate,
		"reply_to_email_name": reasonSMSTemplate,
	},
	"/users/{user_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
	"/organizations/{organization_id}/billing/subscription": {
		"next_payment": reasonNotNullable,
	},
	"/users/{user_id}/organization_memberships": {
		"organization.last_active_at":            reasonOrgOptional,
		"organization.members_count":             reasonOrgOptional,
		"organization.pending_invitations_count": reasonOrgOptional,
	},
	"/waitlist_entries/{waitlist_entry_id}": {
		"external_id": reasonDeleted,
		"slug":        reasonDeleted,
	},
}

const reasonDeleted = "a delete answer (DeletedObject) declares external_id and slug; Clerk is assumed to send them only for objects that have them (a guess)"
const reasonPayerKind = "a user's payer has no organization: the payer of the extend-free-trial and price-transition answers (CommercePayerResponse-2) types organization_id and organization_name as strings that cannot be null, and @clerk/backend's BillingPayerJSON types them as optional"

const reasonNotNullable = "the spec declares the field optional and not nullable, so a value that is not there is left out: a manual discount redemption has no promo code, and a subscription with nothing to pay has no next payment (@clerk/backend types a subscription's next_payment as optional and reads no promo_code)"
const reasonClerkOptional = "Clerk's own client types the field as optional (@clerk/backend JSON.ts): an actor token's token and url are shown at creation only, an allowlist identifier has an invitation_id only when notify invited it"

const reasonOrgOptional = "Clerk leaves it out unless asked: the spec fills members_count and pending_invitations_count only when include_members_count is set, and @clerk/backend's OrganizationJSON types members_count, pending_invitations_count, created_by and last_active_at as optional"

const reasonJWKS = "Clerk's JWKS carries bare RSA keys without a certificate chain: @clerk/backend's JwksKeyJSON has only use, kty, kid, alg, n and e"

const reasonSMSTemplate = "an SMS template has no sender name, reply-to name or markup (the emulator leaves them out of SMS templates; whether Clerk sends them null there is a guess)"

// absencesMet records the allowed absences the contract runs met (from
// parallel tests), so that TestMain can fail on an entry no answer needs
// any more: the list stays exact.
var absencesMet sync.Map

// omittedAllowed reports whether the answer of route may leave out field.
func omittedAllowed(route, field string) bool {
	f := stripIndices(field)
	_, ok := allowedAbsences[route][f]
	if ok {
		absencesMet.Store(route+" "+f, true)
	}
	return ok
}

// staleAbsences returns, sorted, the allowed absences no contract run met.
func staleAbsences() []string {
	var out []string
	for route, fields := range allowedAbsences {
		for f := range fields {
			if _, met := absencesMet.Load(route + " " + f); !met {
				out = append(out, route+" "+f)
			}
		}
	}
	slices.Sort(out)
	return out
}
