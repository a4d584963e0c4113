package main

// This file is the naming overlay: every Go name the generator emits that is
// not a mechanical conversion of a spec name is decided here, together with
// the one-line docs, written in our own words.

// eventNaming is the Go side of one event type.
type eventNaming struct {
	// Const is the name of the event-type constant and of the typed accessor.
	Const string
	// Payload is the Go type of the event's data; it must agree with
	// schemaNames for the data schema.
	Payload string
	// Doc completes "<Const> is sent when ...".
	Doc string
}

// events maps each spec event type to its naming.
func events() map[string]eventNaming {
	return map[string]eventNaming{
		"email.created":                    {"EmailCreated", "Email", "Clerk queues an email for delivery, or hands one to you to deliver."},
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
		"session.created":                  {"SessionCreated", "Session", "a user signs in and a session starts."},
		"session.pending":                  {"SessionPending", "Session", "a session starts but still awaits a required step, such as choosing an organization."},
		"session.ended":                    {"SessionEnded", "Session", "a user signs out or the session expires."},
		"session.removed":                  {"SessionRemoved", "Session", "a session is removed from the client."},
		"session.revoked":                  {"SessionRevoked", "Session", "a session is revoked, e.g. by an admin."},
		"sms.created":                      {"SMSCreated", "SMS", "Clerk queues a text message, or hands one to you to deliver."},
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

// schemaNames gives the Go type for spec schemas whose mechanical name would
// not read well. Billing schemas use the vocabulary of the billing package.
func schemaNames() map[string]string {
	return map[string]string{
		"EmailEventPayload":                             "Email",
		"SmsEventPayload":                               "SMS",
		"SessionEventPayload":                           "Session",
		"Session":                                       "SessionFields",
		"SessionActivityResponse":                       "SessionActivity",
		"OrganizationInvitationAcceptedPayload":         "AcceptedOrganizationInvitation",
		"OrganizationDomainVerification":                "OrganizationDomainVerification",
		"PaymentAttemptEventPayload":                    "PaymentAttempt",
		"SubscriptionEventPayload":                      "Subscription",
		"BillingSubscriptionItemEventPayload":           "SubscriptionItem",
		"BillingSubscriptionItem":                       "PaymentSubscriptionItem",
		"BillingSubscriptionItemEventPlan":              "SubscriptionItemPlan",
		"BillingSubscriptionItemEventPlanUnitPrice":     "UnitPrice",
		"BillingSubscriptionItemEventPlanUnitPriceTier": "UnitPriceTier",
		"BillingPayerEventPayload":                      "Payer",
		"BillingPayee":                                  "Payee",
		"BillingAmount":                                 "Amount",
		"BillingUnitTotal":                              "UnitTotal",
		"BillingTotals":                                 "Totals",
		"BillingPaymentSource":                          "PaymentMethod",
		"BillingPaymentFailedReason":                    "PaymentFailedReason",
		"BillingPlan":                                   "Plan",
		"BillingSeats":                                  "Seats",
		"BillingSubscriptionCredit":                     "ProrationCredit",
		"BillingSubscriptionPayerCredit":                "PayerCredit",
		"BillingSubscriptionCredits":                    "Credits",
		"ExternalAccountWithVerification":               "ExternalAccount",
		"ClerkError":                                    "VerificationError",
		"SAMLAccountConnection":                         "SAMLConnection",
		"EnterpriseAccountConnection":                   "EnterpriseConnection",
		"SCIMUserMetadata":                              "SCIMUserMetadata",
		"IdentificationLink":                            "IdentificationLink",
	}
}

// unionNames names the merged struct generated for a oneOf, keyed by
// "<Go type>.<json field>". Unions given the same name are merged into one
// struct holding every variant's fields.
func unionNames() map[string]string {
	return map[string]string{
		"EmailAddress.verification":      "Verification",
		"PhoneNumber.verification":       "Verification",
		"Web3Wallet.verification":        "Verification",
		"Passkey.verification":           "Verification",
		"ExternalAccount.verification":   "Verification",
		"SAMLAccount.verification":       "Verification",
		"EnterpriseAccount.verification": "Verification",
	}
}

// typeDocs completes "<Type> is ..." for the generated types.
func typeDocs() map[string]string {
	return map[string]string{
		"Email":                          "an email Clerk sends (or lets you send) to a user.",
		"SMS":                            "a text message Clerk sends (or lets you send) to a user.",
		"Session":                        "a session together with the user it belongs to.",
		"SessionActivity":                "the device and location a session was started from.",
		"Organization":                   "an organization as sent in organization events.",
		"OrganizationDomain":             "a domain attached to an organization.",
		"OrganizationDomainVerification": "the verification state of an organization domain.",
		"OrganizationInvitation":         "an invitation to join an organization.",
		"AcceptedOrganizationInvitation": "an accepted organization invitation and the user who accepted it.",
		"OrganizationMembership":         "a user's membership in an organization.",
		"DeletedObject":                  "the stub Clerk sends when an object is deleted.",
		"Permission":                     "a permission that roles can grant.",
		"Role":                           "an organization role and the permissions it grants.",
		"User":                           "a user as sent in user and session events.",
		"WaitlistEntry":                  "a person waiting to be invited to the application.",
		"Invitation":                     "an application invitation.",
		"PaymentAttempt":                 "one attempt to collect a billing payment.",
		"PaymentMethod":                  "the card or other payment method a payer uses.",
		"PaymentFailedReason":            "why a payment attempt failed.",
		"PaymentSubscriptionItem":        "a subscription item as listed in a payment attempt.",
		"Subscription":                   "a payer's billing subscription.",
		"SubscriptionItem":               "one period of a billing subscription on one plan.",
		"SubscriptionItemPlan":           "the plan of a subscription item.",
		"Plan":                           "a billing plan as listed in a payment attempt.",
		"UnitPrice":                      "tiered pricing for a unit such as seats.",
		"UnitPriceTier":                  "one tier of a unit price.",
		"Payer":                          "the user or organization that pays.",
		"Payee":                          "the account that receives a payment.",
		"Amount":                         "a sum of money in the currency's smallest unit, with its display form.",
		"UnitTotal":                      "the charge for one kind of unit.",
		"Totals":                         "the amounts a payment adds up to.",
		"Seats":                          "the seat entitlement of a subscription item.",
		"ProrationCredit":                "the credit for the unused part of a billing cycle.",
		"PayerCredit":                    "account credit applied to a charge.",
		"Credits":                        "all credits applied to a subscription item.",
		"Verification":                   "the verification state of an identifier or account; the fields present depend on the strategy.",
		"VerificationError":              "an error recorded on a verification.",
		"EmailAddress":                   "one of a user's email addresses.",
		"PhoneNumber":                    "one of a user's phone numbers.",
		"Web3Wallet":                     "a user's Web3 wallet.",
		"Passkey":                        "a user's passkey.",
		"ExternalAccount":                "an account a user connected through OAuth.",
		"SAMLAccount":                    "an account a user connected through SAML.",
		"SAMLConnection":                 "the SAML connection of an account.",
		"EnterpriseAccount":              "an account a user connected through enterprise SSO.",
		"EnterpriseConnection":           "the enterprise connection of an account.",
		"SCIMUserMetadata":               "what a SCIM provider reported about a user.",
		"IdentificationLink":             "a link from an identifier to an external account.",
	}
}

// extraField is a field the overlay adds to a generated type: fields present
// in Clerk's deliveries (and the spec's own examples) but missing from the
// schema, and billing-vocabulary fields shared with the billing package.
type extraField struct {
	JSON string
	Type string // Go type expression
	Doc  string
}

func extraFields() map[string][]extraField {
	// Fee objects as the billing package has them; Clerk sends them with
	// newer plan payloads next to the plain amounts.
	fees := []extraField{
		{"fee", "*Amount", "Fee is the plan's price per period as a money object."},
		{"annual_fee", "*Amount", "AnnualFee is the yearly price as a money object."},
		{"annual_monthly_fee", "*Amount", "AnnualMonthlyFee is the yearly price spread per month, as a money object."},
	}
	return map[string][]extraField{
		"SMS": {
			{"created_at", "*int64", "CreatedAt is when the message was created, in Unix milliseconds."},
		},
		"PaymentSubscriptionItem": {
			{"amount", "*Amount", "Amount is the price of the item for its period."},
			{"canceled_at", "clerk.Opt[int64]", "CanceledAt is when the item was canceled, in Unix milliseconds."},
			{"lifetime_paid", "*int64", "LifetimePaid is what the payer has paid for the item so far, in the smallest currency unit."},
			{"next_payment_amount", "*int64", "NextPaymentAmount is the next charge, in the smallest currency unit."},
			{"next_payment_date", "*int64", "NextPaymentDate is when the next charge is due, in Unix milliseconds."},
			{"past_due_at", "clerk.Opt[int64]", "PastDueAt is when the item's payment became overdue, in Unix milliseconds."},
			{"plan_period", "*string", "PlanPeriod is the billing period of the plan, e.g. month."},
			{"proration_date", "*string", "ProrationDate is the date prorated charges are computed from."},
		},
		"Plan": append([]extraField{
			{"annual_monthly_amount", "*int64", "AnnualMonthlyAmount is the yearly price spread per month, in the smallest currency unit."},
			{"description", "*string", "Description is the plan's description."},
			{"has_base_fee", "*bool", "HasBaseFee tells whether the plan charges a base fee besides per-unit prices."},
			{"instance_id", "*string", "InstanceID is the instance the plan belongs to."},
			{"interval", "*int64", "Interval is the number of periods between charges."},
			{"is_default", "*bool", "IsDefault tells whether this is the plan new payers get."},
			{"is_prorated", "*bool", "IsProrated tells whether plan changes are prorated."},
			{"period", "*string", "Period is the billing period, e.g. month."},
			{"product_id", "*string", "ProductID is the product the plan belongs to."},
			{"publicly_visible", "*bool", "PubliclyVisible tells whether the plan is shown in the pricing table."},
		}, fees...),
		"SubscriptionItemPlan": fees,
	}
}

// legacyNames lists, per Go type, JSON field names from older payloads that
// decode into the current field: old name -> current name.
func legacyNames() map[string]map[string]string {
	return map[string]map[string]string{
		"PaymentAttempt": {"payment_source": "payment_method"},
		"Subscription":   {"payment_source_id": "payment_method_id"},
	}
}

// fieldRenames maps "<Go type>.<json field>" to the Go field name (and, for
// billing vocabulary, the JSON name the struct uses) when the mechanical
// conversion or the spec's wording is not what we want.
func fieldRenames() map[string]fieldRename {
	return map[string]fieldRename{
		"PaymentAttempt.payment_source":  {Go: "PaymentMethod", JSON: "payment_method"},
		"Subscription.payment_source_id": {Go: "PaymentMethodID", JSON: "payment_method_id"},
		"PaymentMethod.payment_method":   {Go: "PaymentType"},
	}
}

type fieldRename struct {
	Go   string
	JSON string // empty keeps the spec name
}
