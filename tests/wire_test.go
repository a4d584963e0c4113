package tests

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/agenttasks"
	"github.com/clerkgo/clerk/apikeys"
	"github.com/clerkgo/clerk/billing"
	"github.com/clerkgo/clerk/domains"
	"github.com/clerkgo/clerk/invitations"
	"github.com/clerkgo/clerk/jwttemplates"
	"github.com/clerkgo/clerk/users"
)

// cannedTransport answers every request with one body and counts requests.
type cannedTransport struct {
	body  string
	calls atomic.Int64
}

func (c *cannedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.calls.Add(1)
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(strings.NewReader(c.body)), Request: r}, nil
}

func cannedClient(t *testing.T, body string) (*clerk.Client, *cannedTransport) {
	t.Helper()
	rt := &cannedTransport{body: body}
	c, err := clerk.NewClient("sk_test_wire", clerk.WithHTTPClient(&http.Client{Transport: rt}), clerk.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	return c, rt
}

// TestParamsAreValidatedBeforeAnyIO sends params that break the spec's
// constraints: each must fail with ErrInvalidParams naming the field, and
// nothing may reach the network.
func TestParamsAreValidatedBeforeAnyIO(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name, field string
		call        func(c *clerk.Client) error
	}{
		{"is_satellite false", "is_satellite", func(c *clerk.Client) error {
			_, err := domains.New(c).Create(ctx, &domains.CreateParams{Name: "example.com", ProxyURL: clerk.String("https://example.com/__clerk")})
			return err
		}},
		{"claims left nil", "claims", func(c *clerk.Client) error {
			_, err := jwttemplates.New(c).Create(ctx, &jwttemplates.CreateParams{Name: "tmpl"})
			return err
		}},
		{"limit 0", "limit", func(c *clerk.Client) error {
			_, err := users.New(c).List(ctx, &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(0)}})
			return err
		}},
		{"limit 501", "limit", func(c *clerk.Client) error {
			_, err := users.New(c).List(ctx, &users.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(501)}})
			return err
		}},
		{"name too short", "name", func(c *clerk.Client) error {
			_, err := apikeys.New(c).Create(ctx, &apikeys.CreateParams{Name: "ab", Subject: "user_1"})
			return err
		}},
		{"required string empty", "extend_to", func(c *clerk.Client) error {
			_, err := billing.New(c).ExtendFreeTrial(ctx, "csi_1", &billing.ExtendFreeTrialParams{})
			return err
		}},
		{"date-time not RFC 3339", "extend_to", func(c *clerk.Client) error {
			_, err := billing.New(c).ExtendFreeTrial(ctx, "csi_1", &billing.ExtendFreeTrialParams{ExtendTo: "next tuesday"})
			return err
		}},
		{"uri not absolute", "redirect_url", func(c *clerk.Client) error {
			_, err := agenttasks.New(c).Create(ctx, &agenttasks.CreateParams{AgentName: "bot", Permissions: "*", TaskDescription: "t", RedirectURL: "/relative"})
			return err
		}},
		{"bulk element", "email_address", func(c *clerk.Client) error {
			_, err := invitations.New(c).CreateBulk(ctx, []*invitations.CreateBulkItem{{EmailAddress: "a@example.com"}, {}})
			return err
		}},
		{"null where not nullable", "public_metadata", func(c *clerk.Client) error {
			_, err := users.New(c).Create(ctx, &users.CreateParams{PublicMetadata: clerk.Null[map[string]any]()})
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, rt := cannedClient(t, `{}`)
			err := tc.call(c)
			if !errors.Is(err, clerk.ErrInvalidParams) || !strings.Contains(err.Error(), tc.field) {
				t.Fatalf("error = %v, want ErrInvalidParams naming %s", err, tc.field)
			}
			if n := rt.calls.Load(); n != 0 {
				t.Fatalf("%d requests sent; validation must come before any I/O", n)
			}
		})
	}
	c, rt := cannedClient(t, `{"object":"domain","id":"dmn_1"}`)
	if _, err := domains.New(c).Create(ctx, &domains.CreateParams{Name: "example.com", IsSatellite: true}); err != nil {
		t.Fatalf("valid params: %v", err)
	}
	if rt.calls.Load() != 1 {
		t.Fatal("valid params were not sent")
	}
}

