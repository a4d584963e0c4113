package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/internal/spec"
)

// specPaths returns the two spec paths from CLERK_BAPI_OLD_SPEC and
// CLERK_BAPI_SPEC, or the defaults beside the module root, skipping the
// test when either file is absent.
func specPaths(t *testing.T) (oldSpec, newSpec, root string) {
	t.Helper()
	root, err := spec.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	if oldSpec, err = spec.Path("CLERK_BAPI_OLD_SPEC", spec.PreviousBAPI); err != nil {
		t.Fatal(err)
	}
	if newSpec, err = spec.Path("CLERK_BAPI_SPEC", spec.BAPI); err != nil {
		t.Fatal(err)
	}
	spec.NeedFile(t, oldSpec, "CLERK_BAPI_OLD_SPEC")
	spec.NeedFile(t, newSpec, "CLERK_BAPI_SPEC")
	return oldSpec, newSpec, root
}

func TestCommittedGuideIsUpToDate(t *testing.T) {
	t.Parallel()
	oldSpec, newSpec, root := specPaths(t)
	out := filepath.Join(root, defaultOut)
	var stdout bytes.Buffer
	err := run([]string{"-old", oldSpec, "-new", newSpec, "-out", out, "-sdk", filepath.Join(root, defaultSDK), "-check"}, &stdout)
	if err != nil {
		t.Fatalf("-check: %v", err)
	}
	if !strings.Contains(stdout.String(), "is up to date") {
		t.Errorf("stdout = %q", stdout.String())
	}
}

func TestGuideFromTheRealSpecs(t *testing.T) {
	t.Parallel()
	oldSpec, newSpec, root := specPaths(t)
	first, err := build(oldSpec, newSpec, filepath.Join(root, defaultSDK))
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	second, err := build(oldSpec, newSpec, filepath.Join(root, defaultSDK))
	if err != nil {
		t.Fatalf("second build: %v", err)
	}
	if !bytes.Equal(first, second) {
		t.Fatal("two builds differ: the output is not deterministic")
	}
	guide := string(first)
	for _, want := range []string{
		"| `GET /commerce/plans` | `GET /billing/plans` | `billing.Service.ListPlans`",
		"| `DELETE /commerce/subscription_items/{subscription_item_id}` | `DELETE /billing/subscription_items/{subscription_item_id}` | `billing.Service.CancelSubscriptionItem`",
		"| `GET /billing/statements` | `billing.Service.ListStatements`",
		"| CommercePlan.amount | CommercePlan.fee.amount | `Plan.Fee.Amount` |",
		"| CommercePlan.payer_type | CommercePlan.for_payer_type | `Plan.ForPayerType` |",
		"| CommerceSubscriptionItem.payment_source | CommerceSubscriptionItem.payment_method | `SubscriptionItem.PaymentMethod` |",
		"| CommerceSubscriptionItem.next_invoice | CommerceSubscriptionItem.next_payment |",
		"| CommercePaymentSourceResponse | CommercePaymentMethodResponse | `clerk.PaymentMethod` |",
		"| `billing.ListSubscriptionItems` |",
		"func snippetNextPayment(",
	} {
		if !strings.Contains(guide, want) {
			t.Errorf("guide lacks %q", want)
		}
	}
	if strings.Contains(guide, "<no value>") {
		t.Error("guide contains an unset template value")
	}
}

func TestCheckReportsAStaleGuide(t *testing.T) {
	t.Parallel()
	oldSpec, newSpec, root := specPaths(t)
	out := filepath.Join(t.TempDir(), "MIGRATING.md")
	args := []string{"-old", oldSpec, "-new", newSpec, "-out", out, "-sdk", filepath.Join(root, defaultSDK)}
	var stdout bytes.Buffer
	if err := run(append(args, "-check"), &stdout); err == nil || !strings.Contains(err.Error(), "reading the committed guide") {
		t.Fatalf("-check without a file: err = %v", err)
	}
	if err := run(args, &stdout); err != nil {
		t.Fatalf("write: %v", err)
	}
	if err := run(append(args, "-check"), &stdout); err != nil {
		t.Fatalf("-check after write: %v", err)
	}
	if err := os.WriteFile(out, []byte("edited by hand\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(append(args, "-check"), &stdout); !errors.Is(err, errStale) {
		t.Fatalf("-check on an edited guide: err = %v, want errStale", err)
	}
}

func TestRunRejectsBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yml")
	if err := os.WriteFile(bad, []byte("openapi: [unclosed"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"-nope"}, "flag provided but not defined"},
		{"extra argument", []string{"-old", bad, "-new", bad, "-out", bad, "-sdk", dir, "extra"}, "unexpected arguments"},
		{"missing spec", []string{"-old", filepath.Join(dir, "absent.yml"), "-new", bad, "-out", bad, "-sdk", dir}, "migration: loading"},
		{"malformed spec", []string{"-old", bad, "-new", bad, "-out", bad, "-sdk", dir}, "migration: loading"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			err := run(tt.args, &out)
			if err == nil || !strings.Contains(err.Error()+out.String(), tt.want) {
				t.Errorf("err = %v (output %q), want %q", err, out.String(), tt.want)
			}
		})
	}
}
