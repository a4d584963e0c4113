package clerktest_test

import (
	"slices"
	"testing"

	"github.com/clerkgo/clerk/clerktest"
)

// TestBillingPlanOrderAndDefaultPlan checks that plans are listed newest
// first, as the spec documents, and that a user or organization created
// while billing is on for its payer type (a default plan exists for it) is
// subscribed to that free plan.
func TestBillingPlanOrderAndDefaultPlan(t *testing.T) {
	t.Parallel()
	e := newEmu(t, clerktest.WithDemoData())
	var slugs []string
	for _, p := range call(t, e, "GET", "/billing/plans", nil, 200)["data"].([]any) {
		slugs = append(slugs, p.(map[string]any)["slug"].(string))
	}
	if !slices.Equal(slugs, []string{"free_org", "team", "pro", "free_user"}) {
		t.Errorf("plan order %v, want newest first", slugs)
	}
	uid := createUser(t, e, map[string]any{"email_address": []string{"newbie+clerk_test@example.com"}})
	sub := call(t, e, "GET", "/users/"+uid+"/billing/subscription", nil, 200)
	items, _ := sub["subscription_items"].([]any)
	if len(items) != 1 || items[0].(map[string]any)["plan"].(map[string]any)["slug"] != "free_user" {
		t.Errorf("new user's subscription %v", sub)
	}
	org := call(t, e, "POST", "/organizations", map[string]any{"name": "Newco", "created_by": uid}, 200)["id"].(string)
	osub := call(t, e, "GET", "/organizations/"+org+"/billing/subscription", nil, 200)
	oitems, _ := osub["subscription_items"].([]any)
	if len(oitems) != 1 || oitems[0].(map[string]any)["plan"].(map[string]any)["slug"] != "free_org" {
		t.Fatalf("new organization's subscription %v", osub)
	}
	if payer := oitems[0].(map[string]any)["payer"].(map[string]any); payer["organization_id"] != org || payer["organization_name"] != "Newco" {
		t.Errorf("organization payer %v", payer)
	}
}