// TestTotalCountDeclaredNumber decodes the total_count the spec declares as
// a number: a whole number written with a fraction part is that number, a
// fraction or a number out of range is an error naming the field.
func TestTotalCountDeclaredNumber(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, tc := range []struct {
		body string
		want int64
		bad  bool
	}{
		{`{"data":[],"total_count":3.0}`, 3, false},
		{`{"data":[],"total_count":3}`, 3, false},
		{`{"data":[],"total_count":3e0}`, 3, false},
		{`{"data":[],"total_count":3.5}`, 0, true},
		{`{"data":[],"total_count":1e300}`, 0, true},
		{`{"data":[],"total_count":-1e19}`, 0, true},
	} {
		c, _ := cannedClient(t, tc.body)
		page, err := apikeys.New(c).List(ctx, &apikeys.ListParams{Subject: "user_1"})
		switch {
		case tc.bad && (err == nil || !strings.Contains(err.Error(), "total_count")):
			t.Errorf("%s: error = %v, want one naming total_count", tc.body, err)
		case !tc.bad && (err != nil || page.TotalCount != tc.want || !page.HasTotalCount()):
			t.Errorf("%s: page = %+v, %v; want total %d", tc.body, page, err, tc.want)
		}
	}
}

// TestLegacyPaymentSourceLandsInPaymentMethod decodes the older payment
// source shape that the extend-free-trial and price-transition answers still
// carry: every field must land in the PaymentMethod, the payment type
// (sent as payment_method) included.
func TestLegacyPaymentSourceLandsInPaymentMethod(t *testing.T) {
	t.Parallel()
	legacy := `{"object":"commerce_source","id":"cps_1","payer_id":"cpayer_1","payment_method":"card","is_default":true,` +
		`"gateway":"stripe","gateway_external_id":"pm_x","gateway_external_account_id":"acct_x","last4":"4242",` +
		`"status":"active","wallet_type":"apple_pay","card_type":"visa","created_at":1,"updated_at":2}`
	check := func(t *testing.T, pm *clerk.PaymentMethod) {
		t.Helper()
		if pm == nil {
			t.Fatal("no payment method")
		}
		if pm.Object != "commerce_source" || pm.ID != "cps_1" || pm.PayerID != "cpayer_1" || pm.PaymentType != "card" ||
			!pm.GetIsDefault() || pm.Gateway != "stripe" || pm.GatewayExternalID != "pm_x" || pm.GetGatewayExternalAccountID() != "acct_x" ||
			pm.GetLast4() != "4242" || pm.Status != "active" || pm.GetWalletType() != "apple_pay" || pm.GetCardType() != "visa" ||
			pm.GetCreatedAt() != 1 || pm.GetUpdatedAt() != 2 {
			t.Fatalf("payment method = %+v", pm)
		}
	}
	ctx := context.Background()
	c, _ := cannedClient(t, `{"object":"commerce_subscription_item","id":"csi_1","payment_source":`+legacy+`}`)
	item, err := billing.New(c).ExtendFreeTrial(ctx, "csi_1", &billing.ExtendFreeTrialParams{ExtendTo: "2030-01-01T00:00:00Z"})
	if err != nil {
		t.Fatal(err)
	}
	check(t, item.GetPaymentMethod())
	c, _ = cannedClient(t, `{"object":"commerce_price_transition","subscription_item":{"id":"csi_1","payment_source":`+legacy+`}}`)
	tr, err := billing.New(c).CreatePriceTransition(ctx, "csi_1", &billing.CreatePriceTransitionParams{FromPriceID: "p1", ToPriceID: "p2"})
	if err != nil {
		t.Fatal(err)
	}
	check(t, tr.SubscriptionItem.GetPaymentMethod())
}
