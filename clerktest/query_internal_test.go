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

// queryParamsOf lists the routes whose handler decodes its query into
// the SDK's params types, with those types (GET /users decodes two).
func queryParamsOf() map[string][]any {
	return map[string][]any{
		"GET /allowlist_identifiers": {&allowlist.ListParams{}},
		"GET /api_keys":              {&apikeys.ListParams{}},
		"GET /billing/plans":         {&billing.ListPlansParams{}},
		"GET /billing/prices":        {&billing.ListPricesParams{}},
		"GET /billing/statements":    {&billing.ListStatementsParams{}},
		"GET /billing/statements/{statementID}/payment_attempts":    {&billing.ListPaymentAttemptsParams{}},
		"GET /billing/subscription_items":                           {&billing.ListSubscriptionItemsParams{}},
		"DELETE /billing/subscription_items/{subscription_item_id}": {&billing.CancelSubscriptionItemParams{}},
		"GET /clients":                {&clients.ListParams{}},
		"GET /directories":            {&directories.ListParams{}},
		"GET /scim_directories":       {&directories.ListParams{}},
		"GET /enterprise_connections": {&enterpriseconnections.ListParams{}},
		"GET /enterprise_connections/{enterprise_connection_id}/test_runs": {&enterpriseconnections.ListTestRunsParams{}},
		"GET /public/interstitial":                                 {&instance.GetInterstitialParams{}},
		"GET /invitations":                                         {&invitations.ListParams{}},
		"GET /jwt_templates":                                       {&jwttemplates.ListParams{}},
		"GET /m2m_tokens":                                          {&m2mtokens.ListParams{}},
		"GET /machines":                                            {&machines.ListParams{}},
		"GET /oauth_applications":                                  {&oauthapplications.ListParams{}},
		"GET /organizations/{organization_id}":                     {&organizations.GetParams{}},
		"GET /organizations":                                       {&organizations.ListParams{}},
		"GET /organizations/{organization_id}/domains":             {&organizations.ListDomainsParams{}},
		"GET /organization_domains":                                {&organizations.ListInstanceDomainsParams{}},
		"GET /organization_invitations":                            {&organizations.ListInstanceInvitationsParams{}},
		"GET /organization_memberships":                            {&organizations.ListInstanceMembershipsParams{}},
		"GET /organizations/{organization_id}/invitations":         {&organizations.ListInvitationsParams{}},
		"GET /organizations/{organization_id}/memberships":         {&organizations.ListMembershipsParams{}},
		"GET /organizations/{organization_id}/invitations/pending": {&organizations.ListPendingInvitationsParams{}},
		"GET /organization_permissions":                            {&permissions.ListParams{}},
		"GET /redirect_urls":                                       {&redirecturls.ListParams{}},
		"GET /organization_roles":                                  {&roles.ListParams{}},
		"GET /role_sets":                                           {&rolesets.ListParams{}},
		"GET /saml_connections":                                    {&samlconnections.ListParams{}},
		"GET /sessions":                                            {&sessions.ListParams{}},
		"GET /templates/{template_type}":                           {&templates.ListParams{}},
		"GET /users":                                               {&users.ListParams{}, &users.CountParams{}},
		"GET /users/count":                                         {&users.CountParams{}},
		"GET /users/{user_id}/oauth_access_tokens/{provider}":      {&users.ListOAuthAccessTokensParams{}},
		"GET /users/{user_id}/organization_invitations":            {&users.ListOrganizationInvitationsParams{}},
		"GET /users/{user_id}/organization_memberships":            {&users.ListOrganizationMembershipsParams{}},
		"GET /waitlist_entries":                                    {&waitlist.ListParams{}},
	}
}

// urlNames lists the url-tagged parameters of the params type t.
func urlNames(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			out = append(out, urlNames(f.Type)...)
			continue
		}
		if name, _, _ := strings.Cut(f.Tag.Get("url"), ","); name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

// TestQueryParamsHaveOneDefinition checks, for every route with a query,
// that the parameters the route declares are exactly those of the SDK
// params types its handler decodes, and that the decoder knows every
// field type of those types (a value for each parameter decodes).
func TestQueryParamsHaveOneDefinition(t *testing.T) {
	t.Parallel()
	e := New()
	defer e.Close()
	types := queryParamsOf()
	for _, rs := range e.routes.by {
		for _, r := range rs {
			key := r.method + " " + r.pattern
			ps, ok := types[key]
			if !ok {
				if len(r.query) > 0 {
					t.Errorf("%s declares query parameters %v but decodes no params type", key, r.query)
				}
				continue
			}
			delete(types, key)
			var names []string
			q := url.Values{}
			for _, p := range ps {
				for _, n := range urlNames(reflect.TypeOf(p).Elem()) {
					q.Set(n, "1")
					if !slices.Contains(names, n) {
						names = append(names, n)
					}
				}
				if err := decodeQueryInto(q, reflect.ValueOf(p).Elem(), false); err != nil {
					t.Errorf("%s: %T: %v", key, p, err)
				}
			}
			got := slices.Clone(r.query)
			slices.Sort(got)
			slices.Sort(names)
			if !slices.Equal(got, names) {
				t.Errorf("%s declares %v, its params types define %v", key, got, names)
			}
		}
	}
	for key := range types {
		t.Errorf("%s: no such route", key)
	}
}
