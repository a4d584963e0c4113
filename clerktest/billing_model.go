package clerktest

import (
	"fmt"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/webhooks"
)

// plan is a billing plan.
type plan struct {
	id, name, slug, payerType, description string
	monthly, annual                        int64 // cents
	isDefault                              bool
	trialDays                              *int64
	features                               [][2]string // name, slug
	featureIDs                             []string
}

// subscriptionItem is a payer's subscription to a plan.
type subscriptionItem struct {
	seq                                   int64
	id, payerID, userID, planID           string
	status                                string
	isFreeTrial                           bool
	periodStart                           int64
	periodEnd, canceledAt, pastDue, ended *int64
	createdAt, updatedAt                  int64
	discountID                            string // the redeemed discount, if any
}

// statement is a billing statement with its payment attempts.
type statement struct {
	seq        int64
	id         string
	payerID    string
	userID     string
	timestamp  int64
	attemptIDs []string
}

// paymentAttempt is one charge on a statement.
type paymentAttempt struct {
	seq                     int64
	id, statementID, itemID string
	payerID, userID         string
	amount                  int64
	createdAt               int64
}

func money(cents int64) *clerk.Money {
	return &clerk.Money{Amount: cents, AmountFormatted: fmt.Sprintf("%d.%02d", cents/100, cents%100),
		Currency: "USD", CurrencySymbol: "$"}
}

func (p *plan) annualMonthly() int64 { return p.annual / 12 }

// json builds the wire form of the plan from the generated model type;
// the emulator's plans have no per-unit (seat) prices, so unit_prices is
// the empty list.
func (p *plan) json() *clerk.Plan {
	features := make([]*clerk.BillingFeature, 0, len(p.features))
	for i, f := range p.features {
		features = append(features, &clerk.BillingFeature{Object: "feature", ID: p.featureIDs[i], Name: f[0], Slug: f[1]})
	}
	out := &clerk.Plan{Object: "commerce_plan", ID: p.id, Name: p.name,
		Fee: money(p.monthly), AnnualMonthlyFee: money(p.annualMonthly()), AnnualFee: money(p.annual),
		Description: ptr(p.description), ProductID: "prod_emulator", IsDefault: p.isDefault, IsRecurring: true,
		PubliclyVisible: true, HasBaseFee: p.monthly > 0, ForPayerType: p.payerType, Slug: p.slug,
		Features: features, FreeTrialEnabled: ptr(p.trialDays != nil), FreeTrialDays: optOf(p.trialDays),
		UnitPrices: []*clerk.PlanUnitPrice{}}
	return out
}

// withAmounts adds the flat amount fields that the extend-free-trial
// answer's plan carries beside the Money objects.
func (p *plan) withAmounts(out *clerk.Plan) *clerk.Plan {
	for _, f := range out.Features {
		f.Description, f.AvatarURL = ptr(""), ptr("")
	}
	out.AvatarURL = ptr("")
	out.Amount, out.AmountFormatted = ptr(p.monthly), ptr(out.Fee.AmountFormatted)
	out.AnnualMonthlyAmount, out.AnnualMonthlyAmountFormatted = ptr(p.annualMonthly()), ptr(out.AnnualMonthlyFee.AmountFormatted)
	out.AnnualAmount, out.AnnualAmountFormatted = ptr(p.annual), ptr(out.AnnualFee.AmountFormatted)
	out.Currency, out.CurrencySymbol, out.PayerType = ptr("USD"), ptr("$"), []string{p.payerType}
	out.UnitPrices = nil // that answer's plan schema has no unit prices
	return out
}

