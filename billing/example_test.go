package billing_test

import (
	"context"
	"fmt"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/billing"
	"github.com/clerkgo/clerk/clerktest"
)

// List the plans, newest first, with their fees as clerk.Money.
func ExampleService_ListPlans() {
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	svc := billing.New(emu.Client())
	for p, err := range svc.AllPlans(context.Background(), nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(p.Slug, p.GetFee().AmountFormatted)
	}
	// Output:
	// free_org 0.00
	// team 50.00
	// pro 20.00
	// free_user 0.00
}

// Walk the subscription items; every pointer field has an accessor that
// is safe when the field is absent.
func ExampleService_AllSubscriptionItems() {
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	svc := billing.New(emu.Client())
	n := 0
	for item, err := range svc.AllSubscriptionItems(context.Background(), nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		var _ *clerk.SubscriptionItem = item
		if item.Status == clerk.SubscriptionItemStatusActive {
			n++
		}
	}
	fmt.Println(n, "active items")
	// Output: 3 active items
}
