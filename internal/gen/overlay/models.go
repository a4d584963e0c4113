package overlay

// ModelDocs completes "<Type> is ..." for the root models that deserve more
// than the generator's mechanical sentence. Written in our own words.
func ModelDocs() map[string]string {
	return map[string]string{
		"User":                           "a person who can sign in to the instance: their identifiers, linked accounts, metadata and security state. Users answers and user events both decode into it.",
		"Organization":                   "a group of users with shared roles, metadata and billing.",
		"OrganizationMembership":         "a user's membership in one organization, with the role it grants.",
		"OrganizationInvitation":         "an invitation to join an organization.",
		"AcceptedOrganizationInvitation": "an organization invitation that was accepted, with the user who accepted it; organizationInvitation.accepted events carry it.",
		"OrganizationDomain":             "a domain attached to an organization, used to suggest or grant membership to users with a matching email address.",
		"Session":                        "one signed-in session of a user on one device client.",
		"SessionWithUser":                "a session together with the user it belongs to; session events carry it.",
		"SessionActivity":                "the device and location a session was started from.",
		"DeviceClient":                   "Clerk's Client object: one browser or device signed in to the instance, holding that device's sessions. It is named DeviceClient because clerk.Client is this SDK's API client.",
		"EmailAddress":                   "one of a user's email addresses and its verification state.",
		"PhoneNumber":                    "one of a user's phone numbers and its verification state.",
		"Web3Wallet":                     "a Web3 wallet address linked to a user.",
		"Passkey":                        "a passkey a user registered.",
		"ExternalAccount":                "an account a user connected through a social or OAuth provider.",
		"SAMLAccount":                    "an account a user connected through a SAML connection.",
		"EnterpriseAccount":              "an account a user connected through an enterprise SSO connection.",
		"Verification":                   "the verification state of an identifier or account. Every parent (email address, phone number, wallet, passkey, external, SAML and enterprise account) uses this one type; which fields are set depends on the strategy.",
		"IdentificationLink":             "a link from an identifier to the account that provided it.",
		"Invitation":                     "an invitation to sign up to the instance.",
		"EmailMessage":                   "an email Clerk sends, or hands to you to deliver; email.created events carry it.",
		"SMSMessage":                     "a text message Clerk sends, or hands to you to deliver; sms.created events carry it.",
		"Permission":                     "a permission that roles can grant.",
		"Role":                           "an organization role and the permissions it grants.",
		"WaitlistEntry":                  "a person waiting to be invited to the application.",
		"Plan":                           "a billing plan that users or organizations subscribe to.",
		"Subscription":                   "a payer's billing subscription, made of subscription items.",
		"SubscriptionItem":               "one period of a billing subscription on one plan.",
		"PaymentAttempt":                 "one attempt to collect a billing payment.",
		"PaymentAttemptSubscriptionItem": "a subscription item as a payment attempt event lists it; unlike SubscriptionItem, its amounts are plain integers in the smallest currency unit.",
		"PaymentMethod":                  "the card or other payment method a payer uses. Answers that still send the older payment-source shape decode into it too.",
		"Payer":                          "the user or organization that pays for a subscription.",
		"Payee":                          "the account that receives a billing payment.",
		"Money":                          "an amount in the currency's smallest unit, with its display form.",
		"BillingTotals":                  "the amounts a billing charge adds up to.",
		"BillingStatement":               "a billing statement: the payments of one payer over one period.",
		"BillingPrice":                   "a price of a billing plan.",
		"BillingFeature":                 "a feature a billing plan grants.",
		"BillingCredits":                 "the credits applied to a billing charge.",
		"BillingDiscounts":               "the discounts applied to a billing charge.",
		"APIKey":                         "an API key issued to a user, organization or machine.",
		"Machine":                        "a non-human caller that authenticates with M2M tokens.",
		"JWTTemplate":                    "a recipe for custom session tokens.",
		"EventEnvelope":                  "the envelope of a webhook delivery as the webhooks spec describes it.",
	}
}

// TypeRenames gives a better Go name to types the generator names after
// where they appear (parent + field), keyed by that mechanical name.
func TypeRenames() map[string]string {
	return map[string]string{
		"JWKSKeyItem":                             "JWK",
		"ListOAuthAccessTokenItem":                "OAuthAccessToken",
		"RoleSetItem":                             "RoleSetRole",
		"DirectoryCustomAttributeItem":            "CustomAttribute",
		"EnterpriseConnectionCustomAttributeItem": "CustomAttribute",
	}
}

// LegacyFields lists, per root model, older wire names that decode into a
// current field (older name -> current name). Names every model shares
// (payment_source, payment_source_id) are the generator's own.
func LegacyFields() map[string]map[string]string {
	return map[string]map[string]string{
		// The older payment-source shape calls the payment type payment_method.
		"PaymentMethod": {"payment_method": "payment_type"},
	}
}

// ExtraField is a field Clerk sends that the spec's schema lacks.
type ExtraField struct {
	JSON, Type string
}

// ExtraFields adds, per root model, fields present in Clerk's deliveries and
// in the spec's own examples but missing from the schema. Types are Go type
// expressions in the root package.
func ExtraFields() map[string][]ExtraField {
	return map[string][]ExtraField{
		"SMSMessage": {{"created_at", "*int64"}},
		"Plan":       {{"instance_id", "*string"}, {"is_prorated", "*bool"}},
		"PaymentAttemptSubscriptionItem": {
			{"amount", "*Money"}, {"canceled_at", "Opt[int64]"}, {"lifetime_paid", "*int64"},
			{"next_payment_amount", "*int64"}, {"next_payment_date", "*int64"}, {"past_due_at", "Opt[int64]"},
			{"plan_period", "*string"}, {"proration_date", "*string"},
		},
	}
}
