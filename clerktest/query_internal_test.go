package clerktest

import (
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/allowlist"
	"github.com/clerkgo/clerk/apikeys"
	"github.com/clerkgo/clerk/billing"
	"github.com/clerkgo/clerk/clients"
	"github.com/clerkgo/clerk/directories"
	"github.com/clerkgo/clerk/enterpriseconnections"
	"github.com/clerkgo/clerk/instance"
	"github.com/clerkgo/clerk/invitations"
	"github.com/clerkgo/clerk/jwttemplates"
	"github.com/clerkgo/clerk/m2mtokens"
	"github.com/clerkgo/clerk/machines"
	"github.com/clerkgo/clerk/oauthapplications"
	"github.com/clerkgo/clerk/organizations"
	"github.com/clerkgo/clerk/permissions"
	"github.com/clerkgo/clerk/redirecturls"
	"github.com/clerkgo/clerk/roles"
	"github.com/clerkgo/clerk/rolesets"
	"github.com/clerkgo/clerk/samlconnections"
	"github.com/clerkgo/clerk/sessions"
	"github.com/clerkgo/clerk/templates"
	"github.com/clerkgo/clerk/users"
	"github.com/clerkgo/clerk/waitlist"
)

func queryCall(raw string) *call {
	q, _ := url.ParseQuery(raw)
	return &call{query: q}
}

// TestDecodeQueryFillsParamsTypes checks the query decoder on the users
// list: lists (repeated and name[]), strings, booleans, integers, the
// embedded page, and that an empty value is absent and an unknown
// parameter ignored.
func TestDecodeQueryFillsParamsTypes(t *testing.T) {
	t.Parallel()
	var p users.ListParams
	err := decodeQuery(queryCall("email_address=a@x.com&email_address[]=b@x.com&query=ann&banned=true&created_at_after=1700&limit=10.0&offset=3&order_by=-created_at&username_query=&shoe_size=9"), &p)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.EmailAddress, []string{"a@x.com", "b@x.com"}) || p.Query.Or("") != "ann" || !p.Banned.Or(false) ||
		p.CreatedAtAfter.Or(0) != 1700 || p.Limit.Or(0) != 10 || p.Offset.Or(0) != 3 || p.OrderBy.Or("") != "-created_at" ||
		!p.UsernameQuery.IsOmitted() || p.Web3Wallet != nil {
		t.Errorf("decoded %+v", p)
	}
	var d organizations.ListInstanceDomainsParams
	if err := decodeQuery(queryCall("enrollment_mode=automatic_invitation,manual_invitation&enrollment_mode=automatic_suggestion"), &d); err != nil ||
		!slices.Equal(d.EnrollmentMode, []string{"automatic_invitation", "manual_invitation", "automatic_suggestion"}) {
		t.Errorf("comma list: %v %v", d.EnrollmentMode, err)
	}
}

// TestDecodeQueryRefusesMalformedValues checks that a malformed boolean or
// integer is a 422 naming the parameter, and that only the page accepts
// an integral float.
func TestDecodeQueryRefusesMalformedValues(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{"banned=maybe", "created_at_after=soon", "created_at_after=1.0", "limit=ten", "offset=1.5"} {
		var p users.ListParams
		err := decodeQuery(queryCall(raw), &p)
		ae, ok := err.(*apiError)
		name, _, _ := strings.Cut(raw, "=")
		if !ok || ae.status != 422 || !strings.Contains(string(ae.detail.Meta), `"`+name+`"`) {
			t.Errorf("%s: %v", raw, err)
		}
	}
	if _, _, err := pageOfParams(clerk.ListParams{Limit: clerk.Int64(501)}, 500); err == nil {
		t.Error("limit 501 of 500 accepted")
	}
	if _, _, err := pageOfParams(clerk.ListParams{Offset: clerk.Int64(-1)}, 500); err == nil {
		t.Error("offset -1 accepted")
	}
}

// TestDecodeQueryKnowsEveryParamsType checks that the decoder handles
// every field type of the params types the list handlers decode, with a
// value for every url-tagged field.
func TestDecodeQueryKnowsEveryParamsType(t *testing.T) {
	t.Parallel()
	for _, p := range []any{&allowlist.ListParams{}, &apikeys.ListParams{}, &billing.ListPlansParams{},
		&billing.ListPricesParams{}, &billing.ListStatementsParams{}, &billing.ListPaymentAttemptsParams{},
		&billing.ListSubscriptionItemsParams{}, &billing.CancelSubscriptionItemParams{}, &clients.ListParams{},
		&directories.ListParams{}, &enterpriseconnections.ListParams{}, &enterpriseconnections.ListTestRunsParams{},
		&instance.GetInterstitialParams{}, &invitations.ListParams{}, &jwttemplates.ListParams{}, &m2mtokens.ListParams{},
		&machines.ListParams{}, &oauthapplications.ListParams{}, &organizations.GetParams{}, &organizations.ListParams{},
		&organizations.ListDomainsParams{}, &organizations.ListInstanceDomainsParams{},
		&organizations.ListInstanceInvitationsParams{}, &organizations.ListInstanceMembershipsParams{},
		&organizations.ListInvitationsParams{}, &organizations.ListMembershipsParams{},
		&organizations.ListPendingInvitationsParams{}, &permissions.ListParams{}, &redirecturls.ListParams{},
		&roles.ListParams{}, &rolesets.ListParams{}, &samlconnections.ListParams{}, &sessions.ListParams{},
		&templates.ListParams{}, &users.ListParams{}, &users.CountParams{}, &users.ListOAuthAccessTokensParams{},
		&users.ListOrganizationInvitationsParams{}, &users.ListOrganizationMembershipsParams{}, &waitlist.ListParams{}} {
		q := url.Values{}
		var names func(reflect.Type)
		names = func(rt reflect.Type) {
			for i := range rt.NumField() {
				f := rt.Field(i)
				if f.Anonymous && f.Type.Kind() == reflect.Struct {
					names(f.Type)
					continue
				}
				if name, _, _ := strings.Cut(f.Tag.Get("url"), ","); name != "" && name != "-" {
					q.Set(name, "1")
				}
			}
		}
		names(reflect.TypeOf(p).Elem())
		if len(q) == 0 {
			t.Errorf("%T has no query parameters", p)
		}
		if err := decodeQueryInto(q, reflect.ValueOf(p).Elem(), false); err != nil {
			t.Errorf("%T: %v", p, err)
		}
	}
}
