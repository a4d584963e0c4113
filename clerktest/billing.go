package clerktest

import (
	"cmp"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/billing"
	"github.com/clerkgo/clerk/webhooks"
)

func (e *Emulator) billingRoutes(t []route) []route {
	t = add(t, "GET", "/billing/plans", e.listPlans, "paginated", "limit", "offset", "payer_type")
	t = add(t, "GET", "/billing/subscription_items", e.listItems, "paginated", "include_free", "limit", "offset", "payer_type", "plan_id", "query", "status")
	t = add(t, "DELETE", "/billing/subscription_items/{subscription_item_id}", e.cancelItem, "end_now")
	t = add(t, "POST", "/billing/subscription_items/{subscription_item_id}/extend_free_trial", e.extendTrial, "extend_to")
	t = add(t, "GET", "/billing/statements", e.listStatements, "paginated", "limit", "offset")
	t = add(t, "GET", "/billing/statements/{statementID}", e.getStatement)
	t = add(t, "GET", "/billing/statements/{statementID}/payment_attempts", e.listAttempts, "paginated", "limit", "offset")
	for _, who := range []struct{ path, param string }{{"/users/{user_id}", "user_id"}, {"/organizations/{organization_id}", "organization_id"}} {
		t = add(t, "GET", who.path+"/billing/credits", e.creditBalance(who.param))
		t = add(t, "POST", who.path+"/billing/credits", e.adjustCredits(who.param), "action", "amount", "currency", "idempotency_key", "note")
		t = add(t, "GET", who.path+"/billing/subscription", e.payerSubscription(who.param))
	}
	t = add(t, "GET", "/billing/prices", e.listPrices, "limit", "offset", "paginated", "plan_id")
	t = add(t, "POST", "/billing/prices", e.createPrice, "amount", "annual_monthly_amount", "currency", "description", "plan_id",
		"supported_billing_periods")
	t = add(t, "POST", "/billing/subscription_items/{subscription_item_id}/discounts", e.applyDiscount, "discount_id")
	t = add(t, "DELETE", "/billing/subscription_items/{subscription_item_id}/discounts/{discount_id}", e.removeDiscount)
	t = add(t, "POST", "/billing/subscription_items/{subscription_item_id}/price_transition", e.priceTransition, "from_price_id", "to_price_id")
	return t
}

