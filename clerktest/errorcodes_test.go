package clerktest

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestErrorCodeTable checks that every code the package's source answers
// with is in ErrorCodes with the same status, and that the table has no
// entry the source never uses.
func TestErrorCodeTable(t *testing.T) {
	t.Parallel()
	table := map[string]ErrorCode{} // by code and status
	codes := map[string]bool{}
	for _, c := range ErrorCodes() {
		k := fmt.Sprint(c.Code, " ", c.Status)
		if _, dup := table[k]; dup {
			t.Errorf("%s listed twice", k)
		}
		if c.Source == "" {
			t.Errorf("%s has no source", c.Code)
		}
		table[k] = c
		codes[c.Code] = true
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	use := regexp.MustCompile(`fail(?:Param)?\(http\.(Status[A-Za-z]+), "([a-z_0-9]+)"`)
	statuses := map[string]int{"StatusBadRequest": 400, "StatusUnauthorized": 401, "StatusForbidden": 403,
		"StatusNotFound": 404, "StatusMethodNotAllowed": 405, "StatusUnprocessableEntity": 422,
		"StatusTooManyRequests": 429, "StatusInternalServerError": 500, "StatusNotImplemented": 501, "StatusConflict": 409, "StatusGatewayTimeout": 504, "StatusGone": 410}
	used := map[string]bool{"injected_failure 0": true, "too_many_requests 429": true, "internal_clerk_error 500": true}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range use.FindAllStringSubmatch(string(src), -1) {
			st, known := statuses[m[1]]
			if !known {
				t.Errorf("%s: status %s missing from the test's list", f, m[1])
				continue
			}
			k := fmt.Sprint(m[2], " ", st)
			used[k] = true
			if _, ok := table[k]; !ok {
				t.Errorf("%s: code %s with status %d is not in ErrorCodes", f, m[2], st)
			}
		}
	}
	for k := range table {
		if !used[k] {
			t.Errorf("ErrorCodes lists %s, which nothing answers", k)
		}
	}
	if !codes["resource_not_found"] || table[fmt.Sprint("too_many_requests ", http.StatusTooManyRequests)].Code == "" {
		t.Error("the table lacks resource_not_found or too_many_requests 429")
	}
}