// payerJSON is the payer of a user's or an organization's billing: its
// credit balance, and the fields of the other kind of payer null.
func (e *Emulator) payerJSON(payerID, userID string) *clerk.Payer {
	out := &clerk.Payer{Object: "commerce_payer", ID: payerID, InstanceID: e.keys.instanceID,
		CreditsBalance: money(0), OrganizationID: clerk.Null[string](), OrganizationName: clerk.Null[string](),
		UserID: clerk.Null[string](), Email: clerk.Null[string](), FirstName: clerk.Null[string](), LastName: clerk.Null[string]()}
	if l := e.st.credits[userID]; l != nil {
		out.CreditsBalance = money(l.balance)
	}
	if o, ok := e.st.orgs[userID]; ok {
		out.CreatedAt, out.UpdatedAt = ptr(o.createdAt), ptr(o.updatedAt)
		out.OrganizationID, out.OrganizationName = clerk.Value(o.id), clerk.Value(o.name)
		out.ImageURL = ptr(imageURL(o.id))
	}
	if u, ok := e.st.users[userID]; ok {
		out.CreatedAt, out.UpdatedAt = ptr(u.createdAt), ptr(u.updatedAt)
		out.UserID = clerk.Value(u.id)
		out.FirstName, out.LastName = optOf(u.firstName), optOf(u.lastName)
		out.Email = clerk.Value(u.primaryEmail())
		out.ImageURL = ptr(imageURL(u.id))
	}
	return out
}

// paymentMethodJSON is the payer's card: every payer of the emulator pays
// with Stripe's test Visa card, its default and only method (so it cannot
// be removed).
func (e *Emulator) paymentMethodJSON(payerID string, since int64) clerk.PaymentMethod {
	return clerk.PaymentMethod{Object: "commerce_payment_method", ID: "pm_" + strings.TrimPrefix(payerID, "cpayer_"),
		PayerID: payerID, PaymentType: "card", Gateway: "stripe", GatewayExternalID: "pm_card_visa",
		Last4: ptr("4242"), Status: "active", CardType: ptr("visa"), ExpiryMonth: clerk.Value[int64](12), ExpiryYear: clerk.Value[int64](2034),
		IsDefault: ptr(true), IsRemovable: ptr(false), WalletType: clerk.Null[string](), CreatedAt: ptr(since), UpdatedAt: ptr(since)}
}

// totals is the breakdown of a charge of amount cents: no tax, credits or
// discounts (the emulator charges none).
func totals(amount int64) clerk.BillingTotals {
	return clerk.BillingTotals{BaseFee: *money(amount), Subtotal: *money(amount), GrandTotal: *money(amount), TaxTotal: *money(0),
		Credits: clerk.Null[clerk.BillingCredits](), Discounts: clerk.Null[clerk.BillingDiscounts](), PerUnitTotals: []*clerk.PerUnitTotal{}}
}

// itemJSON builds the wire form of the subscription item from the
// generated model type.
func (e *Emulator) itemJSON(s *subscriptionItem) *clerk.SubscriptionItem {
	out := &clerk.SubscriptionItem{Object: "commerce_subscription_item", ID: s.id, InstanceID: e.keys.instanceID,
		Status: clerk.SubscriptionItemStatus(s.status), PlanID: ptr(s.planID), PlanPeriod: "month", PayerID: s.payerID,
		Payer: clerk.Value(*e.payerJSON(s.payerID, s.userID)), IsFreeTrial: s.isFreeTrial, PeriodStart: clerk.Value(s.periodStart),
		PeriodEnd: optOf(s.periodEnd), CanceledAt: optOf(s.canceledAt), PastDueAt: optOf(s.pastDue), EndedAt: optOf(s.ended),
		CreatedAt: ptr(s.createdAt), UpdatedAt: ptr(s.updatedAt), Plan: clerk.Null[clerk.Plan](),
		LifetimePaid: clerk.Value(*money(e.paidFor(s.id))), NextPayment: clerk.Null[clerk.BillingNextPayment](),
		Seats: clerk.Null[clerk.SubscriptionItemSeats](), Credits: clerk.Null[clerk.BillingCredits](),
		ProrationDate: ptr(time.UnixMilli(s.periodStart).UTC().Format(time.DateOnly)),
		Credit:        clerk.Value(clerk.SubscriptionCredit{Amount: clerk.Null[clerk.Money](), CycleRemainingPercent: ptr(0.0)})}
	pm := e.paymentMethodJSON(s.payerID, s.createdAt)
	out.PaymentMethod = clerk.Value(pm)
	p, ok := e.st.plans[s.planID]
	if ok {
		out.Plan = clerk.Value(*p.json())
		out.PriceID = ptr(planPriceID(p))
		out.Totals = clerk.Value(totals(p.monthly))
	}
	// A paid item that renews has a next payment: the plan's fee at the end
	// of the current period. Free, canceled and ended items have none
	// (null); the emulator's plans have no seat-based pricing, so seats is
	// null as Clerk sends it for such plans.
	if ok && p.monthly > 0 && s.status == "active" && s.canceledAt == nil && s.ended == nil {
		next := clerk.BillingNextPayment{Amount: clerk.Value(*money(p.monthly)), Totals: clerk.Value(totals(p.monthly)),
			PerUnitTotals: []*clerk.PerUnitTotal{}}
		if s.periodEnd != nil {
			next.Date = clerk.Value(*s.periodEnd)
		}
		out.NextPayment = clerk.Value(next)
	}
	return out
}