func (e *Emulator) listPlans(c *call) (int, any, error) {
	var q billing.ListPlansParams
	limit, offset, err := decodeListQuery(c, &q, &q.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	payer := q.PayerType.Or("")
	// The spec: sorted by creation date, newest first (planOrder is the
	// creation order).
	var out []*clerk.Plan
	for i := len(e.st.planOrder) - 1; i >= 0; i-- {
		if p := e.st.plans[e.st.planOrder[i]]; payer == "" || p.payerType == payer {
			out = append(out, p.json())
		}
	}
	return billingPage(q.Paginated, out, limit, offset)
}

func (e *Emulator) listItems(c *call) (int, any, error) {
	var lp billing.ListSubscriptionItemsParams
	limit, offset, err := decodeListQuery(c, &lp, &lp.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	includeFree := lp.IncludeFree.Or(false)
	status, payer, planID, q := lp.Status.Or(""), lp.PayerType.Or(""), lp.PlanID.Or(""), lp.Query.Or("")
	var items []*subscriptionItem
	for _, s := range e.st.subItems {
		p := e.st.plans[s.planID]
		switch {
		case status == "free_trial" && !s.isFreeTrial,
			status != "" && status != "free_trial" && s.status != status,
			payer != "" && p != nil && p.payerType != payer,
			planID != "" && s.planID != planID,
			!includeFree && p != nil && p.monthly == 0:
			continue
		}
		if q != "" {
			u := e.st.users[s.userID]
			if u == nil || !containsFold(u.primaryEmail()+" "+deref(u.firstName)+" "+deref(u.lastName), q) {
				continue
			}
		}
		items = append(items, s)
	}
	slices.SortFunc(items, func(a, b *subscriptionItem) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]*clerk.SubscriptionItem, 0, len(items))
	for _, s := range items {
		out = append(out, e.itemJSON(s))
	}
	return billingPage(lp.Paginated, out, limit, offset)
}

func (e *Emulator) findItem(id string) (*subscriptionItem, error) {
	s, ok := e.st.subItems[id]
	if !ok {
		return nil, notFound("subscription item " + id)
	}
	return s, nil
}

// cancelItem cancels at the end of the period, or at once with end_now=true.
func (e *Emulator) cancelItem(c *call) (int, any, error) {
	s, err := e.findItem(c.param("subscription_item_id"))
	if err != nil {
		return 0, nil, err
	}
	var p billing.CancelSubscriptionItemParams
	if err := decodeQuery(c, &p); err != nil {
		return 0, nil, err
	}
	endNow := p.EndNow.Or(false)
	if s.status == "ended" {
		return 0, nil, fail(http.StatusBadRequest, "subscription_item_ended", "This subscription item has already ended.", "")
	}
	now := e.ms()
	types := []string{webhooks.SubscriptionItemCanceled}
	if s.canceledAt != nil {
		types = nil // already cancelled at the end of its period
	}
	s.canceledAt, s.updatedAt = ptr(now), now
	if endNow {
		s.status, s.ended, s.periodEnd = "ended", ptr(now), ptr(now)
		types = append(types, webhooks.SubscriptionItemEnded)
	} else if s.periodEnd != nil {
		s.ended = ptr(*s.periodEnd)
	}
	e.emitItem(c, s, len(types) > 0, types...)
	return http.StatusOK, e.itemJSON(s), nil
}

func (e *Emulator) extendTrial(c *call) (int, any, error) {
	s, err := e.findItem(c.param("subscription_item_id"))
	if err != nil {
		return 0, nil, err
	}
	var p billing.ExtendFreeTrialParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if p.ExtendTo == "" {
		return 0, nil, missingParam("extend_to")
	}
	to, err := parseDateTime("extend_to", p.ExtendTo)
	if err != nil {
		return 0, nil, err
	}
	if !s.isFreeTrial || s.status != "active" {
		return 0, nil, fail(http.StatusBadRequest, "subscription_item_not_in_free_trial", "This subscription item is not in a free trial.", "")
	}
	if s.periodEnd != nil && *to <= *s.periodEnd {
		return 0, nil, invalidParam("extend_to", "extend_to must be later than the current end of the free trial.")
	}
	if *to > e.now().Add(365*24*time.Hour).UnixMilli() {
		return 0, nil, invalidParam("extend_to", "extend_to must be within 365 days.")
	}
	s.periodEnd, s.updatedAt = to, e.ms()
	e.emitItem(c, s, false, webhooks.SubscriptionItemUpdated)
	return http.StatusOK, e.itemJSON2(s), nil
}

func (e *Emulator) listStatements(c *call) (int, any, error) {
	var q billing.ListStatementsParams
	limit, offset, err := decodeListQuery(c, &q, &q.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	ss := make([]*statement, 0, len(e.st.statements))
	for _, s := range e.st.statements {
		ss = append(ss, s)
	}
	slices.SortFunc(ss, func(a, b *statement) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]*clerk.BillingStatement, 0, len(ss))
	for _, s := range ss {
		out = append(out, e.statementJSON(s))
	}
	return billingPage(q.Paginated, out, limit, offset)
}

func (e *Emulator) findStatement(id string) (*statement, error) {
	s, ok := e.st.statements[id]
	if !ok {
		return nil, notFound("statement " + id)
	}
	return s, nil
}

func (e *Emulator) getStatement(c *call) (int, any, error) {
	s, err := e.findStatement(c.param("statementID"))
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, e.statementJSON(s), nil
}

func (e *Emulator) listAttempts(c *call) (int, any, error) {
	s, err := e.findStatement(c.param("statementID"))
	if err != nil {
		return 0, nil, err
	}
	var q billing.ListPaymentAttemptsParams
	limit, offset, err := decodeListQuery(c, &q, &q.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	out := make([]*clerk.PaymentAttempt, 0, len(s.attemptIDs))
	for _, id := range s.attemptIDs {
		if a, ok := e.st.attempts[id]; ok {
			out = append(out, e.attemptJSON(a))
		}
	}
	return billingPage(q.Paginated, out, limit, offset)
}

// billingPage answers a billing list: one page, or every item when the
// caller sends paginated=false.
func billingPage[T any](paginated clerk.Opt[bool], items []T, limit, offset int) (int, any, error) {
	if p, set := paginated.Get(); set && !p {
		limit, offset = len(items), 0
	}
	return http.StatusOK, pageOf(items, limit, offset), nil
}

// Credit balances, subscriptions, prices, discounts and price transitions.
// Each plan has a default price; CreatePrice adds more. Discounts are made
// in the dashboard, so CreateDiscount stands in for it.

// ledger is a payer's credit balance (cents) and the idempotency keys of
// the adjustments already applied.
type ledger struct {
	balance int64
	seen    map[string]*clerk.CreditLedgerEntry
}

// payer resolves the path's user or organization to its payer key.
func (e *Emulator) payer(c *call, param string) (string, error) {
	id := c.param(param)
	if param == "user_id" {
		if _, err := e.findUser(id); err != nil {
			return "", err
		}
		return id, nil
	}
	o, err := e.findOrg(id)
	if err != nil {
		return "", err
	}
	return o.id, nil
}

func (e *Emulator) creditBalance(param string) handler {
	return func(c *call) (int, any, error) {
		who, err := e.payer(c, param)
		if err != nil {
			return 0, nil, err
		}
		out := &clerk.CreditBalance{Object: "commerce_credit_balance"}
		if l, ok := e.st.credits[who]; ok {
			out.Balance = money(l.balance)
		}
		return http.StatusOK, out, nil
	}
}

func (e *Emulator) adjustCredits(param string) handler {
	return func(c *call) (int, any, error) {
		who, err := e.payer(c, param)
		if err != nil {
			return 0, nil, err
		}
		var p billing.AdjustUserCreditBalanceParams
		if err := decode(c, &p); err != nil {
			return 0, nil, err
		}
		if err := need("action", p.Action, "idempotency_key", p.IdempotencyKey); err != nil {
			return 0, nil, err
		}
		if p.Action != "increase" && p.Action != "decrease" {
			return 0, nil, invalidParam("action", "action must be increase or decrease.")
		}
		if p.Amount <= 0 {
			return 0, nil, invalidParam("amount", "amount must be a positive number of cents.")
		}
		if cur := p.Currency.Or("USD"); cur != "USD" {
			return 0, nil, invalidParam("currency", "currency must be USD in the emulator.")
		}
		l := e.st.credits[who]
		if l == nil {
			l = &ledger{seen: map[string]*clerk.CreditLedgerEntry{}}
			e.st.credits[who] = l
		}
		if prev, ok := l.seen[p.IdempotencyKey]; ok {
			return http.StatusOK, prev, nil
		}
		amount := p.Amount
		if p.Action == "decrease" {
			if l.balance < amount {
				return 0, nil, invalidParam("amount", "the decrease exceeds the credit balance.")
			}
			amount = -amount
		}
		l.balance += amount
		entry := &clerk.CreditLedgerEntry{Object: "commerce_credit_ledger", ID: newID("cledger"), Amount: *money(amount),
			CreatedAt: e.now().UTC().Format(time.RFC3339), Note: orNull(p.Note), PayerID: "cpayer_" + who, SourceID: p.IdempotencyKey,
			SourceType: "manual_adjustment"}
		l.seen[p.IdempotencyKey] = entry
		return http.StatusOK, entry, nil
	}
}

// payerSubscription gathers the payer's subscription items into its
// subscription.
func (e *Emulator) payerSubscription(param string) handler {
	return func(c *call) (int, any, error) {
		who, err := e.payer(c, param)
		if err != nil {
			return 0, nil, err
		}
		sub := e.subscriptionJSON(who)
		if sub == nil {
			return 0, nil, notFound("subscription of " + who)
		}
		return http.StatusOK, sub, nil
	}
}

// prices lists the default price of every plan, then the created ones.
func (e *Emulator) prices() []*clerk.BillingPrice {
	var out []*clerk.BillingPrice
	for _, id := range e.st.planOrder {
		p := e.st.plans[id]
		out = append(out, &clerk.BillingPrice{Object: "commerce_price", ID: planPriceID(p), PlanID: p.id,
			Amount: p.monthly, AnnualMonthlyAmount: p.annualMonthly(), Fee: money(p.monthly), AnnualMonthlyFee: money(p.annualMonthly()),
			Currency: "USD", CurrencySymbol: "$", IsDefault: true, InstanceID: e.keys.instanceID, SupportedBillingPeriods: "both",
			Description: clerk.Null[string](),
			CreatedAt:   0})
	}
	return append(out, e.st.prices.list(false, nil)...)
}

// planPriceID is the ID of a plan's own (default) price.
func planPriceID(p *plan) string { return "cprice_" + strings.TrimPrefix(p.id, "cplan_") }

func (e *Emulator) findPrice(id string) *clerk.BillingPrice {
	for _, p := range e.prices() {
		if p.ID == id {
			return p
		}
	}
	return nil
}

func (e *Emulator) listPrices(c *call) (int, any, error) {
	var q billing.ListPricesParams
	limit, offset, err := decodeListQuery(c, &q, &q.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	plan := q.PlanID.Or("")
	var out []*clerk.BillingPrice
	for _, p := range e.prices() {
		if plan == "" || p.PlanID == plan {
			out = append(out, p)
		}
	}
	return billingPage(q.Paginated, out, limit, offset)
}

func (e *Emulator) createPrice(c *call) (int, any, error) {
	var p billing.CreatePriceParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("plan_id", p.PlanID); err != nil {
		return 0, nil, err
	}
	if p.Amount == nil {
		return 0, nil, missingParam("amount")
	}
	if _, ok := e.st.plans[p.PlanID]; !ok {
		return 0, nil, resourceParamNotFound("plan_id")
	}
	periods := p.SupportedBillingPeriods.Or("month")
	if periods != "month" && periods != "annual" && periods != "both" {
		return 0, nil, invalidParam("supported_billing_periods", "supported_billing_periods must be month, annual or both.")
	}
	am := p.AnnualMonthlyAmount.Or(*p.Amount)
	price := &clerk.BillingPrice{Object: "commerce_price", ID: newID("cprice"), PlanID: p.PlanID, Amount: *p.Amount, AnnualMonthlyAmount: am,
		Fee: money(*p.Amount), AnnualMonthlyFee: money(am), Currency: p.Currency.Or("USD"), CurrencySymbol: "$",
		Description: orNull(p.Description), InstanceID: e.keys.instanceID, SupportedBillingPeriods: clerk.BillingPriceSupportedBillingPeriods(periods),
		CreatedAt: e.ms()}
	e.st.prices.put(price.ID, price)
	return http.StatusOK, price, nil
}

// discount is a discount a test created with CreateDiscount.
type discount struct {
	id, name   string
	percentOff float64
}

// CreateDiscount makes a discount (as the dashboard would) that
// subscription items can then redeem, and returns its ID.
func (e *Emulator) CreateDiscount(name string, percentOff float64) (string, error) {
	if percentOff <= 0 || percentOff > 100 {
		return "", errors.New("clerktest: create discount: percentOff must be in (0, 100]")
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	d := &discount{id: newID("disc"), name: name, percentOff: percentOff}
	e.st.discounts[d.id] = d
	return d.id, nil
}

func (e *Emulator) redemptionJSON(s *subscriptionItem, d *discount, status clerk.DiscountRedemptionStatus) *clerk.DiscountRedemption {
	// A percentage discount takes its share of the plan's fee; it has no
	// fixed amount off.
	var fee int64
	if p, ok := e.st.plans[s.planID]; ok {
		fee = p.monthly
	}
	effect := clerk.DiscountRedemptionEffectPercentage
	return &clerk.DiscountRedemption{Object: "commerce_discount_redemption", ID: "cdr_" + strings.TrimPrefix(d.id, "disc_") + "x", DiscountID: d.id,
		SubscriptionItemID: s.id, Name: ptr(d.name), PercentOff: clerk.Value(d.percentOff), Source: clerk.DiscountRedemptionSourceManual,
		Status: &status, RedeemedAt: e.ms(), CyclesApplied: 0, Effect: &effect,
		Amount: clerk.Value(*money(int64(float64(fee) * d.percentOff / 100))), AmountOff: clerk.Null[clerk.Money]()}
}

func (e *Emulator) applyDiscount(c *call) (int, any, error) {
	s, err := e.findItem(c.param("subscription_item_id"))
	if err != nil {
		return 0, nil, err
	}
	var p billing.ApplyDiscountParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("discount_id", p.DiscountID); err != nil {
		return 0, nil, err
	}
	d, ok := e.st.discounts[p.DiscountID]
	if !ok {
		return 0, nil, resourceParamNotFound("discount_id")
	}
	if s.discountID != "" {
		return 0, nil, fail(http.StatusConflict, "duplicate_record", "discount already applied", "The subscription item already has a discount.")
	}
	s.discountID, s.updatedAt = d.id, e.ms()
	return http.StatusOK, e.redemptionJSON(s, d, clerk.DiscountRedemptionStatusActive), nil
}

func (e *Emulator) removeDiscount(c *call) (int, any, error) {
	s, err := e.findItem(c.param("subscription_item_id"))
	if err != nil {
		return 0, nil, err
	}
	d, ok := e.st.discounts[c.param("discount_id")]
	if !ok || s.discountID != d.id {
		return 0, nil, notFound("discount " + c.param("discount_id") + " of subscription item " + s.id)
	}
	s.discountID, s.updatedAt = "", e.ms()
	return http.StatusOK, e.redemptionJSON(s, d, clerk.DiscountRedemptionStatusRemoved), nil
}

// priceTransition moves a subscription item from one price to another,
// effective immediately; the item's plan becomes the new price's plan.
func (e *Emulator) priceTransition(c *call) (int, any, error) {
	s, err := e.findItem(c.param("subscription_item_id"))
	if err != nil {
		return 0, nil, err
	}
	var p billing.CreatePriceTransitionParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("from_price_id", p.FromPriceID, "to_price_id", p.ToPriceID); err != nil {
		return 0, nil, err
	}
	from, to := e.findPrice(p.FromPriceID), e.findPrice(p.ToPriceID)
	switch {
	case from == nil:
		return 0, nil, resourceParamNotFound("from_price_id")
	case to == nil:
		return 0, nil, resourceParamNotFound("to_price_id")
	case from.PlanID != s.planID:
		return 0, nil, invalidParam("from_price_id", "from_price_id must be a price of the subscription item's plan.")
	}
	prevPlan := e.st.plans[s.planID]
	prev := prevPlan.withAmounts(prevPlan.json())
	prev.Interval, prev.Period = ptr(int64(1)), ptr("month")
	now := e.ms()
	s.planID, s.updatedAt = to.PlanID, now
	e.emitItem(c, s, true, webhooks.SubscriptionItemUpdated)
	return http.StatusOK, priceTransitionAnswer{Object: "commerce_price_transition", SubscriptionItem: e.itemJSON2(s),
		Transition: clerk.PriceTransitionDetails{EffectiveMode: "immediate", EffectiveAt: now,
			PreviousPlan: *prev, PreviousPrice: *from, PreviousSubscriptionItemID: s.id,
			PreviousSubscriptionItemStatus: "ended", ImmediateCharge: clerk.Null[clerk.Money](), NextBillingDate: optOf(s.periodEnd)}}, nil
}

// priceTransitionAnswer is clerk.PriceTransition with the subscription
// item in the shape of its schema (see extendedItem).
type priceTransitionAnswer struct {
	Object           string                       `json:"object"`
	SubscriptionItem extendedItem                 `json:"subscription_item"`
	Transition       clerk.PriceTransitionDetails `json:"transition"`
}

// sortedItems returns the subscription items, oldest first.
func (e *Emulator) sortedItems() []*subscriptionItem {
	out := make([]*subscriptionItem, 0, len(e.st.subItems))
	for _, s := range e.st.subItems {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *subscriptionItem) int { return cmpInt(a.seq, b.seq) })
	return out
}
