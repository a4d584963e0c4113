package clerktest

import (
	"cmp"
	"net/http"
	"slices"
	"time"

	"github.com/clerkgo/clerk"
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
	return t
}

func (e *Emulator) listPlans(c *call) (int, any, error) {
	limit, offset, err := page(c.query, 500)
	if err != nil {
		return 0, nil, err
	}
	payer := c.query.Get("payer_type")
	// The spec: sorted by creation date, newest first (planOrder is the
	// creation order).
	var out []*clerk.Plan
	for i := len(e.st.planOrder) - 1; i >= 0; i-- {
		if p := e.st.plans[e.st.planOrder[i]]; payer == "" || p.payerType == payer {
			out = append(out, p.json())
		}
	}
	return billingPage(c, out, limit, offset)
}

func (e *Emulator) listItems(c *call) (int, any, error) {
	limit, offset, err := page(c.query, 500)
	if err != nil {
		return 0, nil, err
	}
	includeFree, _, err := queryBool(c.query, "include_free")
	if err != nil {
		return 0, nil, err
	}
	status, payer, planID, q := c.query.Get("status"), c.query.Get("payer_type"), c.query.Get("plan_id"), c.query.Get("query")
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
	return billingPage(c, out, limit, offset)
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
	endNow, _, err := queryBool(c.query, "end_now")
	if err != nil {
		return 0, nil, err
	}
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
	f, err := parseFields(c.body)
	if err != nil {
		return 0, nil, err
	}
	to, _, err := f.dateTime("extend_to")
	if err != nil {
		return 0, nil, err
	}
	if to == nil {
		return 0, nil, missingParam("extend_to")
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
	limit, offset, err := page(c.query, 500)
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
	return billingPage(c, out, limit, offset)
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
	limit, offset, err := page(c.query, 500)
	if err != nil {
		return 0, nil, err
	}
	out := make([]*clerk.PaymentAttempt, 0, len(s.attemptIDs))
	for _, id := range s.attemptIDs {
		if a, ok := e.st.attempts[id]; ok {
			out = append(out, e.attemptJSON(a))
		}
	}
	return billingPage(c, out, limit, offset)
}

// billingPage answers a billing list: one page, or every item when the
// caller sends paginated=false.
func billingPage[T any](c *call, items []T, limit, offset int) (int, any, error) {
	paginated, set, err := queryBool(c.query, "paginated")
	if err != nil {
		return 0, nil, err
	}
	if set && !paginated {
		limit, offset = len(items), 0
	}
	return http.StatusOK, pageOf(items, limit, offset), nil
}