// paidFor sums the payment attempts made for the subscription item: its
// lifetime_paid.
func (e *Emulator) paidFor(itemID string) int64 {
	var sum int64
	for _, a := range e.st.attempts {
		if a.itemID == itemID {
			sum += a.amount
		}
	}
	return sum
}

// extendedItem is the subscription item as the extend-free-trial and
// price-transition answers have it (CommerceSubscriptionItem-2): the
// generated type plus the older wire names of its payment method, which
// that answer's schema uses and the root model only reads (it decodes
// payment_source into PaymentMethod).
type extendedItem struct {
	*clerk.SubscriptionItem
	PaymentSourceID string              `json:"payment_source_id"`
	PaymentSource   paymentSourceAnswer `json:"payment_source"`
}

// paymentSourceAnswer is the root PaymentMethod under its older wire
// names (CommercePaymentSourceResponse): object commerce_source and the
// method's type as payment_method. PaymentType hides the embedded field's
// current name, which that schema does not allow.
type paymentSourceAnswer struct {
	*clerk.PaymentMethod
	Object      string                         `json:"object"`
	Method      clerk.PaymentMethodPaymentType `json:"payment_method"`
	PaymentType struct{}                       `json:"payment_type,omitzero"`
}

// payerOfItem2 is the payer as that answer's schema (CommercePayerResponse-2)
// has it: the fields of the other kind of payer left out instead of null,
// and the names and email strings, empty when unknown.
func (e *Emulator) payerOfItem2(payerID, userID string) *clerk.Payer {
	out := e.payerJSON(payerID, userID)
	for _, o := range []*clerk.Opt[string]{&out.OrganizationID, &out.OrganizationName, &out.UserID} {
		if o.IsNull() {
			*o = clerk.Opt[string]{}
		}
	}
	for _, o := range []*clerk.Opt[string]{&out.Email, &out.FirstName, &out.LastName} {
		*o = clerk.Value(o.Or(""))
	}
	return out
}

