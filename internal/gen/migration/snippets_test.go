package main

// The functions named snippet... are shown verbatim in MIGRATING.md (the
// generator embeds this file). The tests below run each one against a
// loopback server, so the guide's code compiles and does what it says.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/billing"
	"github.com/clerkgo/clerk/organizations"
	"github.com/clerkgo/clerk/users"
)

// snippetPlanFees prints each plan's prices. The amounts now sit in fee
// objects; a null fee (nil) means the plan has no such price.
func snippetPlanFees(ctx context.Context, svc *billing.Service, w io.Writer) error {
	for plan, err := range svc.AllPlans(ctx, &billing.ListPlansParams{PayerType: clerk.String("user")}) {
		if err != nil {
			return err
		}
		if plan.Fee == nil {
			fmt.Fprintf(w, "%s (%s): no monthly fee\n", plan.Slug, plan.ForPayerType)
			continue
		}
		fmt.Fprintf(w, "%s (%s): %s a month", plan.Slug, plan.ForPayerType, plan.Fee.AmountFormatted)
		if plan.AnnualMonthlyFee != nil {
			fmt.Fprintf(w, ", %s a month billed yearly", plan.AnnualMonthlyFee.AmountFormatted)
		}
		fmt.Fprintln(w)
	}
	return nil
}

// snippetNextPayment tells the three states of a nullable optional field
// apart: absent from the response, explicitly null, or set.
func snippetNextPayment(item *clerk.SubscriptionItem, w io.Writer) {
	switch {
	case item.NextPayment.IsOmitted():
		fmt.Fprintln(w, "next payment: not part of this response")
	case item.NextPayment.IsNull():
		fmt.Fprintln(w, "next payment: none scheduled")
	default:
		next, _ := item.NextPayment.Get()
		amount, _ := next.Amount.Get()
		fmt.Fprintf(w, "next payment: %s on %d\n", amount.AmountFormatted, next.Date.Or(0))
	}
	if end, ok := item.PeriodEnd.Get(); ok {
		fmt.Fprintf(w, "period ends at %d\n", end)
	} else if item.PeriodEnd.IsNull() {
		fmt.Fprintln(w, "period has no end")
	}
}

// snippetPaymentMethod reads the payment method of a subscription item.
// PaymentMethod is optional and may be null (GetPaymentMethod returns nil
// then); Last4 is required but may be null (nil for methods without a card
// number).
func snippetPaymentMethod(item *clerk.SubscriptionItem, w io.Writer) {
	pm := item.GetPaymentMethod()
	if pm == nil {
		fmt.Fprintln(w, "no payment method")
		return
	}
	fmt.Fprintf(w, "paid with %s %s", pm.PaymentType, pm.ID)
	if pm.Last4 != nil {
		fmt.Fprintf(w, " ending in %s", *pm.Last4)
	}
	fmt.Fprintln(w)
}

// snippetStatements walks every billing statement, the successor of the
// invoices of the commerce API.
func snippetStatements(ctx context.Context, svc *billing.Service, w io.Writer) error {
	for st, err := range svc.AllStatements(ctx, nil) {
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s %s %s\n", st.ID, st.Status, st.Totals.GrandTotal.AmountFormatted)
	}
	return nil
}

// snippetUserSubscription replaces a subscription item listing filtered by
// user_id, which 2025-11-10 no longer accepts.
func snippetUserSubscription(ctx context.Context, svc *billing.Service, userID string, w io.Writer) error {
	sub, err := svc.GetUserSubscription(ctx, userID)
	if err != nil {
		return err
	}
	for _, item := range sub.SubscriptionItems {
		fmt.Fprintf(w, "%s %s %s\n", item.ID, item.Status, item.PlanPeriod)
	}
	return nil
}

// snippetUsersService builds the client once, from CLERK_SECRET_KEY (and
// CLERK_API_URL when set), instead of v2's package-level clerk.SetKey.
func snippetUsersService() (*users.Service, error) {
	c, err := clerk.NewClientFromEnv()
	if err != nil {
		return nil, err // ErrMissingSecretKey or ErrInvalidSecretKey, before any I/O
	}
	return users.New(c), nil
}

