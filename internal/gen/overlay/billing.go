package overlay

// billingOps names the 18 billing operations, including the per-user and
// per-organization subscription and credit-balance calls.
func billingOps() map[string]Op {
	return map[string]Op{
		"GetCommercePlanList":                    {Package: "billing", Method: "ListPlans", Doc: "returns one page of the instance's billing plans, optionally for one payer type."},
		"GetBillingPriceList":                    {Package: "billing", Method: "ListPrices", Doc: "returns one page of the prices defined for the instance's plans."},
		"CreateBillingPrice":                     {Package: "billing", Method: "CreatePrice", Doc: "adds a price to a plan."},
		"GetCommerceSubscriptionItemList":        {Package: "billing", Method: "ListSubscriptionItems", Doc: "returns one page of subscription items across all payers, filtered as asked."},
		"CancelCommerceSubscriptionItem":         {Package: "billing", Method: "CancelSubscriptionItem", Doc: "cancels a subscription item at the end of its period, or at once when asked."},
		"ExtendBillingSubscriptionItemFreeTrial": {Package: "billing", Method: "ExtendFreeTrial", Doc: "moves the end of a subscription item's free trial to a later date."},
		"CreateBillingPriceTransition":           {Package: "billing", Method: "CreatePriceTransition", Doc: "moves a subscription item from one price to another."},
		"ApplyBillingSubscriptionItemDiscount":   {Package: "billing", Method: "ApplyDiscount", Doc: "redeems a discount on a subscription item."},
		"RemoveBillingSubscriptionItemDiscount":  {Package: "billing", Method: "RemoveDiscount", Doc: "takes a redeemed discount off a subscription item."},
		"GetBillingStatementList":                {Package: "billing", Method: "ListStatements", Doc: "returns one page of the instance's billing statements."},
		"GetBillingStatement":                    {Package: "billing", Method: "GetStatement", Doc: "fetches one billing statement by ID.", Params: map[string]string{"statementID": "StatementID"}},
		"GetBillingStatementPaymentAttempts":     {Package: "billing", Method: "ListPaymentAttempts", Doc: "returns one page of the payment attempts made for a statement.", Params: map[string]string{"statementID": "StatementID"}},
		"GetUserBillingSubscription":             {Package: "billing", Method: "GetUserSubscription", Doc: "fetches the billing subscription of a user."},
		"GetUserBillingCreditBalance":            {Package: "billing", Method: "GetUserCreditBalance", Doc: "returns the credit balance a user holds."},
		"AdjustUserBillingCreditBalance":         {Package: "billing", Method: "AdjustUserCreditBalance", Doc: "adds credit to or removes credit from a user's balance."},
		"GetOrganizationBillingSubscription":     {Package: "billing", Method: "GetOrganizationSubscription", Doc: "fetches the billing subscription of an organization."},
		"GetOrganizationBillingCreditBalance":    {Package: "billing", Method: "GetOrganizationCreditBalance", Doc: "returns the credit balance an organization holds."},
		"AdjustOrganizationBillingCreditBalance": {Package: "billing", Method: "AdjustOrganizationCreditBalance", Doc: "adds credit to or removes credit from an organization's balance."},
	}
}
