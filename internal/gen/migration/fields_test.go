package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// obj builds an object schema; props maps names to property schemas.
func obj(req []string, props map[string]*openapi3.SchemaRef) *openapi3.SchemaRef {
	s := openapi3.NewObjectSchema()
	s.Required = req
	s.Properties = openapi3.Schemas{}
	for k, v := range props {
		s.Properties[k] = v
	}
	return openapi3.NewSchemaRef("", s)
}

func str() *openapi3.SchemaRef { return openapi3.NewStringSchema().NewRef() }

func num() *openapi3.SchemaRef { return openapi3.NewInt64Schema().NewRef() }

func nullableStr() *openapi3.SchemaRef {
	return openapi3.NewStringSchema().WithNullable().NewRef()
}

// ref points at a component; nullable wraps it in a one-element allOf.
func ref(doc *openapi3.T, name string, isNullable bool) *openapi3.SchemaRef {
	r := &openapi3.SchemaRef{Ref: "#/components/schemas/" + name, Value: doc.Components.Schemas[name].Value}
	if !isNullable {
		return r
	}
	w := &openapi3.Schema{AllOf: openapi3.SchemaRefs{r}, Nullable: true}
	return openapi3.NewSchemaRef("", w)
}

func newDoc() *openapi3.T {
	return &openapi3.T{Components: &openapi3.Components{Schemas: openapi3.Schemas{}}}
}

// docs builds a 2025-04-10-like and a 2025-11-10-like pair of documents.
func docs() (oldDoc, newDocument *openapi3.T) {
	oldDoc, newDocument = newDoc(), newDoc()
	money := obj([]string{"amount"}, map[string]*openapi3.SchemaRef{"amount": num(), "currency": str()})
	oldDoc.Components.Schemas["Money"] = money
	newDocument.Components.Schemas["Money"] = money
	oldDoc.Components.Schemas["Source"] = obj([]string{"id"}, map[string]*openapi3.SchemaRef{"id": str(), "kind": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Enum: []any{"card", "apple_pay"}}}})
	newDocument.Components.Schemas["Method"] = obj([]string{"id"}, map[string]*openapi3.SchemaRef{"id": str(), "type": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Enum: []any{"card", "link"}}}})
	oldDoc.Components.Schemas["Plan"] = obj([]string{"amount", "name", "payer_type", "description"}, map[string]*openapi3.SchemaRef{
		"amount":      num(),
		"name":        str(),
		"payer_type":  openapi3.NewArraySchema().WithItems(openapi3.NewStringSchema()).NewRef(),
		"description": str(),
		"period":      str(),
		"meta":        obj(nil, map[string]*openapi3.SchemaRef{"a": str(), "gone": str()}),
	})
	newDocument.Components.Schemas["Plan"] = obj([]string{"fee", "name", "for_payer_type", "description"}, map[string]*openapi3.SchemaRef{
		"fee":            ref(newDocument, "Money", true),
		"name":           str(),
		"for_payer_type": str(),
		"description":    nullableStr(),
		"unit_prices":    openapi3.NewArraySchema().WithItems(openapi3.NewStringSchema()).NewRef(),
		"meta":           obj(nil, map[string]*openapi3.SchemaRef{"a": str(), "b": str()}),
	})
	oldDoc.Components.Schemas["Item"] = obj([]string{"id"}, map[string]*openapi3.SchemaRef{
		"id":     str(),
		"source": ref(oldDoc, "Source", true),
	})
	newDocument.Components.Schemas["Item"] = obj([]string{"id"}, map[string]*openapi3.SchemaRef{
		"id":     str(),
		"method": ref(newDocument, "Method", false),
	})
	return oldDoc, newDocument
}

func rows(cs []fieldChange) string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s.%s>%s.%s[%s>%s]%s", c.OldSchema, c.OldField, c.NewSchema, c.NewField, c.Old, c.New, c.Note))
	}
	return strings.Join(out, "\n")
}

