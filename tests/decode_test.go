package tests

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
)

func TestUnknownEnumValuesDecode(t *testing.T) {
	t.Parallel()
	var s clerk.Session
	if err := json.Unmarshal([]byte(`{"object":"session","id":"sess_1","status":"some_future_status"}`), &s); err != nil {
		t.Fatalf("an unknown enum value failed to decode: %v", err)
	}
	if string(s.Status) != "some_future_status" {
		t.Fatalf("status = %q", s.Status)
	}
}

func TestWrongTypeNamesTheField(t *testing.T) {
	t.Parallel()
	var p clerk.Plan
	err := json.Unmarshal([]byte(`{"object":"commerce_plan","id":"cplan_1","fee":{"amount":"ten"}}`), &p)
	if err == nil || !strings.Contains(err.Error(), "amount") {
		t.Fatalf("err = %v, want a decode error naming amount", err)
	}
}

func TestLegacyPaymentSourceDecodesIntoPaymentMethod(t *testing.T) {
	t.Parallel()
	var item clerk.SubscriptionItem
	err := json.Unmarshal([]byte(`{"object":"commerce_subscription_item","id":"csi_1","payment_source_id":"pm_legacy","payment_source":{"id":"pm_legacy"}}`), &item)
	if err != nil {
		t.Fatal(err)
	}
	if item.PaymentMethodID == nil || *item.PaymentMethodID != "pm_legacy" || item.GetPaymentMethod() == nil || item.GetPaymentMethod().ID != "pm_legacy" {
		t.Fatalf("PaymentMethodID = %v, PaymentMethod = %+v", item.PaymentMethodID, item.PaymentMethod)
	}
	var both clerk.SubscriptionItem
	if err := json.Unmarshal([]byte(`{"payment_method_id":"pm_new","payment_source_id":"pm_old"}`), &both); err != nil {
		t.Fatal(err)
	}
	if v := both.PaymentMethodID; v == nil || *v != "pm_new" {
		t.Fatalf("the current name must win: %+v", both.PaymentMethodID)
	}
}
