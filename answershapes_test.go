package clerk

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestOptionalListsKeepAbsentApartFromEmpty checks that an optional list of
// an answer model tells absent from empty both ways: encoded, nil leaves the
// key out and a non-nil empty slice is sent as []; decoded, by the fast path
// and by encoding/json alike, [] gives an empty slice and an absent key or
// null gives nil, so a model round-trips unchanged.
func TestOptionalListsKeepAbsentApartFromEmpty(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		user    User
		key     string // what the encoding must hold, or not hold
		present bool
	}{
		{"nil", User{ID: "user_1"}, `"organization_memberships"`, false},
		{"empty", User{ID: "user_1", OrganizationMemberships: []*OrganizationMembership{}}, `"organization_memberships":[]`, true},
		{"items", User{ID: "user_1", OrganizationMemberships: []*OrganizationMembership{{ID: "orgmem_1"}}}, `"organization_memberships":[{`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := json.Marshal(&tc.user)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(doc), tc.key) != tc.present {
				t.Fatalf("encoded %s: %s present = %v, want %v", doc, tc.key, !tc.present, tc.present)
			}
			var fast, slow User
			if !fastUnmarshal(doc, &fast) {
				t.Fatalf("the fast path gave up on %s", doc)
			}
			if err := json.Unmarshal(doc, &slow); err != nil {
				t.Fatal(err)
			}
			for _, got := range []*User{&fast, &slow} {
				if (got.OrganizationMemberships == nil) != (tc.user.OrganizationMemberships == nil) || len(got.OrganizationMemberships) != len(tc.user.OrganizationMemberships) {
					t.Fatalf("decoded %s: memberships %#v, want %#v", doc, got.OrganizationMemberships, tc.user.OrganizationMemberships)
				}
			}
		})
	}
	var u User
	if !fastUnmarshal([]byte(`{"id":"user_1","organization_memberships":null}`), &u) || u.OrganizationMemberships != nil {
		t.Fatalf("null decoded to %#v, want nil", u.OrganizationMemberships)
	}
}

// TestMergedNullableFieldsCarryNull checks a field that only one of the
// schemas merged into a model declares nullable (a subscription item's
// payer is nullable in the extend-free-trial answer): the model tells
// null from absent, decoding and encoding.
func TestMergedNullableFieldsCarryNull(t *testing.T) {
	t.Parallel()
	var item SubscriptionItem
	if err := json.Unmarshal([]byte(`{"id":"csubi_1","payer":null,"lifetime_paid":{"amount":5}}`), &item); err != nil {
		t.Fatal(err)
	}
	if !item.Payer.IsNull() || !item.PaymentMethod.IsOmitted() || item.GetPayer() != nil || item.GetLifetimePaid() == nil || item.GetLifetimePaid().Amount != 5 {
		t.Fatalf("payer %+v, payment method %+v, lifetime paid %+v", item.Payer, item.PaymentMethod, item.LifetimePaid)
	}
	doc, err := json.Marshal(&item)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), `"payer":null`) || strings.Contains(string(doc), `"payment_method"`) {
		t.Fatalf("encoded %s: want payer null and no payment_method", doc)
	}
}
