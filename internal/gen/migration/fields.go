package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// renameRule says where a 2025-04-10 field lives in 2025-11-10: To is a
// dotted property path in the counterpart schema (e.g. "fee.amount"), Why
// a short note for the reader.
type renameRule struct {
	To, Why string
}

// renameRules are the field moves a property diff cannot infer, keyed by
// the 2025-04-10 schema name and then field name. Every rule is checked
// against both specs: its field must exist in 2025-04-10 and be gone from
// 2025-11-10, and its target path must exist in 2025-11-10.
func renameRules() map[string]map[string]renameRule {
	const intoFee = "moved into the fee object"
	return map[string]map[string]renameRule{
		"CommercePlan": {
			"amount":                          {To: "fee.amount", Why: intoFee},
			"amount_formatted":                {To: "fee.amount_formatted", Why: intoFee},
			"currency":                        {To: "fee.currency", Why: intoFee},
			"currency_symbol":                 {To: "fee.currency_symbol", Why: intoFee},
			"annual_monthly_amount":           {To: "annual_monthly_fee.amount", Why: "moved into the annual_monthly_fee object"},
			"annual_monthly_amount_formatted": {To: "annual_monthly_fee.amount_formatted", Why: "moved into the annual_monthly_fee object"},
			"annual_amount":                   {To: "annual_fee.amount", Why: "moved into the annual_fee object"},
			"annual_amount_formatted":         {To: "annual_fee.amount_formatted", Why: "moved into the annual_fee object"},
			"payer_type":                      {To: "for_payer_type", Why: "one payer type per plan instead of a list"},
		},
		"CommerceSubscriptionItem": {
			"payment_source_id": {To: "payment_method.id", Why: "the ID is read from the payment method object"},
			"next_invoice":      {To: "next_payment", Why: "invoices became statements; the upcoming charge is next_payment"},
		},
		"CommercePaymentSourceResponse": {
			"payment_method": {To: "payment_type", Why: "the kind of payment method"},
		},
		"CommerceSubscriptionNextPayment": {
			"time": {To: "date", Why: "same timestamp under one name"},
		},
	}
}

// schemaRenames pairs 2025-04-10 component schemas with a differently named
// 2025-11-10 schema. Schemas not listed pair with the schema of the same
// name. (2025-11-10 still defines CommercePaymentSourceResponse for an older
// shape it returns in one place, so the pairing is a decision.)
func schemaRenames() map[string]string {
	return map[string]string{
		"CommercePaymentSourceResponse": "CommercePaymentMethodResponse",
	}
}

// presence is whether a property must appear and whether it may be null.
type presence struct {
	Required, Nullable bool
}

func (p presence) String() string {
	s := "optional"
	if p.Required {
		s = "required"
	}
	if p.Nullable {
		s += ", nullable"
	}
	return s
}

// fieldChange is one row of the field tables.
type fieldChange struct {
	OldSchema, OldField string
	NewSchema, NewField string
	Old, New            presence
	Note                string
}

// schemaPair is a 2025-04-10 schema and its 2025-11-10 counterpart.
type schemaPair struct {
	Old, New string
}

// fieldDiff is the result of comparing the billing schemas of both specs.
type fieldDiff struct {
	Pairs          []schemaPair
	RemovedSchemas []string
	Renamed        []fieldChange
	Removed        []fieldChange
	Added          []fieldChange
	Presence       []fieldChange // in both versions, required or nullable changed
}

