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

// FieldDocs completes "<Field> ..." for fields whose meaning the name does
// not say, keyed by "<Type>.<json name>".
func FieldDocs() map[string]string {
	return map[string]string{
		"User.public_metadata":                 "is readable from the frontend and writable only from the backend.",
		"User.private_metadata":                "is readable and writable only from the backend.",
		"User.unsafe_metadata":                 "is readable and writable from the frontend; do not trust it.",
		"User.external_id":                     "is the ID of the user in your own system, if you set one.",
		"User.primary_email_address_id":        "is the ID of the email address Clerk treats as the user's main one.",
		"User.password_enabled":                "is false for a user who signs in only by other means (OAuth, passkey, email or SMS code).",
		"User.two_factor_enabled":              "is true when the user has any second factor.",
		"User.banned":                          "is true when the user is banned and cannot sign in.",
		"User.locked":                          "is true when the user is locked out after too many failed attempts.",
		"User.lockout_expires_in_seconds":      "is how long the current lockout lasts.",
		"Organization.max_allowed_memberships": "caps the number of members; 0 means no limit.",
		"OrganizationMembership.role":          "is the key of the member's role, e.g. org:admin.",
		"Session.status":                       "is where the session is in its lifecycle.",
		"PaymentMethod.payment_type":           "is the kind of payment method (older answers call this field payment_method).",
		"Money.amount":                         "is the amount in the currency's smallest unit, e.g. cents.",
		"Money.amount_formatted":               "is the amount written for display, without the currency symbol.",
		"*.linked_to":                          "lists the accounts (OAuth, SAML, ...) this identifier came from.",
		"*.reserved":                           "is true when the identifier is held back and cannot be claimed by another user.",
		"*.image_url":                          "is the URL of the image Clerk shows, an uploaded one or a default.",
		"*.has_image":                          "is true when an image was uploaded rather than the default shown.",
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
