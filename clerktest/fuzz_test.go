package clerktest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzRequest sends arbitrary methods, paths and bodies to the emulator and
// requires a well-formed answer, never a panic.
func FuzzRequest(f *testing.F) {
	f.Add("POST", "/v1/users", `{"email_address":["a@b.c"],"username":null,"public_metadata":{"a":{"b":null}}}`)
	f.Add("PATCH", "/v1/users/user_x", `{"first_name":null}`)
	f.Add("GET", "/v1/users?order_by=-created_at&limit=1e3", "")
	f.Add("POST", "/v1/sessions", `{"user_id":5}`)
	f.Add("POST", "/v1/jwt_templates", `{"name":"t","claims":{"x":"{{user.id}}"}}`)
	f.Add("POST", "/v1/billing/subscription_items/x/extend_free_trial", `{"extend_to":"not a date"}`)
	f.Add("GET", "/v1/organizations/%zz", "")
	e := New(WithDemoData())
	defer e.Close()
	f.Fuzz(func(t *testing.T, method, path, body string) {
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \r\n#") || method == "" || strings.ContainsAny(method, " \r\n") {
			return
		}
		req, err := http.NewRequest(method, "http://emulator"+path, strings.NewReader(body))
		if err != nil {
			return
		}
		req.Header.Set("Authorization", "Bearer "+e.SecretKey())
		rec := httptest.NewRecorder()
		e.serveHTTP(rec, req)
		if rec.Code < 200 || rec.Code > 599 || rec.Body.Len() > 0 && !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") && !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			t.Fatalf("%s %s: status %d, content type %q", method, path, rec.Code, rec.Header().Get("Content-Type"))
		}
		e.ResetRequests()
	})
}
