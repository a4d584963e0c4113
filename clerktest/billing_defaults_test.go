package clerktest_test

import (
	"slices"
	"testing"

	"github.com/clerkgo/clerk/clerktest"
)

// TestBillingPlanOrderAndDefaultPlan checks that plans are listed newest
// first, as the spec documents, and that a user created while billing is
// on (a default user plan exists) is subscribed to that free plan.
func TestBillingPlanOrderAndDefaultPlan(t *testing.T) {
	t.Parallel()
	e := newEmu(t, clerktest.WithDemoData())
	var slugs []string
	for _, p := range call(t, e, "GET", "/billing/plans", nil, 200)["data"].([]any) {
		slugs = append(slugs, p.(map[string]any)["slug"].(string))
	}
	if !slices.Equal(slugs, []string{"team", "pro", "free_user"}) {
		t.Errorf("plan order %v, want newest first", slugs)
	}
	uid := createUser(t, e, map[string]any{"email_address": []string{"newbie+clerk_test@example.com"}})
	sub := call(t, e, "GET", "/users/"+uid+"/billing/subscription", nil, 200)
	items, _ := sub["subscription_items"].([]any)
	if len(items) != 1 || items[0].(map[string]any)["plan"].(map[string]any)["slug"] != "free_user" {
		t.Errorf("new user's subscription %v", sub)
	}
}
