package clerktest_test

import (
	"testing"
	"time"

	"github.com/clerkgo/clerk/clerktest"
)

func TestBilling(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	e := newEmu(t, clerktest.WithDemoData(), clerktest.WithNow(func() time.Time { return now }))
	plans := call(t, e, "GET", "/billing/plans", nil, 200)
	if plans["total_count"] != 4.0 {
		t.Fatalf("plans %v", plans)
	}
	pro := plans["data"].([]any)[2].(map[string]any)
	fee := pro["fee"].(map[string]any)
	if pro["slug"] != "pro" || fee["amount"] != 2000.0 || fee["amount_formatted"] != "20.00" || fee["currency"] != "USD" {
		t.Errorf("pro plan %v", pro)
	}
	if p := call(t, e, "GET", "/billing/plans?payer_type=org", nil, 200); p["total_count"] != 2.0 {
		t.Errorf("org plans %v", p)
	}
	counts := []struct {
		query string
		want  float64
	}{{"", 3}, {"?include_free=true", 4}, {"?status=free_trial", 1}, {"?query=ada", 1}, {"?payer_type=org", 0}}
	for _, c := range counts {
		if got := call(t, e, "GET", "/billing/subscription_items"+c.query, nil, 200)["total_count"]; got != c.want {
			t.Errorf("items%s: %v, want %v", c.query, got, c.want)
		}
	}
	items := call(t, e, "GET", "/billing/subscription_items", nil, 200)["data"].([]any)
	var paid, trial string
	for _, it := range items {
		m := it.(map[string]any)
		if m["is_free_trial"] == true {
			trial = m["id"].(string)
		} else if paid == "" {
			paid = m["id"].(string)
		}
	}
	atEnd := call(t, e, "DELETE", "/billing/subscription_items/"+paid, nil, 200)
	if atEnd["status"] != "active" || atEnd["canceled_at"] != float64(now.UnixMilli()) {
		t.Errorf("cancel at period end %v", atEnd)
	}
	ended := call(t, e, "DELETE", "/billing/subscription_items/"+paid+"?end_now=true", nil, 200)
	if ended["status"] != "ended" || ended["ended_at"] != float64(now.UnixMilli()) {
		t.Errorf("cancel now %v", ended)
	}
	call(t, e, "DELETE", "/billing/subscription_items/"+paid+"?end_now=true", nil, 400)
	to := now.AddDate(0, 1, 0)
	ext := call(t, e, "POST", "/billing/subscription_items/"+trial+"/extend_free_trial", map[string]any{"extend_to": to.Format(time.RFC3339)}, 200)
	if ext["period_end"] != float64(to.UnixMilli()) {
		t.Errorf("extend %v", ext)
	}
	call(t, e, "POST", "/billing/subscription_items/"+trial+"/extend_free_trial", map[string]any{"extend_to": now.Format(time.RFC3339)}, 422)
	call(t, e, "POST", "/billing/subscription_items/"+paid+"/extend_free_trial", map[string]any{"extend_to": to.Format(time.RFC3339)}, 400)
	st := call(t, e, "GET", "/billing/statements", nil, 200)
	if st["total_count"] != 2.0 {
		t.Fatalf("statements %v", st)
	}
	sid := st["data"].([]any)[0].(map[string]any)["id"].(string)
	one := call(t, e, "GET", "/billing/statements/"+sid, nil, 200)
	if one["totals"].(map[string]any)["grand_total"].(map[string]any)["amount"] != 2000.0 {
		t.Errorf("statement %v", one)
	}
	if pa := call(t, e, "GET", "/billing/statements/"+sid+"/payment_attempts", nil, 200); pa["total_count"] != 1.0 {
		t.Errorf("payment attempts %v", pa)
	}
}
