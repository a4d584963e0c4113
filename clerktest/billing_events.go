package clerktest

import (
	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/webhooks"
)

// Billing webhooks. The emulator's billing mutations emit what Clerk emits
// for the same change, with the payloads the API answers carry:
//
//   - cancelling a subscription item at the end of its period:
//     subscriptionItem.canceled, then subscription.updated;
//   - cancelling it now (end_now=true): subscriptionItem.canceled (unless
//     it was already cancelled), subscriptionItem.ended, then
//     subscription.updated;
//   - extending a free trial: subscriptionItem.updated;
//   - a price transition: subscriptionItem.updated, then
//     subscription.updated.
//
// Subscriptions, statements and payment attempts exist only as seeded
// demo data, so subscription.created, subscriptionItem.active and
// paymentAttempt.created are never sent; neither credits, prices nor
// discounts have webhook events.

// subscriptionJSON gathers the payer's subscription items into its
// subscription, or returns nil when the payer has none.
func (e *Emulator) subscriptionJSON(who string) *clerk.Subscription {
	var items []*clerk.SubscriptionItem
	var first, last int64
	payerID := ""
	for _, s := range e.sortedItems() {
		if s.userID != who {
			continue
		}
		items = append(items, e.itemJSON(s))
		payerID = s.payerID
		if first == 0 || s.createdAt < first {
			first = s.createdAt
		}
		last = max(last, s.updatedAt)
	}
	if len(items) == 0 {
		return nil
	}
	// The subscription's next payment is its items' earliest; a payer who
	// has had a free trial is not eligible for another.
	eligible := true
	var next *clerk.BillingNextPayment
	for _, it := range items {
		eligible = eligible && !it.IsFreeTrial
		if n, ok := it.NextPayment.Get(); ok && (next == nil || n.Date.Or(0) < next.Date.Or(0)) {
			next = &n
		}
	}
	return &clerk.Subscription{Object: "commerce_subscription", ID: "csub_" + who[len(who)-min(len(who), 27):],
		InstanceID: e.keys.instanceID, PayerID: payerID, Status: clerk.SubscriptionStatusActive, ActiveAt: &first,
		SubscriptionItems: items, CreatedAt: first, UpdatedAt: last, EligibleForFreeTrial: &eligible, NextPayment: next}
}

// emitItem queues subscription item events of the given types for s, in
// order, and then subscription.updated for its payer's subscription when
// withSubscription is set.
func (e *Emulator) emitItem(c *call, s *subscriptionItem, withSubscription bool, types ...string) {
	for _, typ := range types {
		c.emit(typ, e.itemJSON(s))
	}
	if !withSubscription {
		return
	}
	if sub := e.subscriptionJSON(s.userID); sub != nil {
		c.emit(webhooks.SubscriptionUpdated, sub)
	}
}
