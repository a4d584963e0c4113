// Command billing-migration reads an instance's billing data through the
// billing package of API version 2025-11-10, for code moving off the older
// /commerce endpoints:
//
//	GET /commerce/plans              -> billing.Service.ListPlans / AllPlans   (GET /billing/plans)
//	GET /commerce/subscription_items -> billing.Service.ListSubscriptionItems (GET /billing/subscription_items)
//	(new)                            -> billing.Service.ListStatements, GetStatement, ListPaymentAttempts
//
// Amounts are fee objects (amount in cents, formatted amount, currency), and
// the card on file is payment_method (formerly payment_source).
//
//	go run ./examples/billing-migration
//
// Without CLERK_SECRET_KEY it runs against the clerktest emulator's demo data.
// It only reads.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/billing"
	"github.com/clerkgo/clerk/clerktest"
)

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "billing-migration:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	var c *clerk.Client
	if os.Getenv("CLERK_SECRET_KEY") == "" {
		em := clerktest.New(clerktest.WithDemoData())
		defer em.Close()
		c = em.Client()
		fmt.Println("No CLERK_SECRET_KEY: using the clerktest emulator's demo billing data")
	} else {
		var err error
		if c, err = clerk.NewClientFromEnv(); err != nil {
			return err
		}
	}
	b := billing.New(c)

	fmt.Println("\nPlans (GET /billing/plans):")
	for p, err := range b.AllPlans(ctx, nil) {
		if err != nil {
			return fmt.Errorf("plans: %w", err)
		}
		fmt.Printf("  %-5s %-10s %-5s monthly %-8s annual %s\n", p.Name, p.Slug, p.ForPayerType, amount(p.Fee), amount(p.AnnualFee))
		if p.Slug == "pro" {
			fmt.Printf("        fee object: %s\n", jsonOf(p.Fee))
		}
	}

	fmt.Println("\nSubscription items (GET /billing/subscription_items):")
	for s, err := range b.AllSubscriptionItems(ctx, &billing.ListSubscriptionItemsParams{IncludeFree: clerk.Bool(true)}) {
		if err != nil {
			return fmt.Errorf("subscription items: %w", err)
		}
		plan := "?"
		if p, ok := s.Plan.Get(); ok {
			plan = p.Slug
		}
		fmt.Printf("  %s  %-9s %-7s free trial: %-5v payment_method: %s\n", s.ID, plan, s.Status, s.IsFreeTrial, method(s.GetPaymentMethod()))
	}

	fmt.Println("\nStatements (GET /billing/statements) and their payment attempts:")
	for st, err := range b.AllStatements(ctx, nil) {
		if err != nil {
			return fmt.Errorf("statements: %w", err)
		}
		fmt.Printf("  %s  %-6s grand total %s\n", st.ID, st.Status, amount(&st.Totals.GrandTotal))
		for a, err := range b.AllPaymentAttempts(ctx, st.ID, nil) {
			if err != nil {
				return fmt.Errorf("payment attempts: %w", err)
			}
			fmt.Printf("    %s  %-7s %s  payment_method: %s\n", a.ID, a.Status, amount(&a.Amount), method(&a.PaymentMethod))
		}
	}
	return nil
}

func amount(m *clerk.Money) string {
	if m == nil {
		return "-"
	}
	return m.CurrencySymbol + m.AmountFormatted
}

func method(pm *clerk.PaymentMethod) string {
	if pm == nil || pm.ID == "" {
		return "none"
	}
	s := string(pm.PaymentType)
	if pm.CardType != nil {
		s += " " + *pm.CardType
	}
	if pm.Last4 != nil {
		s += " ending " + *pm.Last4
	}
	return s + " (" + pm.ID + ")"
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}
