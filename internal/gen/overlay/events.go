package overlay

// Event is the Go side of one webhook event type.
type Event struct {
	// Const is the name of the event-type constant and of the typed accessor.
	Const string
	// Payload is the root model the event's data decodes into; it must be the
	// Go name the generator gives the event's data schema.
	Payload string
	// Doc completes "<Const> is sent when ...".
	Doc string
}

// Events maps each webhook event type to its naming.
func Events() map[string]Event {
	return map[string]Event{
		"email.created":                    {"EmailCreated", "EmailMessage", "Clerk queues an email for delivery, or hands one to you to deliver."},
		"organization.created":             {"OrganizationCreated", "Organization", "an organization is created."},
		"organization.updated":             {"OrganizationUpdated", "Organization", "an organization's name, slug, limits or metadata change."},
		"organization.deleted":             {"OrganizationDeleted", "DeletedObject", "an organization is deleted."},
		"organizationDomain.created":       {"OrganizationDomainCreated", "OrganizationDomain", "a domain is added to an organization."},
		"organizationDomain.updated":       {"OrganizationDomainUpdated", "OrganizationDomain", "an organization domain changes, e.g. its verification state."},
		"organizationDomain.deleted":       {"OrganizationDomainDeleted", "DeletedObject", "a domain is removed from an organization."},
		"organizationInvitation.created":   {"OrganizationInvitationCreated", "OrganizationInvitation", "someone is invited to join an organization."},
		"organizationInvitation.accepted":  {"OrganizationInvitationAccepted", "AcceptedOrganizationInvitation", "an invitee joins the organization."},
		"organizationInvitation.revoked":   {"OrganizationInvitationRevoked", "OrganizationInvitation", "a pending organization invitation is withdrawn."},
		"organizationMembership.created":   {"OrganizationMembershipCreated", "OrganizationMembership", "a user becomes a member of an organization."},
		"organizationMembership.updated":   {"OrganizationMembershipUpdated", "OrganizationMembership", "a member's role or membership metadata changes."},
		"organizationMembership.deleted":   {"OrganizationMembershipDeleted", "OrganizationMembership", "a user leaves or is removed from an organization."},
		"paymentAttempt.created":           {"PaymentAttemptCreated", "PaymentAttempt", "a billing payment attempt starts."},
		"paymentAttempt.updated":           {"PaymentAttemptUpdated", "PaymentAttempt", "a billing payment attempt succeeds, fails or otherwise changes."},
		"permission.created":               {"PermissionCreated", "Permission", "a custom permission is defined."},
		"permission.updated":               {"PermissionUpdated", "Permission", "a permission is edited."},
		"permission.deleted":               {"PermissionDeleted", "DeletedObject", "a permission is removed."},
		"role.created":                     {"RoleCreated", "Role", "an organization role is defined."},
		"role.updated":                     {"RoleUpdated", "Role", "a role or its permission set changes."},
		"role.deleted":                     {"RoleDeleted", "DeletedObject", "a role is removed."},
		"session.created":                  {"SessionCreated", "SessionWithUser", "a user signs in and a session starts."},
		"session.pending":                  {"SessionPending", "SessionWithUser", "a session starts but still awaits a required step, such as choosing an organization."},
		"session.ended":                    {"SessionEnded", "SessionWithUser", "a user signs out or the session expires."},
		"session.removed":                  {"SessionRemoved", "SessionWithUser", "a session is removed from the client."},
		"session.revoked":                  {"SessionRevoked", "SessionWithUser", "a session is revoked, e.g. by an admin."},
		"sms.created":                      {"SMSCreated", "SMSMessage", "Clerk queues a text message, or hands one to you to deliver."},
		"subscription.created":             {"SubscriptionCreated", "Subscription", "a payer's billing subscription is created."},
		"subscription.updated":             {"SubscriptionUpdated", "Subscription", "a billing subscription's items or state change."},
		"subscription.active":              {"SubscriptionActive", "Subscription", "a billing subscription becomes active."},
		"subscription.pastDue":             {"SubscriptionPastDue", "Subscription", "a billing subscription has an overdue payment."},
		"subscriptionItem.abandoned":       {"SubscriptionItemAbandoned", "SubscriptionItem", "a scheduled subscription item is superseded before it starts."},
		"subscriptionItem.active":          {"SubscriptionItemActive", "SubscriptionItem", "a subscription item becomes the current one."},
		"subscriptionItem.canceled":        {"SubscriptionItemCanceled", "SubscriptionItem", "a subscription item is set to stop at the end of its period."},
		"subscriptionItem.ended":           {"SubscriptionItemEnded", "SubscriptionItem", "a subscription item stops being active."},
		"subscriptionItem.freeTrialEnding": {"SubscriptionItemFreeTrialEnding", "SubscriptionItem", "a subscription item's free trial is about to run out."},
		"subscriptionItem.incomplete":      {"SubscriptionItemIncomplete", "SubscriptionItem", "a subscription item needs more action from the payer before it can start."},
		"subscriptionItem.pastDue":         {"SubscriptionItemPastDue", "SubscriptionItem", "a payment for a subscription item is overdue."},
		"subscriptionItem.upcoming":        {"SubscriptionItemUpcoming", "SubscriptionItem", "a subscription item is scheduled to start later."},
		"subscriptionItem.updated":         {"SubscriptionItemUpdated", "SubscriptionItem", "a subscription item changes."},
		"user.created":                     {"UserCreated", "User", "a user signs up or is created through the API."},
		"user.updated":                     {"UserUpdated", "User", "a user's profile, identifiers or metadata change."},
		"user.deleted":                     {"UserDeleted", "DeletedObject", "a user is deleted."},
		"waitlistEntry.created":            {"WaitlistEntryCreated", "WaitlistEntry", "someone joins the waitlist."},
		"waitlistEntry.updated":            {"WaitlistEntryUpdated", "WaitlistEntry", "a waitlist entry is invited, rejected or otherwise changes."},
	}
}

