package clerk

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// FuzzAPIError feeds arbitrary error bodies and headers to the error
// builder: it must never panic and never lose the status.
func FuzzAPIError(f *testing.F) {
	f.Add(422, `{"errors":[{"code":"form_identifier_exists","message":"m","long_message":"l","meta":{"x":1}}],"clerk_trace_id":"t"}`, "5")
	f.Add(502, `<html>bad gateway</html>`, "Wed, 21 Oct 2015 07:28:00 GMT")
	f.Add(429, `{"errors":null}`, "")
	f.Add(500, `{"errors":[{"code":1}]}`, "-1")
	f.Add(400, ` {`, "x")
	f.Fuzz(func(t *testing.T, status int, body, retryAfter string) {
		h := http.Header{}
		h.Set("Retry-After", retryAfter)
		e := newAPIError("GET", "/users", status, h, []byte(body), time.Unix(0, 0))
		if e.StatusCode != status || e.RetryAfter < 0 {
			t.Fatalf("status %d -> %+v", status, e)
		}
		msg := e.Error()
		if !strings.HasPrefix(msg, "clerk: GET /users: ") {
			t.Fatalf("Error() = %q", msg)
		}
	})
}
