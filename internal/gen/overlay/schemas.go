package overlay

// schemaNames maps spec component schema names to Go type names. Schemas not
// listed keep their mechanical name (e.g. verification_otp becomes
// VerificationOTP, OrganizationMembership stays as is).
//
// Several spec schemas deliberately share one Go name: the "-2" copies the
// spec keeps for older shapes of the same object, and pairs that describe one
// thing under two names (payment source and payment method, the two
// proration discount details). The generator emits one Go type per name in a
// package and decodes every variant into it.
func schemaNames() map[string]string {
	return map[string]string{
		// jwks: the key set and its key kinds.
		"JWKS":                    "KeySet",
		"JWKS.ed25519.PublicKey":  "Ed25519PublicKey",
		"JWKS.ecdsa.PublicKey":    "ECDSAPublicKey",
		"JWKS.rsa.PublicKey":      "RSAPublicKey",
		"JWKS.ed25519.PrivateKey": "Ed25519PrivateKey",
		"JWKS.ecdsa.PrivateKey":   "ECDSAPrivateKey",
		"JWKS.rsa.PrivateKey":     "RSAPrivateKey",
		"JWKS.symmetric.Key":      "SymmetricKey",

		// sessions, clients, users.
		"SessionActivityResponse":         "SessionActivity",
		"ExternalAccountWithVerification": "ExternalAccount",
		"CNameTarget":                     "CNAMETarget",

		// allowlist and blocklist.
		"AllowlistIdentifier":  "Identifier",
		"BlocklistIdentifier":  "Identifier",
		"BlocklistIdentifiers": "IdentifierList",

		// instance settings.
		"InstanceRestrictions":  "Restrictions",
		"InstanceProtect":       "ProtectSettings",
		"InstanceCommunication": "CommunicationSettings",

		// machines.
		"MachineWithoutScopedMachines": "ScopedMachine",
		"MachineScope":                 "Scope",

		// waitlist.
		"WaitlistEntry": "Entry",

		// enterprise connections.
		"EnterpriseConnectionTestRun":         "TestRun",
		"EnterpriseConnectionTestRuns":        "TestRunList",
		"EnterpriseConnectionTestRunResponse": "TestRunURL",

		// billing: the spec still says Commerce; Go names say billing.
		"CommercePlan":                                "Plan",
		"CommercePlan-2":                              "Plan",
		"CommercePlanUnitPrice":                       "PlanUnitPrice",
		"CommercePlanUnitPriceTier":                   "PlanUnitPriceTier",
		"FeatureResponse":                             "Feature",
		"FeatureResponse-2":                           "Feature",
		"BillingPriceResponse":                        "Price",
		"CommerceMoneyResponse":                       "Money",
		"CommercePaymentMethodResponse":               "PaymentMethod",
		"CommercePaymentSourceResponse":               "PaymentMethod",
		"CommercePayerResponse":                       "Payer",
		"CommercePayerResponse-2":                     "Payer",
		"CommercePayerCreditResponse":                 "PayerCredit",
		"CommerceSubscription":                        "Subscription",
		"CommerceSubscriptionNextPayment":             "SubscriptionNextPayment",
		"CommerceSubscriptionItem":                    "SubscriptionItem",
		"CommerceSubscriptionItem-2":                  "SubscriptionItem",
		"CommerceSubscriptionItemNextPaymentResponse": "SubscriptionItemNextPayment",
		"CommerceSubscriptionItemSeatsResponse":       "SubscriptionItemSeats",
		"CommerceSubscriptionCreditResponse":          "SubscriptionCredit",
		"CommerceCreditsResponse":                     "Credits",
		"CommerceProrationCreditDetailResponse":       "ProrationCreditDetail",
		"CommerceProrationDiscountResponse":           "ProrationDiscount",
		"BillingProrationDiscountDetail":              "ProrationDiscount",
		"CommerceDiscountsResponse":                   "Discounts",
		"BillingDiscountsResponse":                    "Discounts",
		"CommerceTotalsResponse":                      "Totals",
		"CommerceTotalsResponse-2":                    "Totals",
		"CommercePerUnitTotal":                        "PerUnitTotal",
		"CommercePerUnitTotal-2":                      "PerUnitTotal",
		"CommercePerUnitTotalTier":                    "PerUnitTotalTier",
		"CommercePerUnitTotalTier-2":                  "PerUnitTotalTier",
		"CommerceCreditBalanceResponse":               "CreditBalance",
		"CommerceCreditLedgerResponse":                "CreditLedgerEntry",
		"CommercePriceTransitionResponse":             "PriceTransition",
		"CommercePriceTransitionDetails":              "PriceTransitionDetails",
		"CommerceDiscountRedemptionResponse":          "DiscountRedemption",
		"BillingPaymentAttempt":                       "PaymentAttempt",
		"BillingStatement":                            "Statement",
		"AdjustCreditBalanceRequest":                  "AdjustCreditBalanceParams",
		"CreateBillingPriceRequest":                   "CreatePriceParams",
		"ExtendFreeTrialRequest":                      "ExtendFreeTrialParams",
		"PriceTransitionRequest":                      "CreatePriceTransitionParams",
		"ApplyCommerceDiscountRequest":                "ApplyDiscountParams",
		"PaginatedCommercePlanResponse":               "PlanList",
		"PaginatedBillingPriceResponse":               "PriceList",
		"PaginatedCommerceSubscriptionItemResponse":   "SubscriptionItemList",
		"PaginatedBillingStatementResponse":           "StatementList",
		"PaginatedBillingPaymentAttemptResponse":      "PaymentAttemptList",
	}
}
