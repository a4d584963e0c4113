package clerktest_test

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/billing"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/webhooks"
)

// billingRecorder keeps the webhook bodies an emulator delivers.
type billingRecorder struct {
	mu     sync.Mutex
	bodies [][]byte
}

// billingEmu starts an emulator with the demo billing data, a fixed clock
// and a recorder, and returns the billing service, the recorder and the
// paid and free-trial subscription items.
func billingEmu(t *testing.T) (*clerktest.Emulator, *billing.Service, *billingRecorder, *clerk.SubscriptionItem, *clerk.SubscriptionItem) {
	t.Helper()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	e := newEmu(t, clerktest.WithDemoData(), clerktest.WithNow(func() time.Time { return now }))
	rec := &billingRecorder{}
	e.OnWebhookFunc(func(_ string, _ http.Header, body []byte) {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		rec.bodies = append(rec.bodies, slices.Clone(body))
	})
	svc := billing.New(e.Client())
	items, err := svc.ListSubscriptionItems(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var paid, trial *clerk.SubscriptionItem
	for _, it := range items.Data {
		switch {
		case it.IsFreeTrial && trial == nil:
			trial = it
		case !it.IsFreeTrial && paid == nil:
			paid = it
		}
	}
	if paid == nil || trial == nil {
		t.Fatalf("demo data has no paid and trial items: %+v", items.Data)
	}
	return e, svc, rec, paid, trial
}

// take flushes the emulator and returns the events delivered since the
// last take, parsed.
func (r *billingRecorder) take(t *testing.T, e *clerktest.Emulator) []*webhooks.Event {
	t.Helper()
	if err := e.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	r.mu.Lock()
	bodies := r.bodies
	r.bodies = nil
	r.mu.Unlock()
	out := make([]*webhooks.Event, 0, len(bodies))
	for _, b := range bodies {
		ev, err := webhooks.Parse(b)
		if err != nil {
			t.Fatalf("parse %s: %v", b, err)
		}
		out = append(out, ev)
	}
	return out
}

func eventTypes(evs []*webhooks.Event) []string {
	out := make([]string, 0, len(evs))
	for _, ev := range evs {
		out = append(out, ev.Type)
	}
	return out
}

func wantTypes(t *testing.T, evs []*webhooks.Event, want ...string) {
	t.Helper()
	if got := eventTypes(evs); !slices.Equal(got, want) {
		t.Fatalf("events %v, want %v", got, want)
	}
}

// decodeItem decodes an event that must carry the subscription item id.
func decodeItem(t *testing.T, ev *webhooks.Event, id string) *clerk.SubscriptionItem {
	t.Helper()
	v, err := ev.Decode()
	if err != nil {
		t.Fatalf("%s: %v", ev.Type, err)
	}
	it, ok := v.(*clerk.SubscriptionItem)
	if !ok {
		t.Fatalf("%s decodes to %T, want *clerk.SubscriptionItem", ev.Type, v)
	}
	if it.ID != id || it.Object != "commerce_subscription_item" {
		t.Fatalf("%s: item %s (%s), want %s", ev.Type, it.ID, it.Object, id)
	}
	return it
}

// decodeSubscription decodes an event that must carry the subscription of
// the item's payer, with the item in it.
func decodeSubscription(t *testing.T, ev *webhooks.Event, item *clerk.SubscriptionItem) (*clerk.Subscription, *clerk.SubscriptionItem) {
	t.Helper()
	v, err := ev.Decode()
	if err != nil {
		t.Fatalf("%s: %v", ev.Type, err)
	}
	sub, ok := v.(*clerk.Subscription)
	if !ok {
		t.Fatalf("%s decodes to %T, want *clerk.Subscription", ev.Type, v)
	}
	if sub.Object != "commerce_subscription" || sub.PayerID != item.PayerID {
		t.Fatalf("%s: subscription %+v, want payer %s", ev.Type, sub, item.PayerID)
	}
	for _, it := range sub.SubscriptionItems {
		if it.ID == item.ID {
			return sub, it
		}
	}
	t.Fatalf("%s: subscription %s lacks item %s", ev.Type, sub.ID, item.ID)
	return nil, nil
}

func TestBillingEventsCancelAtPeriodEnd(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e, svc, rec, paid, _ := billingEmu(t)
	got, err := svc.CancelSubscriptionItem(ctx, paid.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	evs := rec.take(t, e)
	wantTypes(t, evs, webhooks.SubscriptionItemCanceled, webhooks.SubscriptionUpdated)
	it := decodeItem(t, evs[0], paid.ID)
	if !it.CanceledAt.IsSet() || it.CanceledAt != got.CanceledAt || it.Status != got.Status {
		t.Errorf("canceled payload %+v, answer %+v", it, got)
	}
	sub, inSub := decodeSubscription(t, evs[1], paid)
	if !inSub.CanceledAt.IsSet() || inSub.CanceledAt != got.CanceledAt {
		t.Errorf("subscription item %+v", inSub)
	}
	if answer, err := svc.GetUserSubscription(ctx, paid.GetPayer().UserID.Or("")); err != nil || answer.ID != sub.ID {
		t.Errorf("subscription %v: %v, event has %s", answer, err, sub.ID)
	}

	// Ending the already-cancelled item now sends ended, not canceled again.
	if _, err := svc.CancelSubscriptionItem(ctx, paid.ID, &billing.CancelSubscriptionItemParams{EndNow: clerk.Value(true)}); err != nil {
		t.Fatal(err)
	}
	evs = rec.take(t, e)
	wantTypes(t, evs, webhooks.SubscriptionItemEnded, webhooks.SubscriptionUpdated)
	if it := decodeItem(t, evs[0], paid.ID); it.Status != clerk.SubscriptionItemStatus("ended") || !it.EndedAt.IsSet() {
		t.Errorf("ended payload %+v", it)
	}
	decodeSubscription(t, evs[1], paid)

	// A refused cancellation sends nothing.
	if _, err := svc.CancelSubscriptionItem(ctx, paid.ID, &billing.CancelSubscriptionItemParams{EndNow: clerk.Value(true)}); err == nil {
		t.Fatal("cancelling an ended item succeeded")
	}
	wantTypes(t, rec.take(t, e))
}

func TestBillingEventsCancelNow(t *testing.T) {
	t.Parallel()
	e, svc, rec, paid, _ := billingEmu(t)
	if _, err := svc.CancelSubscriptionItem(context.Background(), paid.ID, &billing.CancelSubscriptionItemParams{EndNow: clerk.Value(true)}); err != nil {
		t.Fatal(err)
	}
	evs := rec.take(t, e)
	wantTypes(t, evs, webhooks.SubscriptionItemCanceled, webhooks.SubscriptionItemEnded, webhooks.SubscriptionUpdated)
	decodeItem(t, evs[0], paid.ID)
	if it, err := evs[1].SubscriptionItemEnded(); err != nil || it.ID != paid.ID || !it.EndedAt.IsSet() {
		t.Errorf("ended payload %+v: %v", it, err)
	}
	if sub, err := evs[2].SubscriptionUpdated(); err != nil || sub.PayerID != paid.PayerID {
		t.Errorf("subscription payload %+v: %v", sub, err)
	}
}

func TestBillingEventsExtendFreeTrial(t *testing.T) {
	t.Parallel()
	e, svc, rec, _, trial := billingEmu(t)
	to := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	if _, err := svc.ExtendFreeTrial(context.Background(), trial.ID, &billing.ExtendFreeTrialParams{ExtendTo: to.Format(time.RFC3339)}); err != nil {
		t.Fatal(err)
	}
	evs := rec.take(t, e)
	wantTypes(t, evs, webhooks.SubscriptionItemUpdated)
	it := decodeItem(t, evs[0], trial.ID)
	if it.PeriodEnd.Or(0) != to.UnixMilli() || !it.IsFreeTrial {
		t.Errorf("updated payload %+v", it)
	}

	// A refused extension sends nothing.
	if _, err := svc.ExtendFreeTrial(context.Background(), trial.ID, &billing.ExtendFreeTrialParams{ExtendTo: to.Format(time.RFC3339)}); err == nil {
		t.Fatal("extending to the current end succeeded")
	}
	wantTypes(t, rec.take(t, e))
}

func TestBillingEventsPriceTransition(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e, svc, rec, paid, _ := billingEmu(t)
	prices, err := svc.ListPrices(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var from, to *clerk.BillingPrice
	for _, p := range prices.Data {
		switch {
		case p.PlanID == *paid.PlanID:
			from = p
		case to == nil:
			to = p
		}
	}
	if from == nil || to == nil {
		t.Fatalf("prices %+v", prices.Data)
	}
	if _, err := svc.CreatePriceTransition(ctx, paid.ID, &billing.CreatePriceTransitionParams{FromPriceID: from.ID, ToPriceID: to.ID}); err != nil {
		t.Fatal(err)
	}
	evs := rec.take(t, e)
	wantTypes(t, evs, webhooks.SubscriptionItemUpdated, webhooks.SubscriptionUpdated)
	if it := decodeItem(t, evs[0], paid.ID); it.PlanID == nil || *it.PlanID != to.PlanID {
		t.Errorf("updated payload plan %v, want %s", it.PlanID, to.PlanID)
	}
	if _, it := decodeSubscription(t, evs[1], paid); it.PlanID == nil || *it.PlanID != to.PlanID {
		t.Errorf("subscription item plan %v, want %s", it.PlanID, to.PlanID)
	}
}

// Credits, prices and discounts have no webhook events.
func TestBillingEventsNoneForCreditsPricesDiscounts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e, svc, rec, paid, _ := billingEmu(t)
	if _, err := svc.AdjustUserCreditBalance(ctx, paid.GetPayer().UserID.Or(""), &billing.AdjustUserCreditBalanceParams{Action: "increase",
		Amount: 500, IdempotencyKey: "k1"}); err != nil {
		t.Fatal(err)
	}
	amount := int64(1500)
	if _, err := svc.CreatePrice(ctx, &billing.CreatePriceParams{PlanID: *paid.PlanID, Amount: &amount}); err != nil {
		t.Fatal(err)
	}
	d, err := e.CreateDiscount("launch", 10)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ApplyDiscount(ctx, paid.ID, &billing.ApplyDiscountParams{DiscountID: d}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RemoveDiscount(ctx, paid.ID, d); err != nil {
		t.Fatal(err)
	}
	wantTypes(t, rec.take(t, e))
}
