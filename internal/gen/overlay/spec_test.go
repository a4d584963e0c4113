package overlay

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/clerkgo/clerk/internal/spec"
	"github.com/getkin/kin-openapi/openapi3"
)

// specEnv names the environment variable that points the tests at the
// Backend API spec; without it they look next to the repository.
const specEnv = "CLERK_BAPI_SPEC"

// specOp is one operation of the spec with what the checks need from it.
type specOp struct {
	id     string
	method string // upper case, e.g. GET
	path   string
	tags   []string
	op     *openapi3.Operation
}

// loadedSpec is the parsed spec and its operations keyed by operationId.
type loadedSpec struct {
	doc *openapi3.T
	ops map[string]specOp
}

// parseSpec reads and parses the spec at path.
func parseSpec(path string) (*loadedSpec, error) {
	doc, err := openapi3.NewLoader().LoadFromFile(path)
	if err != nil {
		return nil, err
	}
	ops := make(map[string]specOp, 256)
	for p, item := range doc.Paths.Map() {
		for m, op := range item.Operations() {
			ops[op.OperationID] = specOp{id: op.OperationID, method: strings.ToUpper(m), path: p, tags: op.Tags, op: op}
		}
	}
	return &loadedSpec{doc: doc, ops: ops}, nil
}

// errSpecAbsent marks a missing spec file, which skips rather than fails.
type errSpecAbsent struct{ path string }

func (e errSpecAbsent) Error() string { return "spec not found at " + e.path }

// specPath resolves the spec location from the environment or the module root.
func specPath() (string, error) {
	p, err := spec.Path(specEnv, spec.BAPI)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(p); err != nil {
		return "", errSpecAbsent{p}
	}
	return p, nil
}

// mustSpec returns the parsed spec, skipping the test when the file is absent.
func mustSpec(t *testing.T) *loadedSpec {
	t.Helper()
	path, err := specPath()
	if err != nil {
		if absent, ok := err.(errSpecAbsent); ok {
			spec.NeedFile(t, absent.path, specEnv)
		}
		t.Fatalf("locate spec: %v", err)
	}
	return mustParse(t, path)
}

// mustNextSpec returns the parsed spec of the later API version
// ($CLERK_BAPI_NEXT_SPEC), whose operations are the union of every
// version's: the generator refuses a version that removes an operation.
func mustNextSpec(t *testing.T) *loadedSpec {
	t.Helper()
	return mustParse(t, spec.Need(t, "CLERK_BAPI_NEXT_SPEC", spec.NextBAPI))
}

// mustParse parses the spec at path or fails the test.
func mustParse(t *testing.T, path string) *loadedSpec {
	t.Helper()
	s, err := parseSpec(path)
	if err != nil {
		t.Fatalf("load spec %s: %v", path, err)
	}
	return s
}

// jsonSchema returns the JSON schema of the first 2xx response of op, or nil.
func jsonSchema(op *openapi3.Operation) *openapi3.SchemaRef {
	if op.Responses == nil {
		return nil
	}
	codes := make([]string, 0, 4)
	for code := range op.Responses.Map() {
		if strings.HasPrefix(code, "2") {
			codes = append(codes, code)
		}
	}
	sort.Strings(codes)
	for _, code := range codes {
		r := op.Responses.Map()[code]
		if r == nil || r.Value == nil {
			continue
		}
		if mt := r.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil {
			return mt.Schema
		}
	}
	return nil
}

// isList reports whether a response schema is one of the list shapes the
// paging engine serves: a bare array, {data, total_count}, or total_count
// next to a single array field (the M2M token list calls it m2m_tokens).
func isList(ref *openapi3.SchemaRef) bool {
	if ref == nil || ref.Value == nil {
		return false
	}
	s := ref.Value
	if s.Type.Is("array") {
		return true
	}
	if _, ok := s.Properties["total_count"]; !ok {
		return false
	}
	arrays := 0
	for name, p := range s.Properties {
		if name != "total_count" && p.Value != nil && p.Value.Type.Is("array") {
			arrays++
		}
	}
	return arrays == 1
}

// componentName returns the component schema a reference points at, or "".
func componentName(ref *openapi3.SchemaRef) string {
	const prefix = "#/components/schemas/"
	if ref == nil || !strings.HasPrefix(ref.Ref, prefix) {
		return ""
	}
	return strings.TrimPrefix(ref.Ref, prefix)
}