// WebhookSchemaNames maps the webhooks spec's component schemas to root
// model names. A schema given the name of a Backend API model is that model:
// its fields are merged into the one Go type. Schemas not listed keep their
// mechanical name, which already matches the Backend API's (User,
// Organization, EmailAddress, ...).
func WebhookSchemaNames() map[string]string {
	return map[string]string{
		"EmailEventPayload":                             "EmailMessage",
		"SmsEventPayload":                               "SMSMessage",
		"SessionEventPayload":                           "SessionWithUser",
		"SessionActivityResponse":                       "SessionActivity",
		"OrganizationInvitationAcceptedPayload":         "AcceptedOrganizationInvitation",
		"PaymentAttemptEventPayload":                    "PaymentAttempt",
		"SubscriptionEventPayload":                      "Subscription",
		"BillingSubscriptionItemEventPayload":           "SubscriptionItem",
		"BillingSubscriptionItem":                       "PaymentAttemptSubscriptionItem",
		"BillingSubscriptionItemEventPlan":              "Plan",
		"BillingSubscriptionItemEventPlanUnitPrice":     "PlanUnitPrice",
		"BillingSubscriptionItemEventPlanUnitPriceTier": "PlanUnitPriceTier",
		"BillingPayerEventPayload":                      "Payer",
		"BillingPayee":                                  "Payee",
		"BillingAmount":                                 "Money",
		"BillingUnitTotal":                              "PerUnitTotal",
		"BillingTotals":                                 "BillingTotals",
		"BillingPaymentSource":                          "PaymentMethod",
		"BillingPaymentFailedReason":                    "PaymentFailedReason",
		"BillingPlan":                                   "Plan",
		"BillingSeats":                                  "SubscriptionItemSeats",
		"BillingSubscriptionCredit":                     "ProrationCreditDetail",
		"BillingSubscriptionPayerCredit":                "PayerCredit",
		"BillingSubscriptionCredits":                    "BillingCredits",
		"ExternalAccountWithVerification":               "ExternalAccount",
		"WebhookEventPayload":                           "EventEnvelope",
	}
}

