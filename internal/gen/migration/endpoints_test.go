package main

import (
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func ep(method, path, id string) endpoint {
	return endpoint{Method: method, Path: path, ID: id}
}

// summary renders a diff compactly for comparison.
func summary(d endpointDiff) string {
	var b strings.Builder
	for _, m := range d.Matched {
		b.WriteString(m.Old.Method + " " + m.Old.Path + " => " + m.New.Method + " " + m.New.Path + " (" + m.How + ")\n")
	}
	for _, e := range d.Removed {
		b.WriteString("removed " + e.Method + " " + e.Path + "\n")
	}
	for _, e := range d.Added {
		b.WriteString("added " + e.Method + " " + e.Path + "\n")
	}
	return b.String()
}

func TestMatchEndpoints(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		old, new  []endpoint
		decisions map[string]string
		want      string
	}{
		{
			name: "same operationId across a path move",
			old:  []endpoint{ep("GET", "/commerce/plans", "GetCommercePlanList")},
			new:  []endpoint{ep("GET", "/billing/plans", "GetCommercePlanList")},
			want: "GET /commerce/plans => GET /billing/plans (same operationId)\n",
		},
		{
			name: "same path when the operationId changed",
			old:  []endpoint{ep("GET", "/users/{user_id}/billing/credits", "A")},
			new:  []endpoint{ep("GET", "/users/{user_id}/billing/credits", "B")},
			want: "GET /users/{user_id}/billing/credits => GET /users/{user_id}/billing/credits (same method and path)\n",
		},
		{
			name: "path shape with renamed parameter",
			old:  []endpoint{ep("DELETE", "/commerce/subscription_items/{id}", "X")},
			new:  []endpoint{ep("DELETE", "/billing/subscription_items/{subscription_item_id}", "Y")},
			want: "DELETE /commerce/subscription_items/{id} => DELETE /billing/subscription_items/{subscription_item_id} (same method and path shape)\n",
		},
		{
			name: "similar operationId under a new path",
			old:  []endpoint{ep("GET", "/commerce/invoices", "GetCommerceStatementList")},
			new:  []endpoint{ep("GET", "/billing/statements", "GetBillingStatementList")},
			want: "GET /commerce/invoices => GET /billing/statements (similar operationId)\n",
		},
		{
			name: "method must agree for shape and similarity",
			old:  []endpoint{ep("GET", "/commerce/plans", "GetCommercePlanList")},
			new:  []endpoint{ep("POST", "/billing/plans", "GetBillingPlanList")},
			want: "removed GET /commerce/plans\nadded POST /billing/plans\n",
		},
		{
			name: "removed and added",
			old:  []endpoint{ep("GET", "/commerce/products", "GetCommerceProductList")},
			new:  []endpoint{ep("GET", "/billing/prices", "GetBillingPriceList")},
			want: "removed GET /commerce/products\nadded GET /billing/prices\n",
		},
		{
			name:      "decision maps a pair the rules would not",
			old:       []endpoint{ep("GET", "/commerce/invoices", "ListInvoices")},
			new:       []endpoint{ep("GET", "/billing/statements", "GetBillingStatementList")},
			decisions: map[string]string{"ListInvoices": "GetBillingStatementList"},
			want:      "GET /commerce/invoices => GET /billing/statements (explicit decision)\n",
		},
		{
			name:      "decision marks a removal the rules would match",
			old:       []endpoint{ep("GET", "/commerce/plans", "GetCommercePlanList")},
			new:       []endpoint{ep("GET", "/billing/plans", "GetCommercePlanList")},
			decisions: map[string]string{"GetCommercePlanList": ""},
			want:      "removed GET /commerce/plans\nadded GET /billing/plans\n",
		},
		{
			name:      "decision naming a missing operation removes",
			old:       []endpoint{ep("GET", "/commerce/plans", "GetCommercePlanList")},
			new:       nil,
			decisions: map[string]string{"GetCommercePlanList": "Nope"},
			want:      "removed GET /commerce/plans\n",
		},
		{
			name: "a new endpoint is used once",
			old:  []endpoint{ep("GET", "/commerce/plans", "P"), ep("GET", "/commerce/plans/{id}", "P")},
			new:  []endpoint{ep("GET", "/billing/plans", "P")},
			want: "GET /commerce/plans => GET /billing/plans (same operationId)\nremoved GET /commerce/plans/{id}\n",
		},
		{
			name: "output sorted by path then method",
			old:  []endpoint{ep("DELETE", "/b", "D"), ep("GET", "/b", "G"), ep("GET", "/a", "A")},
			new:  []endpoint{ep("GET", "/b", "G"), ep("GET", "/a", "A"), ep("DELETE", "/b", "D")},
			want: "GET /a => GET /a (same operationId)\nGET /b => GET /b (same operationId)\nDELETE /b => DELETE /b (same operationId)\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := summary(matchEndpoints(tt.old, tt.new, tt.decisions))
			if got != tt.want {
				t.Errorf("got:\n%swant:\n%s", got, tt.want)
			}
		})
	}
}

