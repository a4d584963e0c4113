package clerktest_test

import (
	"testing"
	"time"

	"github.com/clerkgo/clerk/clerktest"
)

// TestSubscriptionItemMoneyFields checks that every subscription item
// carries lifetime_paid (the sum of its payments), next_payment (the fee
// due at period end while a paid item renews, null otherwise) and seats
// (null: the emulator's plans are not seat-based).
func TestSubscriptionItemMoneyFields(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	e := newEmu(t, clerktest.WithDemoData(), clerktest.WithNow(func() time.Time { return now }))
	var paid map[string]any
	var trial string
	for _, it := range call(t, e, "GET", "/billing/subscription_items?include_free=true", nil, 200)["data"].([]any) {
		m := it.(map[string]any)
		for _, k := range []string{"lifetime_paid", "next_payment", "seats"} {
			if _, ok := m[k]; !ok {
				t.Errorf("item %v leaves out %s", m["id"], k)
			}
		}
		if m["seats"] != nil {
			t.Errorf("seats %v, want null", m["seats"])
		}
		plan := m["plan"].(map[string]any)
		fee := plan["fee"].(map[string]any)["amount"].(float64)
		if fee == 0 && m["next_payment"] != nil {
			t.Errorf("free item %v has next_payment %v", m["id"], m["next_payment"])
		}
		if m["is_free_trial"] == true {
			trial = m["id"].(string)
		}
		if fee > 0 && m["is_free_trial"] == false && paid == nil {
			paid = m
		}
	}
	if paid == nil {
		t.Fatal("demo data has no paid item")
	}
	if lp := paid["lifetime_paid"].(map[string]any); lp["amount"] != 2000.0 || lp["currency"] != "USD" {
		t.Errorf("lifetime_paid %v, want the one 20.00 payment", lp)
	}
	next, _ := paid["next_payment"].(map[string]any)
	if next == nil || next["amount"].(map[string]any)["amount"] != 2000.0 {
		t.Errorf("next_payment %v, want the plan fee", paid["next_payment"])
	}
	// The extend-free-trial answer has its own schema, without seats.
	ext := call(t, e, "POST", "/billing/subscription_items/"+trial+"/extend_free_trial", map[string]any{"extend_to": now.AddDate(0, 1, 0).Format(time.RFC3339)}, 200)
	if _, ok := ext["seats"]; ok {
		t.Errorf("extend_free_trial answer has seats: %v", ext["seats"])
	}
	canceled := call(t, e, "DELETE", "/billing/subscription_items/"+paid["id"].(string), nil, 200)
	if v, ok := canceled["next_payment"]; !ok || v != nil {
		t.Errorf("canceled item next_payment %v (present %v), want null", v, ok)
	}
}