// MergedUnions are the Go names of inline unions that several parents share:
// every email address, phone number, wallet, passkey and external, SAML or
// enterprise account carries a verification that is one of the same
// variants, so they all decode into one type.
func MergedUnions() map[string]string {
	return map[string]string{"verification_": "Verification"}
}

// MergedModels are root models that several schemas of one object share by
// design, beyond the component names SchemaNames maps together: the answer
// of revoking an invitation is the invitation, and directories and
// enterprise connections describe custom attributes the same way.
func MergedModels() []string {
	return []string{"Invitation", "CustomAttribute"}
}

// Family is a group of root models written to one file.
type Family struct {
	// Prefix selects the models whose name starts with it.
	Prefix string
	// File is the stem of the file, e.g. "user" for user_gen.go.
	File string
}

// ModelFamilies orders the name prefixes that decide a root model's file;
// a model no prefix matches goes to the file of the package that first
// returned it (PackageFamily).
func ModelFamilies() []Family {
	return []Family{
		{"OrganizationMembership", "organization"}, {"OrganizationInvitation", "organization"},
		{"AcceptedOrganizationInvitation", "organization"}, {"OrganizationDomain", "organization"},
		{"Organization", "organization"},
		{"User", "user"}, {"EmailAddress", "user"}, {"PhoneNumber", "user"}, {"Web3Wallet", "user"},
		{"Passkey", "user"}, {"ExternalAccount", "user"}, {"SAMLAccount", "user"},
		{"EnterpriseAccount", "user"}, {"Verification", "user"}, {"IdentificationLink", "user"},
		{"SCIMUserMetadata", "user"}, {"TrustedDevice", "user"},
		{"SessionWithUser", "event"}, {"EmailMessage", "event"}, {"SMSMessage", "event"}, {"EventEnvelope", "event"},
		{"Session", "session"}, {"DeviceClient", "session"},
		{"Billing", "billing"}, {"Plan", "billing"}, {"Subscription", "billing"}, {"Payment", "billing"},
		{"Payer", "billing"}, {"Payee", "billing"}, {"Money", "billing"}, {"PerUnitTotal", "billing"},
		{"Proration", "billing"}, {"Credit", "billing"}, {"Discount", "billing"},
		{"Invitation", "invitation"}, {"Role", "role"}, {"Permission", "role"},
		{"Machine", "machine"}, {"M2M", "machine"}, {"APIKey", "apikey"}, {"JWT", "jwt"}, {"JWKS", "jwt"},
		{"EnterpriseConnection", "enterprise"}, {"SAMLConnection", "enterprise"}, {"Instance", "instance"},
		{"OAuth", "oauth"},
	}
}

// PackageFamily maps a resource package to the file its own models go to.
func PackageFamily(pkg string) string {
	switch pkg {
	case "users", "emailaddresses", "phonenumbers":
		return "user"
	case "organizations":
		return "organization"
	case "sessions", "clients", "signintokens", "actortokens", "testingtokens":
		return "session"
	case "billing":
		return "billing"
	case "m2mtokens", "machines", "agenttasks":
		return "machine"
	case "apikeys":
		return "apikey"
	case "oauthapplications", "oauthaccesstokens":
		return "oauth"
	case "enterpriseconnections", "samlconnections", "directories", "adminportal":
		return "enterprise"
	case "instance", "domains", "redirecturls", "proxychecks", "allowlist", "blocklist", "templates":
		return "instance"
	case "jwks", "jwttemplates":
		return "jwt"
	case "roles", "rolesets", "permissions":
		return "role"
	case "webhooks":
		return "event"
	case "invitations", "waitlist":
		return "invitation"
	case "signups":
		return "signup"
	}
	return pkg
}
