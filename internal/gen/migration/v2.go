package main

// v2Call is one billing function of clerk-sdk-go v2 (module
// github.com/clerk/clerk-sdk-go/v2, package billing), recorded as a fact
// from its public source: the function name, its params and result types,
// and the operation it calls.
type v2Call struct {
	Func, Params, Result string
	OperationID          string
}

// v2Calls are the billing functions of clerk-sdk-go v2. Each exists both as
// a package-level function and as a method of billing.Client.
func v2Calls() []v2Call {
	return []v2Call{
		{Func: "ListPlans", Params: "*billing.ListPlansParams", Result: "*clerk.PlanList", OperationID: "GetCommercePlanList"},
		{Func: "ListSubscriptionItems", Params: "*billing.ListSubscriptionItemsParams", Result: "*clerk.SubscriptionItemList", OperationID: "GetCommerceSubscriptionItemList"},
		{Func: "CancelSubscriptionItem", Params: "subscriptionItemID, *billing.CancelSubscriptionItemParams", Result: "*clerk.SubscriptionItem", OperationID: "CancelCommerceSubscriptionItem"},
		{Func: "ExtendFreeTrial", Params: "subscriptionItemID, *billing.ExtendFreeTrialParams", Result: "*clerk.SubscriptionItem", OperationID: "ExtendBillingSubscriptionItemFreeTrial"},
	}
}

// v2Type pairs a billing type of clerk-sdk-go v2 (package clerk) with ours.
// Ours is a type of our billing package, or "" when there is none.
type v2Type struct {
	V2, Ours, Note string
}

// v2Types are the billing types clerk-sdk-go v2 declares in its root
// package. List types become clerk.Page of our element type.
func v2Types() []v2Type {
	return []v2Type{
		{V2: "clerk.Plan", Ours: "Plan"},
		{V2: "clerk.PlanList", Ours: "Plan", Note: "list: ListPlans returns *clerk.Page[*clerk.Plan]"},
		{V2: "clerk.Feature", Ours: "BillingFeature"},
		{V2: "clerk.BillingMoney", Ours: "Money"},
		{V2: "clerk.BillingPaymentMethod", Ours: "PaymentMethod"},
		{V2: "clerk.Payer", Ours: "Payer"},
		{V2: "clerk.SubscriptionItem", Ours: "SubscriptionItem"},
		{V2: "clerk.SubscriptionItemList", Ours: "SubscriptionItem", Note: "list: ListSubscriptionItems returns *clerk.Page[*clerk.SubscriptionItem]"},
		{V2: "clerk.BillingSubscriptionItemNextPayment", Ours: "BillingNextPayment"},
		{V2: "clerk.BillingProduct", Note: "no counterpart: neither spec has a products endpoint, and v2 has no call that returns it"},
	}
}
