package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/internal/gen/overlay"

	"github.com/getkin/kin-openapi/openapi3"
)

// planDocs builds two one-operation specs: the plans listing moved from
// /commerce to /billing, returning a Plan whose amount moved into fee.
func planDocs(t *testing.T) (oldDoc, newDocument *openapi3.T) {
	t.Helper()
	oldDoc, newDocument = newDoc(), newDoc()
	money := obj([]string{"amount"}, map[string]*openapi3.SchemaRef{"amount": num()})
	for _, d := range []*openapi3.T{oldDoc, newDocument} {
		d.Info = &openapi3.Info{Version: "v-old"}
		d.Components.Schemas["CommerceMoneyResponse"] = money
	}
	newDocument.Info.Version = "v-new"
	oldDoc.Components.Schemas["CommercePlan"] = obj([]string{"amount"}, map[string]*openapi3.SchemaRef{"amount": num(), "interval": num()})
	newDocument.Components.Schemas["CommercePlan"] = obj([]string{"fee"}, map[string]*openapi3.SchemaRef{"fee": ref(newDocument, "CommerceMoneyResponse", true)})
	// The older shape the new spec still carries under a "-2" name.
	newDocument.Components.Schemas["CommercePlan-2"] = obj(nil, map[string]*openapi3.SchemaRef{"interval": num()})
	list := func(d *openapi3.T) *openapi3.Operation {
		r := ref(d, "CommercePlan", false)
		return &openapi3.Operation{OperationID: "GetCommercePlanList", Responses: openapi3.NewResponses(
			openapi3.WithStatus(200, &openapi3.ResponseRef{Value: openapi3.NewResponse().WithContent(openapi3.NewContentWithJSONSchemaRef(r))}))}
	}
	oldDoc.Paths = openapi3.NewPaths(openapi3.WithPath("/commerce/plans", &openapi3.PathItem{Get: list(oldDoc)}))
	newDocument.Paths = openapi3.NewPaths(
		openapi3.WithPath("/billing/plans", &openapi3.PathItem{Get: list(newDocument)}),
		openapi3.WithPath("/billing/statements", &openapi3.PathItem{Get: &openapi3.Operation{OperationID: "GetBillingStatementList"}}),
	)
	return oldDoc, newDocument
}

// fakeSDK declares what derive looks up: the methods named by the overlay
// and the types the v2 map names.
func fakeSDK() *sdkModel {
	m := &sdkModel{Package: "billing", Types: map[string]map[string]goField{}, Methods: map[string]bool{}, Query: map[string]map[string]goField{}}
	for _, c := range v2Types() {
		if c.Ours != "" {
			m.Types[c.Ours] = map[string]goField{}
		}
	}
	m.Types["Money"] = map[string]goField{"amount": {Name: "Amount", Type: "int64"}}
	m.Types["Plan"] = map[string]goField{"fee": {Name: "Fee", Type: "*Money"}, "interval": {Name: "Interval", Type: "*int64"}}
	for _, name := range []string{"ListPlans", "AllPlans", "ListStatements", "ListSubscriptionItems", "CancelSubscriptionItem", "ExtendFreeTrial"} {
		m.Methods[name] = true
	}
	return m
}

// planDecisions is the one field move of planDocs.
func planDecisions() decisions {
	return decisions{fields: map[string]map[string]renameRule{"CommercePlan": {"amount": {To: "fee.amount", Why: "into fee"}}}}
}

func TestDeriveOnSmallSpecs(t *testing.T) {
	t.Parallel()
	oldDoc, newDocument := planDocs(t)
	g, err := derive(oldDoc, newDocument, fakeSDK(), planDecisions())
	if err != nil {
		t.Fatalf("derive: %v", err)
	}
	checks := []struct {
		name, got, want string
	}{
		{"versions", g.OldVersion + " " + g.NewVersion, "v-old v-new"},
		{"changed", g.Changed[0].OldPath + " " + g.Changed[0].NewPath + " " + g.Changed[0].SDK, "/commerce/plans /billing/plans `billing.Service.ListPlans` (every page: `AllPlans`)"},
		{"added", g.Added[0].NewPath + " " + g.Added[0].SDK, "/billing/statements `billing.Service.ListStatements`"},
		{"renamed", g.Renamed[0].Old + " " + g.Renamed[0].New + " " + g.Renamed[0].Go + " " + g.Renamed[0].GoType, "CommercePlan.amount CommercePlan.fee.amount `Plan.Fee.Amount` `int64`"},
		{"removed", g.RemovedFields[0].Old + " " + g.RemovedFields[0].Note, "CommercePlan.interval `Plan.Interval` still decodes it where v-new returns the older shape (CommercePlan-2)"},
		{"schemas", fmt.Sprint(g.Schemas), "[{CommercePlan CommercePlan `billing.Plan`}]"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}

func TestDeriveReportsMissingSDKMethods(t *testing.T) {
	t.Parallel()
	oldDoc, newDocument := planDocs(t)
	sdk := fakeSDK()
	delete(sdk.Methods, "ListPlans")
	delete(sdk.Types, "Payer")
	_, err := derive(oldDoc, newDocument, sdk, planDecisions())
	if err == nil {
		t.Fatal("want an error")
	}
	for _, want := range []string{"billing.Service.ListPlans is not in the billing package", "v2 type map names missing type Payer"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to mention %q", err, want)
		}
	}
}

func TestPageElementAndRequestTypes(t *testing.T) {
	t.Parallel()
	doc := newDoc()
	doc.Components.Schemas["Plan"] = obj(nil, map[string]*openapi3.SchemaRef{"id": str()})
	doc.Components.Schemas["PlanList"] = obj(nil, map[string]*openapi3.SchemaRef{
		"data":        openapi3.NewArraySchema().WithItems(doc.Components.Schemas["Plan"].Value).NewRef(),
		"total_count": num(),
	})
	doc.Components.Schemas["PlanList"].Value.Properties["data"].Value.Items = ref(doc, "Plan", false)
	doc.Components.Schemas["NotAList"] = obj(nil, map[string]*openapi3.SchemaRef{"data": str()})
	for schema, want := range map[string]string{"PlanList": "Plan", "NotAList": "", "Plan": "", "Ghost": ""} {
		if got := pageElement(doc, schema); got != want {
			t.Errorf("pageElement(%s) = %q, want %q", schema, got, want)
		}
	}

	doc.Components.Schemas["AdjustRequest"] = obj(nil, map[string]*openapi3.SchemaRef{"amount": num()})
	body := &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody().WithContent(openapi3.NewContentWithJSONSchemaRef(ref(doc, "AdjustRequest", false)))}
	eps := []endpoint{
		{ID: "AdjustUserBillingCreditBalance", op: &openapi3.Operation{RequestBody: body}},
		{ID: "AdjustOrganizationBillingCreditBalance", op: &openapi3.Operation{RequestBody: body}},
		{ID: "GetCommercePlanList", op: &openapi3.Operation{}},
		{ID: "UnknownOperation", op: &openapi3.Operation{RequestBody: body}},
	}
	sdk := fakeSDK()
	sdk.Types["AdjustUserCreditBalanceParams"] = map[string]goField{}
	sdk.Types["AdjustOrganizationCreditBalanceParams"] = map[string]goField{}
	got := requestTypes(eps, overlay.Operations(), sdk)
	if strings.Join(got["AdjustRequest"], ",") != "AdjustOrganizationCreditBalanceParams,AdjustUserCreditBalanceParams" || len(got) != 1 {
		t.Errorf("requestTypes = %v", got)
	}
}