// itemJSON2 is the subscription item of those answers: the payment
// source's ID in place of the payment method, the plan with amounts and
// its billing interval, the fee as amount and the next payment as
// next_invoice, no seats, credits or totals (that answer's schema does not
// have them).
func (e *Emulator) itemJSON2(s *subscriptionItem) extendedItem {
	out := e.itemJSON(s)
	pm := *out.GetPaymentMethod()
	out.Payer, out.ProrationDate, out.PaymentMethod = clerk.Value(*e.payerOfItem2(s.payerID, s.userID)), ptr(""), clerk.Opt[clerk.PaymentMethod]{}
	pm.WalletType = clerk.Value(pm.WalletType.Or("")) // a string in that schema
	out.Seats, out.Credits, out.Totals = clerk.Opt[clerk.SubscriptionItemSeats]{}, clerk.Opt[clerk.BillingCredits]{}, clerk.Opt[clerk.BillingTotals]{}
	out.NextInvoice = out.NextPayment
	if out.NextInvoice.IsOmitted() {
		out.NextInvoice = clerk.Null[clerk.BillingNextPayment]()
	}
	if p, ok := e.st.plans[s.planID]; ok {
		plan := p.withAmounts(p.json())
		plan.Interval, plan.Period = ptr(int64(1)), ptr("month")
		out.Plan = clerk.Value(*plan)
		out.Amount = clerk.Value(*money(p.monthly))
	}
	return extendedItem{SubscriptionItem: out, PaymentSourceID: pm.ID,
		PaymentSource: paymentSourceAnswer{PaymentMethod: &pm, Object: "commerce_source", Method: pm.PaymentType}}
}

func (e *Emulator) attemptJSON(a *paymentAttempt) *clerk.PaymentAttempt {
	pm := e.paymentMethodJSON(a.payerID, a.createdAt)
	out := &clerk.PaymentAttempt{Object: "commerce_payment", ID: a.id, PaymentID: "pay_" + strings.TrimPrefix(a.id, "cpa_"),
		InstanceID: e.keys.instanceID, ChargeType: "recurring", PayeeID: e.keys.instanceID,
		Payee: anyJSON(map[string]any{"id": e.keys.instanceID}), PayerID: a.payerID, Payer: *e.payerJSON(a.payerID, a.userID),
		SubscriptionItemID: ptr(a.itemID), Amount: *money(a.amount), PaymentMethodID: pm.ID, PaymentMethod: pm,
		StatementID: a.statementID, Status: "paid", PaidAt: ptr(a.createdAt), CreatedAt: a.createdAt, UpdatedAt: a.createdAt,
		Totals: clerk.Value(totals(a.amount)), SubscriptionItem: clerk.JSON("null")}
	if s, ok := e.st.subItems[a.itemID]; ok {
		out.SubscriptionItem = anyJSON(e.itemJSON(s))
	}
	return out
}

func (e *Emulator) statementJSON(s *statement) *clerk.BillingStatement {
	items := make([]*clerk.PaymentAttempt, 0, len(s.attemptIDs))
	var total int64
	for _, id := range s.attemptIDs {
		if a, ok := e.st.attempts[id]; ok {
			items = append(items, e.attemptJSON(a))
			total += a.amount
		}
	}
	return &clerk.BillingStatement{Object: "commerce_statement", ID: s.id, InstanceID: e.keys.instanceID, Timestamp: s.timestamp,
		Payer: *e.payerJSON(s.payerID, s.userID), Status: "closed",
		Totals: clerk.BillingStatementTotals{GrandTotal: *money(total), Subtotal: *money(total), BaseFee: *money(total), TaxTotal: *money(0)},
		Groups: []*clerk.BillingStatementGroupItem{{Object: "commerce_statement_group", Timestamp: s.timestamp, Items: items}}}
}

// assignDefaultPlan subscribes a new user or organization (who, paying
// as payerType "user" or "org") to the instance's default plan for that
// payer type, as Clerk does when billing is on for it (an instance with a
// default plan for the payer type is one with billing on for it).
func (e *Emulator) assignDefaultPlan(who, payerType string) {
	for _, id := range e.st.planOrder {
		p := e.st.plans[id]
		if !p.isDefault || p.payerType != payerType {
			continue
		}
		now := e.ms()
		s := &subscriptionItem{seq: e.st.next(), id: newID("csubi"), payerID: newID("cpayer"), userID: who,
			planID: p.id, status: "active", periodStart: now, createdAt: now, updatedAt: now}
		e.st.subItems[s.id] = s
		return
	}
}

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
