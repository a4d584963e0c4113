package clerktest

import (
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
	table := map[string]ErrorCode{}
	for _, c := range ErrorCodes() {
		if _, dup := table[c.Code]; dup {
			t.Errorf("%s listed twice", c.Code)
		}
		if c.Source == "" {
			t.Errorf("%s has no source", c.Code)
		}
		table[c.Code] = c
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	use := regexp.MustCompile(`fail(?:Param)?\(http\.(Status[A-Za-z]+), "([a-z_0-9]+)"`)
	statuses := map[string]int{"StatusBadRequest": 400, "StatusUnauthorized": 401, "StatusForbidden": 403,
		"StatusNotFound": 404, "StatusMethodNotAllowed": 405, "StatusUnprocessableEntity": 422,
		"StatusTooManyRequests": 429, "StatusInternalServerError": 500, "StatusNotImplemented": 501, "StatusGatewayTimeout": 504}
	used := map[string]bool{"injected_failure": true, "too_many_requests": true, "internal_clerk_error": true}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range use.FindAllStringSubmatch(string(src), -1) {
			used[m[2]] = true
			c, ok := table[m[2]]
			if !ok {
				t.Errorf("%s: code %s is not in ErrorCodes", f, m[2])
				continue
			}
			if st, known := statuses[m[1]]; !known || st != c.Status {
				t.Errorf("%s: code %s sent with %s, the table says %d", f, m[2], m[1], c.Status)
			}
		}
	}
	for code := range table {
		if !used[code] {
			t.Errorf("ErrorCodes lists %s, which nothing answers", code)
		}
	}
	if c := table["too_many_requests"]; c.Status != http.StatusTooManyRequests {
		t.Errorf("too_many_requests status %d", c.Status)
	}
}
