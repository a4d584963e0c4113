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
		"JWKS":                    "JWKS",
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
		// The logo upload answers the organization itself, with the
		// deprecated logo_url beside image_url: one object, one type.
		"OrganizationWithLogo": "Organization",
		// One directory object, reached through two routes.
		"SCIMDirectory": "Directory",
		// The Client object is one browser or device signed in to the
		// instance; clerk.Client is the SDK's API client.
		"Client":                              "DeviceClient",
		"InstanceProtect":                     "InstanceProtectSettings",
		"InstanceCommunication":               "InstanceCommunicationSettings",
		"EnterpriseConnectionTestRunResponse": "EnterpriseConnectionTestRunURL",

		// machines.
		"MachineWithoutScopedMachines": "ScopedMachine",

		// billing: the spec still says Commerce; Go names say billing.
		"CommercePlan":                                "Plan",
		"CommercePlan-2":                              "Plan",
		"CommercePlanUnitPrice":                       "PlanUnitPrice",
		"CommercePlanUnitPriceTier":                   "PlanUnitPriceTier",
		"FeatureResponse":                             "BillingFeature",
		"FeatureResponse-2":                           "BillingFeature",
		"BillingPriceResponse":                        "BillingPrice",
		"CommerceMoneyResponse":                       "Money",
		"CommercePaymentMethodResponse":               "PaymentMethod",
		"CommercePaymentSourceResponse":               "PaymentMethod",
		"CommercePayerResponse":                       "Payer",
		"CommercePayerResponse-2":                     "Payer",
		"CommercePayerCreditResponse":                 "PayerCredit",
		"CommerceSubscription":                        "Subscription",
		"CommerceSubscriptionNextPayment":             "BillingNextPayment",
		"CommerceSubscriptionItem":                    "SubscriptionItem",
		"CommerceSubscriptionItem-2":                  "SubscriptionItem",
		"CommerceSubscriptionItemNextPaymentResponse": "BillingNextPayment",
		"CommerceSubscriptionItemSeatsResponse":       "SubscriptionItemSeats",
		"CommerceSubscriptionCreditResponse":          "SubscriptionCredit",
		"CommerceCreditsResponse":                     "BillingCredits",
		"CommerceProrationCreditDetailResponse":       "ProrationCreditDetail",
		"CommerceProrationDiscountResponse":           "ProrationDiscount",
		"BillingProrationDiscountDetail":              "ProrationDiscount",
		"CommerceDiscountsResponse":                   "BillingDiscounts",
		"BillingDiscountsResponse":                    "BillingDiscounts",
		"CommerceTotalsResponse":                      "BillingTotals",
		"CommerceTotalsResponse-2":                    "BillingTotals",
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
		"BillingStatement":                            "BillingStatement",
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