// canonical renders a schema as JSON without prose (descriptions, examples),
// so two schemas that differ only in wording compare equal.
func canonical(t *testing.T, s *openapi3.Schema) string {
	t.Helper()
	raw, err := json.Marshal(s)
	if err != nil {
		t.Fatalf("marshal schema: %v", err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("unmarshal schema: %v", err)
	}
	out, err := json.Marshal(stripProse(v))
	if err != nil {
		t.Fatalf("marshal stripped schema: %v", err)
	}
	return string(out)
}

// stripProse drops the keys that carry no shape.
func stripProse(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			switch k {
			case "description", "example", "examples", "title", "deprecated":
				continue
			}
			m[k] = stripProse(e)
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = stripProse(e)
		}
		return out
	}
	return v
}

// reachable adds to seen every component schema ref points at, transitively.
func reachable(ref *openapi3.SchemaRef, seen map[string]bool) {
	if ref == nil {
		return
	}
	if name := componentName(ref); name != "" {
		if seen[name] {
			return
		}
		seen[name] = true
	}
	s := ref.Value
	if s == nil {
		return
	}
	for _, p := range s.Properties {
		reachable(p, seen)
	}
	reachable(s.Items, seen)
	for _, set := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, r := range set {
			reachable(r, seen)
		}
	}
	reachable(s.Not, seen)
	reachable(s.AdditionalProperties.Schema, seen)
}

// opSchemas returns the component schemas an operation's parameters,
// request body and 2xx responses reach.
func opSchemas(op *openapi3.Operation) map[string]bool {
	seen := map[string]bool{}
	for _, p := range op.Parameters {
		if p.Value != nil {
			reachable(p.Value.Schema, seen)
		}
	}
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		for _, mt := range op.RequestBody.Value.Content {
			reachable(mt.Schema, seen)
		}
	}
	if op.Responses != nil {
		for code, r := range op.Responses.Map() {
			if !strings.HasPrefix(code, "2") || r.Value == nil {
				continue
			}
			for _, mt := range r.Value.Content {
				reachable(mt.Schema, seen)
			}
		}
	}
	return seen
}

// bodySchema returns the request body schema of op (JSON or multipart), or nil.
func bodySchema(op *openapi3.Operation) *openapi3.SchemaRef {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	for _, ct := range []string{"application/json", "multipart/form-data"} {
		if mt := op.RequestBody.Value.Content.Get(ct); mt != nil && mt.Schema != nil {
			return mt.Schema
		}
	}
	return nil
}

// fieldNames lists the parameter names and request body property names of op.
func fieldNames(op *openapi3.Operation) map[string]bool {
	names := map[string]bool{}
	for _, p := range op.Parameters {
		if p.Value != nil {
			names[p.Value.Name] = true
		}
	}
	if b := bodySchema(op); b != nil && b.Value != nil {
		for name := range b.Value.Properties {
			names[name] = true
		}
		for _, r := range b.Value.AllOf {
			if r.Value != nil {
				for name := range r.Value.Properties {
					names[name] = true
				}
			}
		}
	}
	return names
}

// queryNames lists the query parameter names of op, sorted.
func queryNames(op *openapi3.Operation) []string {
	var names []string
	for _, p := range op.Parameters {
		if p.Value != nil && p.Value.In == "query" {
			names = append(names, p.Value.Name)
		}
	}
	sort.Strings(names)
	return names
}

// initialism returns how the mechanical conversion spells a lower-case word
// that is a Go initialism, and false for any other word.
func initialism(w string) (string, bool) {
	switch w {
	case "oauth":
		return "OAuth", true
	case "ids":
		return "IDs", true
	case "id", "url", "uri", "totp", "jwt", "saml", "scim", "api", "mfa", "jwks",
		"http", "m2m", "otp", "ip", "json", "sso", "ttl", "html":
		return strings.ToUpper(w), true
	}
	return "", false
}