func TestDiffFields(t *testing.T) {
	t.Parallel()
	oldDoc, newDocument := docs()
	rules := map[string]map[string]renameRule{
		"Plan":   {"amount": {To: "fee.amount", Why: "into fee"}, "payer_type": {To: "for_payer_type", Why: "one type"}},
		"Source": {"kind": {To: "type", Why: "renamed"}},
	}
	renames := map[string]string{"Source": "Method"}
	d, err := diffFields(oldDoc, newDocument, []string{"Item", "Money", "Plan", "Source"}, rules, renames)
	if err != nil {
		t.Fatalf("diffFields: %v", err)
	}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"pairs", fmt.Sprint(d.Pairs), "[{Item Item} {Money Money} {Plan Plan} {Source Method}]"},
		{"renamed", rows(d.Renamed), strings.Join([]string{
			"Item.source>Item.method[optional, nullable>optional]Source became Method",
			"Plan.amount>Plan.fee.amount[required>required]into fee",
			"Plan.payer_type>Plan.for_payer_type[required>required]one type; type array of string -> string",
			"Source.kind>Method.type[optional>optional]renamed; values card, apple_pay -> card, link",
		}, "\n")},
		{"removed", rows(d.Removed), "Plan.meta.gone>Plan.[optional>optional]\nPlan.period>Plan.[optional>optional]"},
		{"added", rows(d.Added), "Plan.>Plan.meta.b[optional>optional]\nPlan.>Plan.unit_prices[optional>optional]"},
		{"presence", rows(d.Presence), "Plan.description>Plan.description[required>required, nullable]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", tt.got, tt.want)
			}
		})
	}
}

func TestDiffFieldsRemovedSchema(t *testing.T) {
	t.Parallel()
	oldDoc, newDocument := docs()
	d, err := diffFields(oldDoc, newDocument, []string{"Source"}, nil, nil)
	if err != nil {
		t.Fatalf("diffFields: %v", err)
	}
	if fmt.Sprint(d.RemovedSchemas) != "[Source]" || len(d.Pairs) != 0 {
		t.Errorf("RemovedSchemas = %v, Pairs = %v", d.RemovedSchemas, d.Pairs)
	}
}

func TestDiffFieldsRejectsWrongRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		rules   map[string]map[string]renameRule
		renames map[string]string
		want    string
	}{
		{"field still exists", map[string]map[string]renameRule{"Plan": {"name": {To: "fee"}}}, nil, "Plan.name: the field still exists"},
		{"target missing", map[string]map[string]renameRule{"Plan": {"amount": {To: "fee.cents"}}}, nil, "fee.cents is not a property path"},
		{"rule matches nothing", map[string]map[string]renameRule{"Plan": {"nope": {To: "fee"}}}, nil, "rename rule Plan.nope matches no field"},
		{"schema rename to a missing schema", nil, map[string]string{"Plan": "Nowhere"}, "schema rename Plan -> Nowhere names a missing schema"},
		{"unknown old schema", nil, nil, "schema Ghost is not a component"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			oldDoc, newDocument := docs()
			names := []string{"Plan"}
			if tt.name == "unknown old schema" {
				names = []string{"Ghost"}
			}
			_, err := diffFields(oldDoc, newDocument, names, tt.rules, tt.renames)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestRefRenameNeedsOneCandidate(t *testing.T) {
	t.Parallel()
	oldDoc, newDocument := docs()
	item := newDocument.Components.Schemas["Item"].Value
	item.Properties["backup_method"] = ref(newDocument, "Method", true)
	d, err := diffFields(oldDoc, newDocument, []string{"Item"}, nil, map[string]string{"Source": "Method"})
	if err != nil {
		t.Fatalf("diffFields: %v", err)
	}
	if len(d.Renamed) != 0 || rows(d.Removed) != "Item.source>Item.[optional, nullable>optional]" {
		t.Errorf("renamed %q, removed %q", rows(d.Renamed), rows(d.Removed))
	}
}

func TestReachableFollowsSuccessBodiesOnly(t *testing.T) {
	t.Parallel()
	_, doc := docs()
	doc.Components.Schemas["Errors"] = obj(nil, map[string]*openapi3.SchemaRef{"x": str()})
	doc.Components.Schemas["Body"] = obj(nil, map[string]*openapi3.SchemaRef{"m": ref(doc, "Money", false)})
	content := func(r *openapi3.SchemaRef) openapi3.Content { return openapi3.NewContentWithJSONSchemaRef(r) }
	resp := openapi3.NewResponses(
		openapi3.WithStatus(200, &openapi3.ResponseRef{Value: openapi3.NewResponse().WithContent(content(ref(doc, "Item", false)))}),
		openapi3.WithStatus(400, &openapi3.ResponseRef{Value: openapi3.NewResponse().WithContent(content(ref(doc, "Errors", false)))}),
	)
	op := &openapi3.Operation{
		Responses:   resp,
		RequestBody: &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody().WithContent(content(ref(doc, "Body", false)))},
	}
	got := fmt.Sprint(reachable([]endpoint{{op: op}}))
	if got != "[Body Item Method Money]" {
		t.Errorf("reachable = %s", got)
	}
}
