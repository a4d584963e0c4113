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
	Err  error
}

// Known is a failure the emulator has today, on a reviewed list: the test
// fails on any failure not listed and on any listed one that now passes,
// so the list can only shrink.
type Known struct {
	Observed string // what the client got, in short
	Cause    string // why, in one line
	Bullet   string // the issue-17 section-2 bullet it belongs to, or "new"
}

// Ratchet compares results with the known failures and the deliberate
// exceptions (calls that cannot be emulated, each with its reason), and
// logs the counts by method.
func Ratchet(t *testing.T, client string, results []Result, known map[string]Known, exceptions map[string]string) {
	t.Helper()
	seen := map[string]bool{}
	methodFail := map[string]bool{}
	methods := map[string]bool{}
	var report []string
	for _, r := range results {
		seen[r.Name] = true
		method, _, _ := strings.Cut(r.Name, "#")
		methods[method] = true
		if reason, ok := exceptions[r.Name]; ok {
			report = append(report, fmt.Sprintf("EXCEPTION %s: %s", r.Name, reason))
			continue
		}
		k, listed := known[r.Name]
		switch {
		case r.Err != nil && !listed:
			t.Errorf("%s %s fails and is not on the known-failure list: %v", client, r.Name, r.Err)
		case r.Err == nil && listed:
			t.Errorf("%s %s passes now: remove it from the known-failure list (it was: %s; %s)", client, r.Name, k.Observed, k.Cause)
		}
		if r.Err != nil {
			methodFail[method] = true
			report = append(report, fmt.Sprintf("FAIL %s: %v", r.Name, r.Err))
		}
	}
	for name := range known {
		if !seen[name] {
			t.Errorf("%s: known failure %s names no call that ran: remove it", client, name)
		}
	}
	for name := range exceptions {
		if !seen[name] {
			t.Errorf("%s: exception %s names no call that ran: remove it", client, name)
		}
	}
	sort.Strings(report)
	passing := 0
	for m := range methods {
		if !methodFail[m] {
			passing++
		}
	}
	t.Logf("%s: %d methods, %d calls; %d methods pass, %d fail, %d exceptions\n%s",
		client, len(methods), len(results), passing, len(methodFail), len(exceptions), strings.Join(report, "\n"))
}
