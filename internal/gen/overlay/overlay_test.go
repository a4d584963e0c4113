package overlay

import (
	"fmt"
	"go/token"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// wantPackages is the full set of Go packages the overlay spreads the
// operations over; each must receive at least one operation.
func wantPackages() []string {
	return []string{
		"actortokens", "adminportal", "agenttasks", "allowlist", "apikeys", "billing",
		"blocklist", "clients", "directories", "domains", "emailaddresses",
		"enterpriseconnections", "instance", "invitations", "jwks", "jwttemplates",
		"m2mtokens", "machines", "oauthaccesstokens", "oauthapplications", "organizations",
		"permissions", "phonenumbers", "proxychecks", "redirecturls", "roles", "rolesets",
		"samlconnections", "sessions", "signintokens", "signups", "templates",
		"testingtokens", "users", "waitlist", "webhooks",
	}
}

// wantCounts pins the operation counts the issues require.
func wantCounts() map[string]int {
	return map[string]int{"users": 32, "billing": 18}
}

// isExportedIdent reports whether s is a valid exported Go identifier.
func isExportedIdent(s string) bool {
	return token.IsIdentifier(s) && token.IsExported(s)
}

// isPackageName reports whether s is a lower-case Go package name made of
// letters and digits only.
func isPackageName(s string) bool {
	if s == "" || token.IsKeyword(s) || !unicode.IsLower(rune(s[0])) {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z') && !(r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// startsWithAll reports whether a method name would clash with the All
// iterators the generator adds next to every List method.
func startsWithAll(method string) bool {
	return method == "All" || (strings.HasPrefix(method, "All") && unicode.IsUpper(rune(method[3])))
}

// isListName reports whether a method name is List or List<Noun>.
func isListName(method string) bool {
	return method == "List" || (strings.HasPrefix(method, "List") && len(method) > 4 && unicode.IsUpper(rune(method[4])))
}

// docProblem explains what is wrong with a doc line, or returns "".
func docProblem(doc string) string {
	switch {
	case strings.TrimSpace(doc) == "":
		return "doc is empty"
	case strings.ContainsAny(doc, "\r\n"):
		return "doc spans several lines"
	case doc != strings.TrimSpace(doc):
		return "doc has surrounding spaces"
	case !strings.HasSuffix(doc, "."):
		return "doc does not end with a period"
	case !unicode.IsLower(rune(doc[0])):
		return "doc does not continue the sentence begun by the method name (starts upper case)"
	}
	return ""
}

// shapeProblems checks what can be checked without the spec: identifiers,
// docs, duplicates, the package set and the pinned counts.
func shapeProblems(groups []map[string]Op, schemas map[string]string) []string {
	var probs []string
	seenID := map[string]int{}
	seenMethod := map[string]string{}
	counts := map[string]int{}
	for _, g := range groups {
		for id, op := range g {
			seenID[id]++
			counts[op.Package]++
			if !isPackageName(op.Package) {
				probs = append(probs, fmt.Sprintf("%s: package %q is not a lower-case Go package name", id, op.Package))
			}
			if !isExportedIdent(op.Method) {
				probs = append(probs, fmt.Sprintf("%s: method %q is not an exported Go identifier", id, op.Method))
			} else if startsWithAll(op.Method) {
				probs = append(probs, fmt.Sprintf("%s: method %q starts with All, which is kept for list iterators", id, op.Method))
			}
			for what, name := range map[string]string{"response": op.Response, "body": op.Body} {
				if name != "" && !isExportedIdent(name) {
					probs = append(probs, fmt.Sprintf("%s: %s type %q is not an exported Go identifier", id, what, name))
				}
			}
			for from, to := range op.Params {
				if from == "" || !isExportedIdent(to) {
					probs = append(probs, fmt.Sprintf("%s: param rename %q -> %q is not a spec name to an exported Go identifier", id, from, to))
				}
			}
			if p := docProblem(op.Doc); p != "" {
				probs = append(probs, fmt.Sprintf("%s: %s: %q", id, p, op.Doc))
			}
			key := op.Package + "." + op.Method
			if other, dup := seenMethod[key]; dup {
				probs = append(probs, fmt.Sprintf("%s and %s are both %s", other, id, key))
			}
			seenMethod[key] = id
		}
	}
	for id, n := range seenID {
		if n > 1 {
			probs = append(probs, fmt.Sprintf("%s: named in %d groups", id, n))
		}
	}
	want := map[string]bool{}
	for _, p := range wantPackages() {
		want[p] = true
		if counts[p] == 0 {
			probs = append(probs, fmt.Sprintf("package %s has no operations", p))
		}
	}
	for p := range counts {
		if !want[p] {
			probs = append(probs, fmt.Sprintf("package %s is not one of the planned packages", p))
		}
	}
	for p, n := range wantCounts() {
		if counts[p] != n {
			probs = append(probs, fmt.Sprintf("package %s has %d operations, want %d", p, counts[p], n))
		}
	}
	for from, to := range schemas {
		if from == "" || !isExportedIdent(to) {
			probs = append(probs, fmt.Sprintf("schema rename %q -> %q is not a spec name to an exported Go identifier", from, to))
		}
	}
	sort.Strings(probs)
	return probs
}

func TestOverlayShape(t *testing.T) {
	t.Parallel()
	for _, p := range shapeProblems(groups(), schemaNames()) {
		t.Error(p)
	}
	counts := map[string]int{}
	for _, op := range Operations() {
		counts[op.Package]++
	}
	pkgs := make([]string, 0, len(counts))
	for p := range counts {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	total := 0
	for _, p := range pkgs {
		t.Logf("%-22s %3d", p, counts[p])
		total += counts[p]
	}
	t.Logf("%-22s %3d operations in %d packages", "total", total, len(pkgs))
}

// validGroups returns a minimal overlay that passes shapeProblems, used as
// the base the detection cases break one rule at a time.
func validGroups() []map[string]Op {
	g := map[string]Op{}
	for _, p := range wantPackages() {
		n := wantCounts()[p]
		if n == 0 {
			n = 1
		}
		for i := range n {
			g[fmt.Sprintf("%s%d", p, i)] = Op{Package: p, Method: fmt.Sprintf("Get%d", i), Doc: "fetches a thing."}
		}
	}
	return []map[string]Op{g}
}

func TestShapeProblemsDetects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		edit   func(g map[string]Op) []map[string]Op
		schema map[string]string
		want   string
	}{
		{"valid", func(g map[string]Op) []map[string]Op { return []map[string]Op{g} }, nil, ""},
		{"bad package", func(g map[string]Op) []map[string]Op {
			g["x"] = Op{Package: "Users", Method: "X", Doc: "does x."}
			return []map[string]Op{g}
		}, nil, "not a lower-case Go package name"},
		{"keyword package", func(g map[string]Op) []map[string]Op {
			g["x"] = Op{Package: "func", Method: "X", Doc: "does x."}
			return []map[string]Op{g}
		}, nil, "not a lower-case Go package name"},
		{"unexported method", func(g map[string]Op) []map[string]Op {
			g["x"] = Op{Package: "jwks", Method: "list", Doc: "does x."}
			return []map[string]Op{g}
		}, nil, "not an exported Go identifier"},
		{"All prefix", func(g map[string]Op) []map[string]Op {
			g["x"] = Op{Package: "jwks", Method: "AllKeys", Doc: "does x."}
			return []map[string]Op{g}
		}, nil, "starts with All"},
		{"empty doc", func(g map[string]Op) []map[string]Op {
			g["x"] = Op{Package: "jwks", Method: "X", Doc: ""}
			return []map[string]Op{g}
		}, nil, "doc is empty"},
		{"doc without period", func(g map[string]Op) []map[string]Op {
			g["x"] = Op{Package: "jwks", Method: "X", Doc: "does x"}
			return []map[string]Op{g}
		}, nil, "does not end with a period"},
		{"doc on two lines", func(g map[string]Op) []map[string]Op {
			g["x"] = Op{Package: "jwks", Method: "X", Doc: "does x\nand y."}
			return []map[string]Op{g}
		}, nil, "several lines"},
		{"duplicate method", func(g map[string]Op) []map[string]Op {
			g["x"] = Op{Package: "jwks", Method: "Get0", Doc: "does x."}
			return []map[string]Op{g}
		}, nil, "are both jwks.Get0"},
		{"id in two groups", func(g map[string]Op) []map[string]Op {
			return []map[string]Op{g, {"jwks0": {Package: "jwks", Method: "Other", Doc: "does x."}}}
		}, nil, "named in 2 groups"},
		{"empty package", func(g map[string]Op) []map[string]Op {
			delete(g, "jwks0")
			return []map[string]Op{g}
		}, nil, "package jwks has no operations"},
		{"unplanned package", func(g map[string]Op) []map[string]Op {
			g["x"] = Op{Package: "organisations", Method: "X", Doc: "does x."}
			return []map[string]Op{g}
		}, nil, "not one of the planned packages"},
		{"users count", func(g map[string]Op) []map[string]Op {
			delete(g, "users0")
			return []map[string]Op{g}
		}, nil, "users has 31 operations, want 32"},
		{"billing count", func(g map[string]Op) []map[string]Op {
			g["x"] = Op{Package: "billing", Method: "X", Doc: "does x."}
			return []map[string]Op{g}
		}, nil, "billing has 19 operations, want 18"},
		{"bad response name", func(g map[string]Op) []map[string]Op {
			g["x"] = Op{Package: "jwks", Method: "X", Doc: "does x.", Response: "token"}
			return []map[string]Op{g}
		}, nil, "response type"},
		{"bad param rename", func(g map[string]Op) []map[string]Op {
			g["x"] = Op{Package: "jwks", Method: "X", Doc: "does x.", Params: map[string]string{"api_key": "api-key"}}
			return []map[string]Op{g}
		}, nil, "param rename"},
		{"bad schema rename", func(g map[string]Op) []map[string]Op { return []map[string]Op{g} },
			map[string]string{"CommercePlan": "plan"}, "schema rename"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			probs := shapeProblems(tc.edit(validGroups()[0]), tc.schema)
			if tc.want == "" {
				if len(probs) != 0 {
					t.Fatalf("valid overlay reported problems: %v", probs)
				}
				return
			}
			for _, p := range probs {
				if strings.Contains(p, tc.want) {
					return
				}
			}
			t.Fatalf("no problem mentions %q; got %v", tc.want, probs)
		})
	}
}

func TestOperationsReturnsFreshMap(t *testing.T) {
	t.Parallel()
	a := Operations()
	a["GetUser"] = Op{Package: "changed"}
	if got := Operations()["GetUser"]; got.Package != "users" || got.Method != "Get" {
		t.Fatalf("Operations shares state between calls: GetUser = %+v", got)
	}
	s := SchemaNames()
	s["CommercePlan"] = "Changed"
	if got := SchemaNames()["CommercePlan"]; got != "Plan" {
		t.Fatalf("SchemaNames shares state between calls: CommercePlan = %q", got)
	}
}

func TestRequiredNames(t *testing.T) {
	t.Parallel()
	ops := Operations()
	tests := []struct {
		id, pkg, method string
	}{
		{"GetUser", "users", "Get"},
		{"GetUserList", "users", "List"},
		{"CreateUser", "users", "Create"},
		{"UpdateUser", "users", "Update"},
		{"DeleteUser", "users", "Delete"},
		{"SetUserPasswordCompromised", "users", "SetPasswordCompromised"},
		{"UnsetUserPasswordCompromised", "users", "UnsetPasswordCompromised"},
		{"UpdateUserMetadata", "users", "UpdateMetadata"},
		{"ReplaceUserMetadata", "users", "ReplaceMetadata"},
		{"VerifyTOTP", "users", "VerifyTOTP"},
		{"DeleteTOTP", "users", "DeleteTOTP"},
		{"GetOAuthAccessToken", "users", "ListOAuthAccessTokens"},
		{"GetCommercePlanList", "billing", "ListPlans"},
		{"GetBillingStatementList", "billing", "ListStatements"},
		{"GetBillingStatement", "billing", "GetStatement"},
		{"GetCommerceSubscriptionItemList", "billing", "ListSubscriptionItems"},
		{"CancelCommerceSubscriptionItem", "billing", "CancelSubscriptionItem"},
		{"createApiKey", "apikeys", "Create"},
		{"verifyApiKey", "apikeys", "Verify"},
		{"revokeApiKey", "apikeys", "Revoke"},
		{"CreateJWTTemplate", "jwttemplates", "Create"},
		{"ListJWTTemplates", "jwttemplates", "List"},
		{"UploadOrganizationLogo", "organizations", "UploadLogo"},
		{"BanUser", "users", "Ban"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			t.Parallel()
			op, ok := ops[tc.id]
			if !ok || op.Package != tc.pkg || op.Method != tc.method {
				t.Fatalf("%s = %+v (present %v), want %s.%s", tc.id, op, ok, tc.pkg, tc.method)
			}
		})
	}
	billing := map[string]string{
		"CommercePlan": "Plan", "CommerceSubscriptionItem": "SubscriptionItem",
		"CommerceSubscription": "Subscription", "BillingPaymentAttempt": "PaymentAttempt",
		"CommercePaymentMethodResponse": "PaymentMethod", "CommercePaymentSourceResponse": "PaymentMethod",
		"CommerceMoneyResponse": "Money", "BillingStatement": "BillingStatement", "BillingPriceResponse": "BillingPrice",
	}
	names := SchemaNames()
	for spec, want := range billing {
		if got := names[spec]; got != want {
			t.Errorf("schema %s -> %q, want %q", spec, got, want)
		}
	}
	for spec, goName := range names {
		if strings.Contains(goName, "Commerce") {
			t.Errorf("schema %s -> %q still says Commerce", spec, goName)
		}
	}
}
