package conformance

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// Result is the outcome of one call: Err is nil when the client got what
// Clerk would give.
type Result struct {
	Name string // "api.method", with an optional "#variant"
	Err  error  // why the call did not get Clerk's answer; nil when it did
}

// Known is a failure the emulator has today, on a reviewed list: the test
// fails on any failure not listed and on any listed one that now passes,
// so the list can only shrink.
type Known struct {
	Observed string // what the client got, in short
	Cause    string // why, in one line
	Bullet   string // the issue-17 section-2 bullet it belongs to, or BulletNew
}

// Comparison is what Compare finds.
type Comparison struct {
	Problems []string // each makes the test fail
	Report   []string // every failure and exception, sorted
	Methods  int      // distinct methods called ("#variant" stripped)
	Passing  int      // methods all of whose calls pass
	Excepted int      // methods not judged: all their calls are exceptions
}

// Compare checks results against the known failures and the deliberate
// exceptions (calls that cannot be emulated, each with its reason): a
// failure not listed, a listed call that passes, and a list entry that
// names no call are problems.
func Compare(results []Result, known map[string]Known, exceptions map[string]string) Comparison {
	var c Comparison
	seen := map[string]bool{}
	failing := map[string]bool{}
	methods := map[string]bool{}
	judged := map[string]bool{}
	for _, r := range results {
		seen[r.Name] = true
		method, _, _ := strings.Cut(r.Name, "#")
		methods[method] = true
		if reason, ok := exceptions[r.Name]; ok {
			c.Report = append(c.Report, fmt.Sprintf("EXCEPTION %s: %s", r.Name, reason))
			continue
		}
		judged[method] = true
		k, listed := known[r.Name]
		switch {
		case r.Err != nil && !listed:
			c.Problems = append(c.Problems, fmt.Sprintf("%s fails and is not on the known-failure list: %v", r.Name, r.Err))
		case r.Err == nil && listed:
			c.Problems = append(c.Problems, fmt.Sprintf("%s passes now: remove it from the known-failure list (it was: %s; %s)", r.Name, k.Observed, k.Cause))
		}
		if r.Err != nil {
			failing[method] = true
			c.Report = append(c.Report, fmt.Sprintf("FAIL %s: %v", r.Name, r.Err))
		}
	}
	for name := range known {
		if !seen[name] {
			c.Problems = append(c.Problems, fmt.Sprintf("known failure %s names no call that ran: remove it", name))
		}
	}
	for name := range exceptions {
		if !seen[name] {
			c.Problems = append(c.Problems, fmt.Sprintf("exception %s names no call that ran: remove it", name))
		}
	}
	sort.Strings(c.Problems)
	sort.Strings(c.Report)
	c.Methods = len(methods)
	c.Excepted = len(methods) - len(judged)
	c.Passing = len(judged) - len(failing)
	return c
}

// Ratchet fails t on every problem Compare finds for client's results and
// logs the counts and every failure.
func Ratchet(t *testing.T, client string, results []Result, known map[string]Known, exceptions map[string]string) {
	t.Helper()
	c := Compare(results, known, exceptions)
	for _, p := range c.Problems {
		t.Errorf("%s %s", client, p)
	}
	t.Logf("%s: %d methods, %d calls; %d methods pass, %d fail, %d are exceptions\n%s",
		client, c.Methods, len(results), c.Passing, c.Methods-c.Passing-c.Excepted, c.Excepted, strings.Join(c.Report, "\n"))
}
