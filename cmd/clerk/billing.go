package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/billing"
)

func billingPlans(a *app, args []string) error {
	fs := a.flags()
	pg := addPaging(fs, "plans")
	payer := fs.String("payer-type", "", "only plans for this payer type: user or org")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	if err := pg.check(); err != nil {
		return err
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	p := &billing.ListPlansParams{}
	if *payer != "" {
		p.PayerType = clerk.String(*payer)
	}
	svc := billing.New(c)
	plans, err := fetch(a, pg, &p.ListParams,
		func(ctx context.Context) (*clerk.Page[*clerk.Plan], error) { return svc.ListPlans(ctx, p) },
		func(ctx context.Context) iter.Seq2[*clerk.Plan, error] { return svc.AllPlans(ctx, p) })
	if err != nil {
		return err
	}
	return a.output(plans, func(w io.Writer) error {
		t := newTable(w, "ID", "NAME", "SLUG", "PAYER", "MONTHLY", "ANNUAL", "TRIAL", "FEATURES")
		for _, pl := range plans {
			trial := "-"
			if d, ok := pl.FreeTrialDays.Get(); ok {
				trial = fmt.Sprintf("%d days", d)
			}
			var feats []string
			for _, f := range pl.Features {
				feats = append(feats, f.Slug)
			}
			t.row(pl.ID, pl.Name, pl.Slug, pl.ForPayerType, money(pl.Fee), money(pl.AnnualFee), trial, orDash(strings.Join(feats, ",")))
		}
		return t.flush()
	})
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func billingStatements(a *app, args []string) error {
	fs := a.flags()
	pg := addPaging(fs, "statements")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	if err := pg.check(); err != nil {
		return err
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	svc, p := billing.New(c), &billing.ListStatementsParams{}
	list, err := fetch(a, pg, &p.ListParams,
		func(ctx context.Context) (*clerk.Page[*clerk.BillingStatement], error) {
			return svc.ListStatements(ctx, p)
		},
		func(ctx context.Context) iter.Seq2[*clerk.BillingStatement, error] { return svc.AllStatements(ctx, p) })
	if err != nil {
		return err
	}
	return a.output(list, func(w io.Writer) error {
		t := newTable(w, "ID", "STATUS", "PAYER", "DATE", "TOTAL", "PAYMENTS")
		for _, s := range list {
			n := 0
			for _, g := range s.Groups {
				n += len(g.Items)
			}
			t.row(s.ID, string(s.Status), payerName(&s.Payer), stamp(s.Timestamp), money(&s.Totals.GrandTotal), fmt.Sprint(n))
		}
		return t.flush()
	})
}

func payerName(p *clerk.Payer) string {
	if p == nil {
		return "-"
	}
	if e, ok := p.Email.Get(); ok && e != "" {
		return e
	}
	if id, ok := p.UserID.Get(); ok && id != "" {
		return id
	}
	if id, ok := p.OrganizationID.Get(); ok && id != "" {
		return id
	}
	return p.ID
}

func billingSubscriptionItems(a *app, args []string) error {
	fs := a.flags()
	status := fs.String("status", "", "only items with this status, e.g. active")
	planID := fs.String("plan-id", "", "only items of this plan")
	includeFree := fs.Bool("include-free", true, "include items on free plans")
	pg := addPaging(fs, "items")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	if err := pg.check(); err != nil {
		return err
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	p := &billing.ListSubscriptionItemsParams{IncludeFree: clerk.Bool(*includeFree)}
	if *status != "" {
		p.Status = clerk.String(*status)
	}
	if *planID != "" {
		p.PlanID = clerk.String(*planID)
	}
	svc := billing.New(c)
	list, err := fetch(a, pg, &p.ListParams,
		func(ctx context.Context) (*clerk.Page[*clerk.SubscriptionItem], error) {
			return svc.ListSubscriptionItems(ctx, p)
		},
		func(ctx context.Context) iter.Seq2[*clerk.SubscriptionItem, error] {
			return svc.AllSubscriptionItems(ctx, p)
		})
	if err != nil {
		return err
	}
	return a.output(list, func(w io.Writer) error {
		t := newTable(w, "ID", "PLAN", "STATUS", "PERIOD", "TRIAL", "PAYER", "PAYMENT METHOD")
		for _, s := range list {
			plan := str(s.PlanID)
			if pl, ok := s.Plan.Get(); ok {
				plan = pl.Slug
			}
			t.row(s.ID, plan, string(s.Status), string(s.PlanPeriod), fmt.Sprint(s.IsFreeTrial), payerName(s.GetPayer()), paymentMethod(s.GetPaymentMethod()))
		}
		return t.flush()
	})
}

func paymentMethod(pm *clerk.PaymentMethod) string {
	if pm == nil {
		return "-"
	}
	desc := string(pm.PaymentType)
	if pm.CardType != nil {
		desc = *pm.CardType
	}
	if pm.Last4 != nil {
		desc += " *" + *pm.Last4
	}
	return desc
}
