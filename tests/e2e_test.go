package tests

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"sort"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth"
	"github.com/clerkgo/clerk/billing"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// strict fails the test when an answer has a field the Go type lacks: the
// emulator speaks the spec, so this keeps emulator and models in step.
func strict(t *testing.T, raw *clerk.Response, v any) {
	t.Helper()
	var doc any
	if err := json.Unmarshal(raw.Body, &doc); err != nil {
		t.Fatalf("answer is not JSON: %v", err)
	}
	var unknown []string
	unknownFields(reflect.TypeOf(v), doc, "", &unknown)
	sort.Strings(unknown)
	for _, u := range unknown {
		t.Errorf("%T: field %s is not in the Go type", v, u)
	}
}

func TestEndToEndUsers(t *testing.T) {
	t.Parallel()
	emu := clerktest.New()
	defer emu.Close()
	svc := users.New(emu.Client())
	ctx := context.Background()
	var raw clerk.Response

	u, err := svc.Create(ctx, &users.CreateParams{
		EmailAddress: clerk.Value([]string{"ada@example.com"}),
		Username:     clerk.String("ada"),
		FirstName:    clerk.String("Ada"),
		LastName:     clerk.String("Lovelace"),
		Password:     clerk.String("correct-horse-battery"),
	}, clerk.WithResponse(&raw))
	if err != nil {
		t.Fatal(err)
	}
	strict(t, &raw, u)

	_, err = svc.Create(ctx, &users.CreateParams{EmailAddress: clerk.Value([]string{"ada@example.com"})})
	var apiErr *clerk.APIError
	if !errors.Is(err, clerk.ErrUnprocessable) || !errors.As(err, &apiErr) || !apiErr.HasCode("form_identifier_exists") {
		t.Fatalf("duplicate email: %v", err)
	}

	updated, err := svc.Update(ctx, u.ID, &users.UpdateParams{FirstName: clerk.Null[string](), ExternalID: clerk.String("crm-1")}, clerk.WithResponse(&raw))
	if err != nil {
		t.Fatal(err)
	}
	strict(t, &raw, updated)
	if updated.FirstName != nil || updated.LastName == nil || *updated.LastName != "Lovelace" || updated.ExternalID == nil || *updated.ExternalID != "crm-1" {
		t.Fatalf("after update: first=%v last=%v external=%v", updated.FirstName, updated.LastName, updated.ExternalID)
	}

	var seen []string
	for got, err := range svc.All(ctx, &users.ListParams{EmailAddress: []string{"ada@example.com"}}) {
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, got.ID)
	}
	if len(seen) != 1 || seen[0] != u.ID {
		t.Fatalf("All = %v", seen)
	}
	if n, err := svc.Count(ctx, nil); err != nil || n.TotalCount != 1 {
		t.Fatalf("Count = %+v, %v", n, err)
	}

	if _, err := svc.SetPasswordCompromised(ctx, u.ID, &users.SetPasswordCompromisedParams{RevokeAllSessions: clerk.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	banned, err := svc.Ban(ctx, u.ID)
	if err != nil || !banned.Banned {
		t.Fatalf("Ban = %+v, %v", banned, err)
	}
	del, err := svc.Delete(ctx, u.ID)
	if err != nil || !del.Deleted {
		t.Fatalf("Delete = %+v, %v", del, err)
	}
	if _, err := svc.Get(ctx, u.ID); !errors.Is(err, clerk.ErrNotFound) {
		t.Fatalf("Get after delete: %v", err)
	}
}

func TestEndToEndBilling(t *testing.T) {
	t.Parallel()
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	svc := billing.New(emu.Client())
	ctx := context.Background()
	var raw clerk.Response

	plans, err := svc.ListPlans(ctx, nil, clerk.WithResponse(&raw))
	if err != nil {
		t.Fatal(err)
	}
	strict(t, &raw, plans)
	if len(plans.Data) == 0 || plans.Data[0].Fee == nil || plans.Data[0].Fee.Currency == "" {
		t.Fatalf("plans = %+v", plans.Data)
	}
	items, err := svc.ListSubscriptionItems(ctx, nil, clerk.WithResponse(&raw))
	if err != nil {
		t.Fatal(err)
	}
	strict(t, &raw, items)
	if len(items.Data) == 0 {
		t.Fatal("no subscription items in the demo data")
	}
	statements, err := svc.ListStatements(ctx, nil)
	if err != nil || len(statements.Data) == 0 {
		t.Fatalf("statements = %v, %v", statements, err)
	}
	st, err := svc.GetStatement(ctx, statements.Data[0].ID, clerk.WithResponse(&raw))
	if err != nil {
		t.Fatal(err)
	}
	strict(t, &raw, st)
}

func TestEndToEndSessionTokenThroughJWKS(t *testing.T) {
	t.Parallel()
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	c := emu.Client()
	ctx := context.Background()
	list, err := users.New(c).List(ctx, nil)
	if err != nil || len(list.Data) == 0 {
		t.Fatalf("List = %v, %v", list, err)
	}
	token, err := emu.MintSessionToken(list.Data[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	v, err := auth.New(auth.Config{Client: c})
	if err != nil {
		t.Fatal(err)
	}
	claims, err := v.VerifySessionToken(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	if claims.Subject != list.Data[0].ID {
		t.Fatalf("subject = %q", claims.Subject)
	}
	if _, err := v.VerifySessionToken(ctx, token[:len(token)-4]+"AAAA"); err == nil {
		t.Fatal("a tampered token verified")
	}
}