func TestChangedAndUnchanged(t *testing.T) {
	t.Parallel()
	d := matchEndpoints(
		[]endpoint{ep("GET", "/commerce/plans", "P"), ep("GET", "/users/{user_id}/billing/credits", "C")},
		[]endpoint{ep("GET", "/billing/plans", "P"), ep("GET", "/users/{user_id}/billing/credits", "C")},
		nil)
	if c := d.Changed(); len(c) != 1 || c[0].New.Path != "/billing/plans" {
		t.Errorf("Changed = %+v", c)
	}
	if u := d.Unchanged(); len(u) != 1 || u[0].New.Path != "/users/{user_id}/billing/credits" {
		t.Errorf("Unchanged = %+v", u)
	}
}

func TestPathShapeAndStem(t *testing.T) {
	t.Parallel()
	shapes := map[string]string{
		"/commerce/plans":                       "/billing/plans",
		"/commerce":                             "/billing",
		"/commerce/subscription_items/{a}":      "/billing/subscription_items/{}",
		"/users/{user_id}/commerce/credits":     "/users/{}/billing/credits",
		"/commercetools/x":                      "/commercetools/x",
		"/billing/statements/{statementID}/pay": "/billing/statements/{}/pay",
	}
	for in, want := range shapes {
		if got := pathShape(in); got != want {
			t.Errorf("pathShape(%q) = %q, want %q", in, got, want)
		}
	}
	stems := map[string]string{
		"GetCommercePlanList":  "getplanlist",
		"GetBillingPlanList":   "getplanlist",
		"CancelSubscription":   "cancelsubscription",
		"GetBillingStatement":  "getstatement",
		"ApplyCommerceBilling": "apply",
	}
	for in, want := range stems {
		if got := idStem(in); got != want {
			t.Errorf("idStem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBillingEndpointsSelectsByTagAndPath(t *testing.T) {
	t.Parallel()
	doc := &openapi3.T{Paths: openapi3.NewPaths(
		openapi3.WithPath("/users", &openapi3.PathItem{Get: &openapi3.Operation{OperationID: "ListUsers", Tags: []string{"Users"}}}),
		openapi3.WithPath("/users/{user_id}/billing/credits", &openapi3.PathItem{
			Get:  &openapi3.Operation{OperationID: "GetCredits", Tags: []string{"Users"}},
			Post: &openapi3.Operation{OperationID: "AdjustCredits", Tags: []string{"Users"}},
		}),
		openapi3.WithPath("/commerce/plans", &openapi3.PathItem{Get: &openapi3.Operation{OperationID: "GetPlans"}}),
		openapi3.WithPath("/statements", &openapi3.PathItem{Get: &openapi3.Operation{OperationID: "Tagged", Tags: []string{"billing"}}}),
		openapi3.WithPath("/billingx", &openapi3.PathItem{Get: &openapi3.Operation{OperationID: "NotBilling"}}),
	)}
	var got []string
	for _, e := range billingEndpoints(doc) {
		got = append(got, e.Method+" "+e.Path+" "+e.ID)
	}
	want := "GET /commerce/plans GetPlans|GET /statements Tagged|GET /users/{user_id}/billing/credits GetCredits|POST /users/{user_id}/billing/credits AdjustCredits"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q\nwant %q", strings.Join(got, "|"), want)
	}
}

func TestParamChanges(t *testing.T) {
	t.Parallel()
	param := func(in, name string) *openapi3.ParameterRef {
		return &openapi3.ParameterRef{Value: &openapi3.Parameter{In: in, Name: name}}
	}
	oldOp := &openapi3.Operation{Parameters: openapi3.Parameters{param("path", "id"), param("query", "user_id"), param("query", "status")}}
	newOp := &openapi3.Operation{Parameters: openapi3.Parameters{param("path", "item_id"), param("query", "status"), param("query", "plan_id")}}
	m := match{Old: endpoint{Method: "GET", Path: "/commerce/x/{id}", op: oldOp}, New: endpoint{Method: "GET", Path: "/billing/x/{item_id}", op: newOp}}
	var got []string
	for _, pc := range paramChanges([]match{m}) {
		got = append(got, pc.In+" "+pc.Name+" removed="+map[bool]string{true: "yes", false: "no"}[pc.Removed])
	}
	want := "query user_id removed=yes|query plan_id removed=no"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}