// snippetGetUser reads one user. v2's user.Get(ctx, id) is a method of
// users.Service with the same arguments.
func snippetGetUser(ctx context.Context, svc *users.Service, id string, w io.Writer) error {
	u, err := svc.Get(ctx, id)
	if errors.Is(err, clerk.ErrNotFound) {
		fmt.Fprintf(w, "no user %s\n", id)
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s %s\n", u.ID, u.GetFirstName())
	return nil
}

// snippetListUsers lists one page of users. The page size sits in the
// embedded ListParams, as in v2; v2's list.Users is page.Data. GET /users
// answers without a count, so page.TotalCount stays 0: the total comes
// from users.Service.Count, given the same filters.
func snippetListUsers(ctx context.Context, svc *users.Service, w io.Writer) error {
	params := &users.ListParams{Query: clerk.String("ada")}
	params.Limit = clerk.Int64(10)
	page, err := svc.List(ctx, params)
	if err != nil {
		return err
	}
	for _, u := range page.Data {
		fmt.Fprintln(w, u.ID)
	}
	if !page.HasTotalCount() {
		count, err := svc.Count(ctx, &users.CountParams{Query: params.Query})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%d shown, %d in all\n", len(page.Data), count.TotalCount)
	}
	return nil
}

// snippetListOrganizations lists organizations, whose answer carries its
// own total count.
func snippetListOrganizations(ctx context.Context, svc *organizations.Service, w io.Writer) error {
	params := &organizations.ListParams{}
	params.Limit = clerk.Int64(20)
	page, err := svc.List(ctx, params)
	if err != nil {
		return err
	}
	for _, org := range page.Data {
		fmt.Fprintln(w, org.ID, org.Name)
	}
	fmt.Fprintf(w, "%d shown, %d in all\n", len(page.Data), page.TotalCount)
	return nil
}

// fakeBilling serves fixed JSON bodies by path on loopback.
func fakeBilling(t *testing.T, bodies map[string]string) *billing.Service {
	t.Helper()
	return billing.New(fakeAPI(t, bodies))
}

// fakeAPI returns a client of a loopback server that answers fixed JSON
// bodies by path, and 404 for any other path.
func fakeAPI(t *testing.T, bodies map[string]string) *clerk.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := bodies[r.URL.Path]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"errors":[{"code":"resource_not_found","message":"not found"}]}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	c, err := clerk.NewClient("sk_test_migrationsnippets", clerk.WithBaseURL(srv.URL), clerk.WithMaxRetries(0))
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