// mechanicalName approximates the generator's conversion of a spec name to
// a Go name: split on anything that is not a letter or digit, capitalise
// each word, spell initialisms in capitals.
func mechanicalName(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var b strings.Builder
	for _, w := range words {
		if up, ok := initialism(w); ok {
			b.WriteString(up)
			continue
		}
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// stutters reports whether a type name repeats its package name the way
// linters flag (users.UsersUser; users.User is fine).
func stutters(pkg, name string) bool {
	if len(name) <= len(pkg) || !strings.EqualFold(name[:len(pkg)], pkg) {
		return false
	}
	return unicode.IsUpper(rune(name[len(pkg)]))
}

// mergeKey names the spec schema a component is merged with: the "-2"
// copies and the pairs that describe one object under two names share one
// Go type on purpose (see schemaNames).
func mergeKey(spec string) string {
	spec = strings.TrimSuffix(spec, "-2")
	switch spec {
	case "CommercePaymentSourceResponse":
		return "CommercePaymentMethodResponse"
	case "BillingProrationDiscountDetail":
		return "CommerceProrationDiscountResponse"
	case "BillingDiscountsResponse":
		return "CommerceDiscountsResponse"
	case "SCIMDirectory":
		return "Directory"
	case "OrganizationWithLogo":
		// The logo upload's answer is the organization with logo_url.
		return "Organization"
	case "CommerceSubscriptionItemNextPaymentResponse":
		// The next payment of an item and of a subscription are one shape.
		return "CommerceSubscriptionNextPayment"
	}
	return spec
}

// namespace records which thing each Go type name of one package stands for.
type namespace struct {
	pkg   string
	names map[string]string // Go name -> identity
	from  map[string]string // Go name -> where it came from, for messages
	probs *[]string
}

// add claims name for identity; a second, different identity is a clash.
func (n *namespace) add(name, identity, from string) {
	if stutters(n.pkg, name) {
		*n.probs = append(*n.probs, fmt.Sprintf("%s.%s (%s) stutters", n.pkg, name, from))
	}
	if slices.Contains(MergedModels(), name) {
		// Several schemas share this model by design.
		return
	}
	if prev, ok := n.names[name]; ok && prev != identity {
		*n.probs = append(*n.probs, fmt.Sprintf("%s.%s names two different types: %s and %s", n.pkg, name, n.from[name], from))
		return
	}
	n.names[name] = identity
	n.from[name] = from
}

// specProblems checks the overlay against the spec.
func specProblems(t *testing.T, s *loadedSpec, ops map[string]Op, schemas map[string]string) []string {
	t.Helper()
	var probs []string
	for id := range s.ops {
		if _, ok := ops[id]; !ok {
			probs = append(probs, fmt.Sprintf("%s: operation has no overlay entry", id))
		}
	}
	for id := range ops {
		if _, ok := s.ops[id]; !ok {
			probs = append(probs, fmt.Sprintf("%s: overlay entry names no operation of the spec", id))
		}
	}
	components := s.doc.Components.Schemas
	for spec := range schemas {
		if _, ok := components[spec]; !ok {
			probs = append(probs, fmt.Sprintf("schema rename %q names no component schema", spec))
		}
	}
	goName := func(spec string) string {
		if spec == "ClerkError" {
			// The generator maps it to the hand-written clerk.ErrorDetail.
			return "ErrorDetail"
		}
		if n, ok := schemas[spec]; ok {
			return n
		}
		return mechanicalName(spec)
	}
	// canonIndex finds the component an inline schema duplicates.
	canonIndex := map[string]string{}
	specNames := make([]string, 0, len(components))
	for name := range components {
		specNames = append(specNames, name)
	}
	sort.Strings(specNames)
	for _, name := range specNames {
		c := canonical(t, components[name].Value)
		if _, ok := canonIndex[c]; !ok {
			canonIndex[c] = "schema:" + mergeKey(name)
		}
	}
	spaces := map[string]*namespace{}
	space := func(pkg string) *namespace {
		if n, ok := spaces[pkg]; ok {
			return n
		}
		n := &namespace{pkg: pkg, names: map[string]string{}, from: map[string]string{}, probs: &probs}
		spaces[pkg] = n
		return n
	}

	ids := make([]string, 0, len(ops))
	for id := range ops {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		o := ops[id]
		so, ok := s.ops[id]
		if !ok {
			continue
		}
		resp := jsonSchema(so.op)
		list := isList(resp)
		switch {
		case so.method == "GET" && list && !isListName(o.Method):
			probs = append(probs, fmt.Sprintf("%s: GET %s returns a list but is named %s, want List or List<Noun>", id, so.path, o.Method))
		case isListName(o.Method) && (so.method != "GET" || !list):
			probs = append(probs, fmt.Sprintf("%s: %s %s is named %s but is not a GET returning a list", id, so.method, so.path, o.Method))
		}
		tagged := map[string]bool{}
		for _, tag := range so.tags {
			tagged[tag] = true
		}
		wantUsers := tagged["Users"] && !tagged["Billing"]
		if (o.Package == "users") != wantUsers {
			probs = append(probs, fmt.Sprintf("%s (tags %v) is in package %s; users holds exactly the Users-tagged operations not tagged Billing", id, so.tags, o.Package))
		}
		if (o.Package == "billing") != tagged["Billing"] {
			probs = append(probs, fmt.Sprintf("%s (tags %v) is in package %s; billing holds exactly the Billing-tagged operations", id, so.tags, o.Package))
		}
		fields := fieldNames(so.op)
		for from := range o.Params {
			if !fields[from] {
				probs = append(probs, fmt.Sprintf("%s: param rename %q names no parameter or body field", id, from))
			}
		}
		if strings.EqualFold(strings.TrimSuffix(o.Doc, "."), strings.TrimSuffix(so.op.Summary, ".")) ||
			(len(o.Doc) > 20 && strings.Contains(strings.ToLower(so.op.Description), strings.ToLower(strings.TrimSuffix(o.Doc, ".")))) {
			probs = append(probs, fmt.Sprintf("%s: doc repeats the spec's own text", id))
		}

		// Answer types live in the root package, params in the op's package.
		ns := space("clerk")
		for name := range opSchemas(so.op) {
			ns.add(goName(name), "schema:"+mergeKey(name), "schema "+name)
		}
		inline := resp != nil && resp.Ref == "" && resp.Value != nil && !list
		if o.Response != "" && !inline {
			probs = append(probs, fmt.Sprintf("%s: Response %q set, but the response is not an inline single object", id, o.Response))
		}
		if inline {
			name := o.Response
			if name == "" {
				name = o.Method + "Response"
			}
			c := canonical(t, resp.Value)
			identity, ok := canonIndex[c]
			if !ok {
				identity = "inline:" + c
			}
			ns.add(name, identity, "response of "+id)
		}
		ns = space(o.Package)
		body := bodySchema(so.op)
		query := queryNames(so.op)
		if body == nil && len(query) == 0 {
			if o.Body != "" {
				probs = append(probs, fmt.Sprintf("%s: Body %q set, but the operation takes no body and no query", id, o.Body))
			}
			continue
		}
		name := o.Body
		if name == "" {
			name = o.Method + "Params"
		}
		var identity string
		switch {
		case body != nil && componentName(body) != "" && len(query) == 0:
			identity = "schema:" + mergeKey(componentName(body))
		case body != nil:
			identity = "params:" + canonical(t, body.Value) + "|" + strings.Join(query, ",")
		default:
			identity = "params:|" + strings.Join(query, ",")
		}
		ns.add(name, identity, "params of "+id)
	}
	sort.Strings(probs)
	return slices.Compact(probs)
}

func TestOverlayMatchesSpec(t *testing.T) {
	t.Parallel()
	s := mustNextSpec(t)
	for _, p := range specProblems(t, s, Operations(), SchemaNames()) {
		t.Error(p)
	}
	if got := len(s.ops); got != len(Operations()) {
		t.Errorf("spec has %d operations, overlay %d", got, len(Operations()))
	}
	t.Logf("%d operations of the spec named, %d component schemas", len(s.ops), len(s.doc.Components.Schemas))
}

func TestSpecProblemsDetects(t *testing.T) {
	t.Parallel()
	s := mustSpec(t)
	tests := []struct {
		name string
		edit func(ops map[string]Op, schemas map[string]string)
		want string
	}{
		{"missing entry", func(ops map[string]Op, _ map[string]string) { delete(ops, "GetJWKS") }, "GetJWKS: operation has no overlay entry"},
		{"unknown entry", func(ops map[string]Op, _ map[string]string) {
			ops["GetNothing"] = Op{Package: "jwks", Method: "Nothing", Doc: "does nothing."}
		}, "GetNothing: overlay entry names no operation"},
		{"list not named List", func(ops map[string]Op, _ map[string]string) {
			o := ops["ListDomains"]
			o.Method = "Domains"
			ops["ListDomains"] = o
		}, "returns a list but is named Domains"},
		{"List on a non-list", func(ops map[string]Op, _ map[string]string) {
			ops["UpdateDomain"] = Op{Package: "domains", Method: "ListOne", Doc: "x."}
		}, "is named ListOne but is not a GET returning a list"},
		{"users op elsewhere", func(ops map[string]Op, _ map[string]string) {
			o := ops["BanUser"]
			o.Package = "sessions"
			ops["BanUser"] = o
		}, "BanUser (tags [Users]) is in package sessions"},
		{"billing op in users", func(ops map[string]Op, _ map[string]string) {
			o := ops["GetUserBillingSubscription"]
			o.Package = "users"
			ops["GetUserBillingSubscription"] = o
		}, "GetUserBillingSubscription (tags [Users Billing]) is in package users"},
		{"unknown param", func(ops map[string]Op, _ map[string]string) {
			o := ops["GetUser"]
			o.Params = map[string]string{"usr_id": "UserID"}
			ops["GetUser"] = o
		}, `param rename "usr_id" names no parameter`},
		{"copied doc", func(ops map[string]Op, _ map[string]string) {
			o := ops["GetUser"]
			o.Doc = s.ops["GetUser"].op.Summary + "."
			ops["GetUser"] = o
		}, "GetUser: doc repeats the spec's own text"},
		{"unknown schema", func(_ map[string]Op, schemas map[string]string) { schemas["CommercePlanX"] = "Plan" }, `"CommercePlanX" names no component`},
		{"schema clash", func(_ map[string]Op, schemas map[string]string) { schemas["CommerceSubscription"] = "SubscriptionItem" }, "clerk.SubscriptionItem names two different types"},
		{"stutter", func(_ map[string]Op, schemas map[string]string) {
			schemas["InstanceRestrictions"] = "ClerkRestrictions"
		}, "clerk.ClerkRestrictions (schema InstanceRestrictions) stutters"},
		{"response on named schema", func(ops map[string]Op, _ map[string]string) {
			o := ops["GetUser"]
			o.Response = "Someone"
			ops["GetUser"] = o
		}, `GetUser: Response "Someone" set`},
		{"response clash", func(ops map[string]Op, _ map[string]string) {
			o := ops["VerifyTOTP"]
			o.Response = "PasswordVerification"
			ops["VerifyTOTP"] = o
		}, "clerk.PasswordVerification names two different types"},
		{"body without body", func(ops map[string]Op, _ map[string]string) {
			o := ops["GetUser"]
			o.Body = "GetParams"
			ops["GetUser"] = o
		}, `GetUser: Body "GetParams" set`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ops, schemas := Operations(), SchemaNames()
			tc.edit(ops, schemas)
			probs := specProblems(t, s, ops, schemas)
			for _, p := range probs {
				if strings.Contains(p, tc.want) {
					return
				}
			}
			t.Fatalf("no problem mentions %q; got %v", tc.want, probs)
		})
	}
}

func TestHelpers(t *testing.T) {
	t.Parallel()
	names := []struct{ in, want string }{
		{"verification_otp", "VerificationOTP"},
		{"CommercePlan", "CommercePlan"},
		{"JWKS.ed25519.PublicKey", "JWKSEd25519PublicKey"},
		{"CommerceSubscriptionItem-2", "CommerceSubscriptionItem2"},
		{"external_id", "ExternalID"},
		{"user_ids", "UserIDs"},
		{"oauth_application_id", "OAuthApplicationID"},
	}
	for _, tc := range names {
		if got := mechanicalName(tc.in); got != tc.want {
			t.Errorf("mechanicalName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	stutter := []struct {
		pkg, name string
		want      bool
	}{
		{"users", "User", false},
		{"users", "UsersUser", true},
		{"instance", "InstanceRestrictions", true},
		{"instance", "Instance", false},
		{"roles", "RoleSetItem", false},
	}
	for _, tc := range stutter {
		if got := stutters(tc.pkg, tc.name); got != tc.want {
			t.Errorf("stutters(%q, %q) = %v, want %v", tc.pkg, tc.name, got, tc.want)
		}
	}
	methods := []struct {
		name      string
		list, all bool
	}{
		{"List", true, false},
		{"ListPlans", true, false},
		{"Listen", false, false},
		{"All", false, true},
		{"AllPlans", false, true},
		{"Allow", false, false},
	}
	for _, tc := range methods {
		if got := isListName(tc.name); got != tc.list {
			t.Errorf("isListName(%q) = %v, want %v", tc.name, got, tc.list)
		}
		if got := startsWithAll(tc.name); got != tc.all {
			t.Errorf("startsWithAll(%q) = %v, want %v", tc.name, got, tc.all)
		}
	}
}