// diffFields compares every named schema (sorted) of oldDoc with its
// counterpart in newDoc.
func diffFields(oldDoc, newDoc *openapi3.T, names []string, rules map[string]map[string]renameRule, renames map[string]string) (fieldDiff, error) {
	var d fieldDiff
	used := map[string]bool{}
	var problems []string
	for _, name := range names {
		oldRef := oldDoc.Components.Schemas[name]
		if oldRef == nil || oldRef.Value == nil {
			problems = append(problems, "schema "+name+" is not a component of the 2025-04-10 spec")
			continue
		}
		newName := name
		if r, ok := renames[name]; ok {
			newName = r
		}
		newRef := newDoc.Components.Schemas[newName]
		if newRef == nil || newRef.Value == nil {
			d.RemovedSchemas = append(d.RemovedSchemas, name)
			continue
		}
		d.Pairs = append(d.Pairs, schemaPair{Old: name, New: newName})
		c := &comparer{d: &d, rules: rules[name], renames: renames, used: used, oldSchema: name, newSchema: newName}
		c.object("", oldRef.Value, newRef.Value)
		problems = append(problems, c.problems...)
	}
	for schema, fields := range rules {
		for field := range fields {
			if !used[schema+"."+field] {
				problems = append(problems, fmt.Sprintf("rename rule %s.%s matches no field that 2025-11-10 dropped", schema, field))
			}
		}
	}
	for old, nw := range renames {
		if oldDoc.Components.Schemas[old] == nil || newDoc.Components.Schemas[nw] == nil {
			problems = append(problems, fmt.Sprintf("schema rename %s -> %s names a missing schema", old, nw))
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return d, errors.New("migration: " + strings.Join(problems, "; "))
	}
	return d, nil
}

// comparer diffs one schema pair.
type comparer struct {
	d                    *fieldDiff
	rules                map[string]renameRule
	renames              map[string]string
	used                 map[string]bool
	oldSchema, newSchema string
	problems             []string
}

func (c *comparer) object(prefix string, oldS, newS *openapi3.Schema) {
	oldP, newP := properties(oldS), properties(newS)
	oldReq, newReq := required(oldS), required(newS)
	claimed := map[string]bool{} // new properties that received an old field
	for _, f := range sortedKeys(oldP) {
		full := prefix + f
		op := oldP[f]
		oldState := presence{Required: oldReq[f], Nullable: nullable(op)}
		np, inNew := newP[f]
		if rule, ok := c.rules[full]; ok {
			c.used[c.oldSchema+"."+full] = true
			if inNew {
				c.problems = append(c.problems, fmt.Sprintf("rename rule %s.%s: the field still exists in %s", c.oldSchema, full, c.newSchema))
				continue
			}
			tp, ok := resolvePath(newS, rule.To)
			if !ok {
				c.problems = append(c.problems, fmt.Sprintf("rename rule %s.%s: %s is not a property path of %s", c.oldSchema, full, rule.To, c.newSchema))
				continue
			}
			claimed[strings.SplitN(rule.To, ".", 2)[0]] = true
			c.d.Renamed = append(c.d.Renamed, fieldChange{
				OldSchema: c.oldSchema, OldField: full, NewSchema: c.newSchema, NewField: prefix + rule.To,
				Old: oldState, New: tp.state, Note: joinNotes(rule.Why, typeNote(op, tp.ref), enumNote(op, tp.ref)),
			})
			continue
		}
		if !inNew {
			if to := c.refRename(op, oldP, newP); to != "" {
				claimed[to] = true
				c.d.Renamed = append(c.d.Renamed, fieldChange{
					OldSchema: c.oldSchema, OldField: full, NewSchema: c.newSchema, NewField: prefix + to,
					Old: oldState, New: presence{Required: newReq[to], Nullable: nullable(newP[to])},
					Note: fmt.Sprintf("%s became %s", refName(op), refName(newP[to])),
				})
				continue
			}
			c.d.Removed = append(c.d.Removed, fieldChange{OldSchema: c.oldSchema, OldField: full, NewSchema: c.newSchema, Old: oldState})
			continue
		}
		newState := presence{Required: newReq[f], Nullable: nullable(np)}
		if oldState != newState {
			c.d.Presence = append(c.d.Presence, fieldChange{
				OldSchema: c.oldSchema, OldField: full, NewSchema: c.newSchema, NewField: full, Old: oldState, New: newState,
			})
		}
		if refName(op) == "" && refName(np) == "" && len(properties(target(op))) > 0 && len(properties(target(np))) > 0 {
			c.object(full+".", target(op), target(np))
		}
	}
	for _, f := range sortedKeys(newP) {
		if _, inOld := oldP[f]; inOld || claimed[f] {
			continue
		}
		c.d.Added = append(c.d.Added, fieldChange{
			OldSchema: c.oldSchema, NewSchema: c.newSchema, NewField: prefix + f,
			New: presence{Required: newReq[f], Nullable: nullable(newP[f])},
		})
	}
}

// refRename finds the new property that replaces a dropped one referencing a
// renamed schema: payment_source (CommercePaymentSourceResponse) becomes
// payment_method (CommercePaymentMethodResponse). The replacement must be
// new in 2025-11-10 and must be the only such property.
func (c *comparer) refRename(op *openapi3.SchemaRef, oldP, newP map[string]*openapi3.SchemaRef) string {
	to, ok := c.renames[refName(op)]
	if !ok {
		return ""
	}
	found := ""
	for _, f := range sortedKeys(newP) {
		if _, inOld := oldP[f]; inOld || refName(newP[f]) != to {
			continue
		}
		if found != "" {
			return ""
		}
		found = f
	}
	return found
}

// resolved is the end of a property path.
type resolved struct {
	ref   *openapi3.SchemaRef
	state presence
}

// resolvePath follows a dotted property path from s.
func resolvePath(s *openapi3.Schema, path string) (resolved, bool) {
	var r resolved
	for _, seg := range strings.Split(path, ".") {
		if s == nil {
			return r, false
		}
		p, ok := properties(s)[seg]
		if !ok {
			return r, false
		}
		r = resolved{ref: p, state: presence{Required: required(s)[seg], Nullable: nullable(p)}}
		s = target(p)
	}
	return r, true
}

// typeNote describes a change of JSON type, or is empty.
func typeNote(oldP, newP *openapi3.SchemaRef) string {
	a, b := typeName(oldP), typeName(newP)
	if a == b || strings.HasPrefix(a, "object ") && strings.HasPrefix(b, "object ") {
		return ""
	}
	return fmt.Sprintf("type %s -> %s", a, b)
}

// enumNote describes a change of allowed values, or is empty.
func enumNote(oldP, newP *openapi3.SchemaRef) string {
	a, b := enumValues(oldP), enumValues(newP)
	if len(a) == 0 || len(b) == 0 || strings.Join(a, ",") == strings.Join(b, ",") {
		return ""
	}
	return fmt.Sprintf("values %s -> %s", strings.Join(a, ", "), strings.Join(b, ", "))
}

func joinNotes(notes ...string) string {
	var kept []string
	for _, n := range notes {
		if n != "" {
			kept = append(kept, n)
		}
	}
	return strings.Join(kept, "; ")
}
