package clerktest

import (
	"fmt"
	"strings"
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

func money(cents int64) map[string]any {
	return map[string]any{"amount": cents, "amount_formatted": fmt.Sprintf("%d.%02d", cents/100, cents%100),
		"currency": "USD", "currency_symbol": "$"}
}

func (p *plan) annualMonthly() int64 { return p.annual / 12 }

func (p *plan) json() map[string]any {
	features := make([]map[string]any, 0, len(p.features))
	for i, f := range p.features {
		features = append(features, map[string]any{"object": "feature", "id": p.featureIDs[i], "name": f[0],
			"description": nil, "slug": f[1], "avatar_url": nil})
	}
	return map[string]any{
		"object": "commerce_plan", "id": p.id, "name": p.name,
		"fee": money(p.monthly), "annual_monthly_fee": money(p.annualMonthly()), "annual_fee": money(p.annual),
		"description": p.description, "product_id": "prod_emulator", "is_default": p.isDefault, "is_recurring": true,
		"publicly_visible": true, "has_base_fee": p.monthly > 0, "for_payer_type": p.payerType, "slug": p.slug,
		"avatar_url": nil, "features": features, "free_trial_enabled": p.trialDays != nil, "free_trial_days": p.trialDays,
	}
}

// json2 is the richer plan shape embedded in the extend-free-trial answer.
func (p *plan) json2() map[string]any {
	features := make([]map[string]any, 0, len(p.features))
	for i, f := range p.features {
		features = append(features, map[string]any{"object": "feature", "id": p.featureIDs[i], "name": f[0],
			"description": "", "slug": f[1], "avatar_url": ""})
	}
	m, am, a := money(p.monthly), money(p.annualMonthly()), money(p.annual)
	return map[string]any{
		"object": "commerce_plan", "id": p.id, "name": p.name, "fee": m, "annual_monthly_fee": am, "annual_fee": a,
		"amount": p.monthly, "amount_formatted": m["amount_formatted"],
		"annual_monthly_amount": p.annualMonthly(), "annual_monthly_amount_formatted": am["amount_formatted"],
		"annual_amount": p.annual, "annual_amount_formatted": a["amount_formatted"],
		"currency_symbol": "$", "currency": "USD", "description": p.description, "product_id": "prod_emulator",
		"is_default": p.isDefault, "is_recurring": true, "publicly_visible": true, "has_base_fee": p.monthly > 0,
		"payer_type": []string{p.payerType}, "for_payer_type": p.payerType, "slug": p.slug, "avatar_url": "",
		"features": features, "free_trial_enabled": p.trialDays != nil, "free_trial_days": p.trialDays,
	}
}

func (e *Emulator) payerJSON(payerID, userID string) map[string]any {
	out := map[string]any{"object": "commerce_payer", "id": payerID, "instance_id": e.keys.instanceID}
	if u, ok := e.st.users[userID]; ok {
		out["user_id"] = u.id
		out["first_name"] = u.firstName
		out["last_name"] = u.lastName
		out["email"] = u.primaryEmail()
		out["image_url"] = imageURL(u.id)
	}
	return out
}

func (e *Emulator) itemJSON(s *subscriptionItem) map[string]any {
	out := map[string]any{
		"object": "commerce_subscription_item", "id": s.id, "instance_id": e.keys.instanceID, "status": s.status,
		"plan_id": s.planID, "plan_period": "month", "payer_id": s.payerID, "payer": e.payerJSON(s.payerID, s.userID),
		"is_free_trial": s.isFreeTrial, "period_start": s.periodStart, "period_end": s.periodEnd,
		"canceled_at": s.canceledAt, "past_due_at": s.pastDue, "ended_at": s.ended,
		"created_at": s.createdAt, "updated_at": s.updatedAt, "plan": nil,
	}
	if p, ok := e.st.plans[s.planID]; ok {
		out["plan"] = p.json()
	}
	return out
}

// itemJSON2 is the subscription item shape of the extend-free-trial answer.
func (e *Emulator) itemJSON2(s *subscriptionItem) map[string]any {
	out := map[string]any{
		"object": "commerce_subscription_item", "id": s.id, "instance_id": e.keys.instanceID, "status": s.status,
		"plan_id": s.planID, "plan": nil, "plan_period": "month", "payment_source_id": "",
		"payer_id": s.payerID, "is_free_trial": s.isFreeTrial, "proration_date": "",
		"period_start": s.periodStart, "period_end": s.periodEnd, "canceled_at": s.canceledAt,
		"past_due_at": s.pastDue, "ended_at": s.ended, "created_at": s.createdAt, "updated_at": s.updatedAt,
	}
	if p, ok := e.st.plans[s.planID]; ok {
		out["plan"] = p.json2()
	}
	return out
}

func (e *Emulator) attemptJSON(a *paymentAttempt) map[string]any {
	pm := map[string]any{"object": "commerce_payment_method", "id": "pm_" + strings.TrimPrefix(a.payerID, "cpayer_"),
		"payer_id": a.payerID, "payment_type": "card", "gateway": "stripe", "gateway_external_id": "pm_card_visa",
		"gateway_external_account_id": nil, "last4": "4242", "status": "active", "card_type": "visa"}
	return map[string]any{
		"object": "commerce_payment", "id": a.id, "payment_id": "pay_" + strings.TrimPrefix(a.id, "cpa_"),
		"instance_id": e.keys.instanceID, "charge_type": "recurring", "payee_id": e.keys.instanceID,
		"payee": map[string]any{"id": e.keys.instanceID}, "payer_id": a.payerID, "payer": e.payerJSON(a.payerID, a.userID),
		"subscription_item_id": a.itemID, "amount": money(a.amount), "payment_method_id": pm["id"], "payment_method": pm,
		"statement_id": a.statementID, "gateway_external_id": nil, "gateway_external_url": nil, "status": "paid",
		"paid_at": a.createdAt, "failed_at": nil, "created_at": a.createdAt, "updated_at": a.createdAt,
	}
}

func (e *Emulator) statementJSON(s *statement) map[string]any {
	items := make([]map[string]any, 0, len(s.attemptIDs))
	var total int64
	for _, id := range s.attemptIDs {
		if a, ok := e.st.attempts[id]; ok {
			items = append(items, e.attemptJSON(a))
			total += a.amount
		}
	}
	return map[string]any{
		"object": "commerce_statement", "id": s.id, "instance_id": e.keys.instanceID, "timestamp": s.timestamp,
		"payer": e.payerJSON(s.payerID, s.userID), "status": "closed",
		"totals": map[string]any{"grand_total": money(total), "subtotal": money(total), "base_fee": money(total), "tax_total": money(0)},
		"groups": []map[string]any{{"object": "commerce_statement_group", "timestamp": s.timestamp, "items": items}},
	}
}