func TestSnippetsFromV2(t *testing.T) {
	t.Setenv("CLERK_SECRET_KEY", "")
	if _, err := snippetUsersService(); !errors.Is(err, clerk.ErrMissingSecretKey) {
		t.Fatalf("without a key: %v, want ErrMissingSecretKey", err)
	}
	t.Setenv("CLERK_SECRET_KEY", "sk_test_migrationsnippets")
	if svc, err := snippetUsersService(); err != nil || svc == nil {
		t.Fatalf("with a key: %v", err)
	}
	c := fakeAPI(t, map[string]string{
		"/users/user_1":  `{"id":"user_1","first_name":"Ada"}`,
		"/users":         `[{"id":"user_1"},{"id":"user_2"}]`,
		"/users/count":   `{"object":"total_count","total_count":5}`,
		"/organizations": `{"data":[{"id":"org_1","name":"Acme"}],"total_count":3}`,
	})
	ctx := context.Background()
	var out bytes.Buffer
	for _, run := range []func() error{
		func() error { return snippetGetUser(ctx, users.New(c), "user_1", &out) },
		func() error { return snippetGetUser(ctx, users.New(c), "user_9", &out) },
		func() error { return snippetListUsers(ctx, users.New(c), &out) },
		func() error { return snippetListOrganizations(ctx, organizations.New(c), &out) },
	} {
		if err := run(); err != nil {
			t.Fatal(err)
		}
	}
	want := "user_1 Ada\nno user user_9\nuser_1\nuser_2\n2 shown, 5 in all\norg_1 Acme\n1 shown, 3 in all\n"
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestSnippetsCallingTheAPI(t *testing.T) {
	t.Parallel()
	bodies := map[string]string{
		"/billing/plans": `{"data":[
			{"object":"commerce_plan","id":"cplan_1","slug":"free","for_payer_type":"user","fee":null,"annual_fee":null,"annual_monthly_fee":null},
			{"object":"commerce_plan","id":"cplan_2","slug":"pro","for_payer_type":"user",
			 "fee":{"amount":2000,"amount_formatted":"20.00","currency":"USD","currency_symbol":"$"},
			 "annual_monthly_fee":{"amount":1600,"amount_formatted":"16.00","currency":"USD","currency_symbol":"$"},
			 "annual_fee":{"amount":19200,"amount_formatted":"192.00","currency":"USD","currency_symbol":"$"}}],
			"total_count":2}`,
		"/billing/statements": `{"data":[{"object":"commerce_statement","id":"stmt_1","status":"closed",
			"totals":{"grand_total":{"amount":2000,"amount_formatted":"20.00","currency":"USD","currency_symbol":"$"}}}],"total_count":1}`,
		"/users/user_1/billing/subscription": `{"object":"commerce_subscription","id":"csub_1","status":"active",
			"subscription_items":[{"object":"commerce_subscription_item","id":"csubi_1","status":"active","plan_period":"month"}]}`,
	}
	tests := []struct {
		name string
		run  func(context.Context, *billing.Service, io.Writer) error
		want string
	}{
		{"plan fees", snippetPlanFees, "free (user): no monthly fee\npro (user): 20.00 a month, 16.00 a month billed yearly\n"},
		{"statements", snippetStatements, "stmt_1 closed 20.00\n"},
		{"user subscription", func(ctx context.Context, svc *billing.Service, w io.Writer) error {
			return snippetUserSubscription(ctx, svc, "user_1", w)
		}, "csubi_1 active month\n"},
		{"unknown user", func(ctx context.Context, svc *billing.Service, w io.Writer) error {
			return snippetUserSubscription(ctx, svc, "user_2", w)
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			svc := fakeBilling(t, bodies)
			var out bytes.Buffer
			err := tt.run(context.Background(), svc, &out)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("want an error for an unknown payer, got output %q", out.String())
				}
				return
			}
			if err != nil {
				t.Fatalf("snippet failed: %v", err)
			}
			if out.String() != tt.want {
				t.Errorf("output:\n%s\nwant:\n%s", out.String(), tt.want)
			}
		})
	}
}

func TestSnippetsReadingASubscriptionItem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		body        string
		wantNext    string
		wantPayment string
	}{
		{
			name:        "fields absent",
			body:        `{"id":"csubi_1"}`,
			wantNext:    "next payment: not part of this response\n",
			wantPayment: "no payment method\n",
		},
		{
			name:        "fields null",
			body:        `{"id":"csubi_1","next_payment":null,"period_end":null,"payment_method":{"id":"pm_1","payment_type":"link","last4":null}}`,
			wantNext:    "next payment: none scheduled\nperiod has no end\n",
			wantPayment: "paid with link pm_1\n",
		},
		{
			name: "fields set",
			body: `{"id":"csubi_1","period_end":1700000000000,
				"next_payment":{"amount":{"amount":2000,"amount_formatted":"20.00","currency":"USD","currency_symbol":"$"},"date":1700000000000},
				"payment_method":{"id":"pm_2","payment_type":"card","last4":"4242"}}`,
			wantNext:    "next payment: 20.00 on 1700000000000\nperiod ends at 1700000000000\n",
			wantPayment: "paid with card pm_2 ending in 4242\n",
		},
		{
			name:        "legacy payment_source",
			body:        `{"id":"csubi_1","payment_source_id":"pm_3","payment_source":{"id":"pm_3","payment_type":"card","last4":"0005"}}`,
			wantNext:    "next payment: not part of this response\n",
			wantPayment: "paid with card pm_3 ending in 0005\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var item clerk.SubscriptionItem
			if err := json.Unmarshal([]byte(tt.body), &item); err != nil {
				t.Fatalf("decode: %v", err)
			}
			var next, payment bytes.Buffer
			snippetNextPayment(&item, &next)
			snippetPaymentMethod(&item, &payment)
			if next.String() != tt.wantNext {
				t.Errorf("next payment output %q, want %q", next.String(), tt.wantNext)
			}
			if payment.String() != tt.wantPayment {
				t.Errorf("payment method output %q, want %q", payment.String(), tt.wantPayment)
			}
		})
	}
}
