package tests

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/internal/registry"
)

// TestCoverage fails, listing them, for every operation of each version's
// spec that has no SDK method or whose method is registered with another
// HTTP method or path, and for every registered operation that the version
// table places in a version whose spec lacks it (or the reverse).
func TestCoverage(t *testing.T) {
	t.Parallel()
	byID := map[string]registry.Operation{}
	perPkg := map[string]int{}
	for _, o := range registry.Operations() {
		if _, dup := byID[o.ID]; dup {
			t.Errorf("operation %s is registered twice", o.ID)
		}
		byID[o.ID] = o
		perPkg[o.Package]++
	}
	var problems []string
	inSomeSpec := map[string]bool{}
	for _, v := range apiVersionSpecs() {
		ops := specOps(loadVersionSpec(t, v))
		covered := 0
		for id, op := range ops {
			inSomeSpec[id] = true
			r, ok := byID[id]
			switch {
			case !ok:
				problems = append(problems, v.Name+" "+id+": no SDK method")
			case r.Method != op.Method || r.Path != op.Path:
				problems = append(problems, v.Name+" "+id+": SDK sends "+r.Method+" "+r.Path+", spec says "+op.Method+" "+op.Path)
			default:
				covered++
			}
		}
		for _, r := range versionOps(v) {
			if _, ok := ops[r.ID]; !ok {
				problems = append(problems, v.Name+" "+r.ID+": the version table has it, the spec does not")
			}
		}
		if n := len(versionOps(v)); n != len(ops) {
			problems = append(problems, fmt.Sprintf("%s: the version table has %d operations, the spec %d", v.Name, n, len(ops)))
		}
		t.Logf("%s: %d/%d operations covered", v.Name, covered, len(ops))
	}
	for id := range byID {
		if !inSomeSpec[id] {
			problems = append(problems, id+": registered but in no version's spec")
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
	pkgs := make([]string, 0, len(perPkg))
	for p := range perPkg {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	var counts []string
	for _, p := range pkgs {
		counts = append(counts, p+"="+strconv.Itoa(perPkg[p]))
	}
	t.Logf("registered: %d operations; per package: %s", len(byID), strings.Join(counts, " "))
}

// TestCallsSendWhatTheRegistrySays calls every generated method against a
// recording transport and checks the method and path it really sends.
func TestCallsSendWhatTheRegistrySays(t *testing.T) {
	t.Parallel()
	calls := generatedCalls()
	if len(calls) != len(registry.Operations()) {
		t.Fatalf("%d generated calls for %d registered operations", len(calls), len(registry.Operations()))
	}
	for _, op := range registry.Operations() {
		call, ok := calls[op.ID]
		if !ok {
			t.Errorf("%s: no generated call", op.ID)
			continue
		}
		c, rec := recordingClient(t, `{}`, clerk.WithAPIVersion(newestVersionOf(op)))
		err := call.Call(context.Background(), c)
		if errors.Is(err, clerk.ErrInvalidParams) || errors.Is(err, clerk.ErrInvalidOption) {
			t.Errorf("%s: %v", op.ID, err)
			continue
		}
		reqs := rec.requests()
		if len(reqs) != 1 {
			t.Errorf("%s.%s: sent %d requests, want 1", op.Package, op.GoMethod, len(reqs))
			continue
		}
		got := reqs[0].Req
		if got.Method != op.Method || !routeRegexp(op.Path).MatchString(got.URL.EscapedPath()) {
			t.Errorf("%s.%s: sent %s %s, registry says %s %s", op.Package, op.GoMethod, got.Method, got.URL.EscapedPath(), op.Method, op.Path)
		}
	}
}

// routeRegexp matches the escaped paths a route template can produce under
// the /v1 base path.
func routeRegexp(route string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^/v1")
	for _, seg := range strings.Split(strings.TrimPrefix(route, "/"), "/") {
		b.WriteString("/")
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			b.WriteString("[^/]+")
			continue
		}
		b.WriteString(regexp.QuoteMeta(seg))
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// TestNoCommercePaths guards the migration: billing lives under /billing.
func TestNoCommercePaths(t *testing.T) {
	t.Parallel()
	for _, op := range registry.Operations() {
		if strings.Contains(op.Path, "/commerce") {
			t.Errorf("%s.%s calls %s", op.Package, op.GoMethod, op.Path)
		}
	}
}
