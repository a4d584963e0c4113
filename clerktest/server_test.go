package clerktest_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRoutesOutsideTheEmulator(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	for _, r := range []struct {
		method, path string
		status       int
		code         string
	}{
		{"GET", "/no/such/route", 404, "resource_not_found"},
		{"PUT", "/users/user_1", 405, "method_not_allowed"},
		{"DELETE", "/sessions/sess_1", 405, "method_not_allowed"},
	} {
		status, _, raw := send(t, e, r.method, r.path, nil)
		code, _ := errCode(t, raw)
		if status != r.status || code != r.code || !strings.Contains(string(raw), r.method+" /v1"+r.path) {
			t.Errorf("%s %s: %d %s", r.method, r.path, status, raw)
		}
	}
}

func TestParametersAreNeverIgnored(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	for _, tt := range []struct {
		name, method, path string
		body               any
		status             int
		code, param        string
	}{
		{"unknown body key", "POST", "/users", map[string]any{"username": "abcd", "shoe_size": 44}, 422, "form_param_unknown", "shoe_size"},
	} {
		status, _, raw := send(t, e, tt.method, tt.path, tt.body)
		code, meta := errCode(t, raw)
		if status != tt.status || code != tt.code || meta["param_name"] != tt.param {
			t.Errorf("%s: %d %s", tt.name, status, raw)
		}
	}
	// A query parameter the spec does not define is ignored, as by Clerk.
	if status, _, raw := send(t, e, "GET", "/users?shoe_size=44", nil); status != 200 {
		t.Errorf("query the spec lacks: %d %s", status, raw)
	}
	// A filter the emulator implements still filters.
	status, _, raw := send(t, e, "GET", "/users?last_active_at_since=1", nil)
	if status != 200 || string(raw) != "[]" {
		t.Errorf("last_active_at_since: %d %s", status, raw)
	}
}

func TestAuthentication(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	for _, tt := range []struct {
		name, key, code string
	}{
		{"missing", "", "authorization_header_missing"},
		{"other key", "sk_test_other", "clerk_key_invalid"},
		{"other emulator", newEmu(t).SecretKey(), "clerk_key_invalid"},
	} {
		status, _, raw := sendKey(t, e, tt.key, "GET", "/users", nil)
		if code, _ := errCode(t, raw); status != 401 || code != tt.code {
			t.Errorf("%s: %d %s", tt.name, status, code)
		}
	}
}

func TestFailNext(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status     int
		retryAfter time.Duration
		header     string
		code       string
	}{
		{429, 1500 * time.Millisecond, "2", "too_many_requests"},
		{503, 0, "", "internal_clerk_error"},
		{409, time.Second, "1", "injected_failure"},
	}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status), func(t *testing.T) {
			t.Parallel()
			e := newEmu(t)
			e.FailNext(2, tt.status, tt.retryAfter)
			for i := 0; i < 2; i++ {
				status, h, raw := send(t, e, "GET", "/users", nil)
				code, _ := errCode(t, raw)
				if status != tt.status || h.Get("Retry-After") != tt.header || code != tt.code {
					t.Errorf("request %d: %d Retry-After=%q %s", i, status, h.Get("Retry-After"), code)
				}
			}
			if status, _, _ := send(t, e, "GET", "/users", nil); status != 200 {
				t.Errorf("third request: %d", status)
			}
		})
	}
}

func TestLatencyHonoursClientCancellation(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	e.SetLatency(time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", e.URL()+"/users", nil)
	req.Header.Set("Authorization", "Bearer "+e.SecretKey())
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatal("request with a canceled context succeeded")
	}
	e.SetLatency(0)
	if status, _, _ := send(t, e, "GET", "/users", nil); status != 200 {
		t.Errorf("after latency removed: %d", status)
	}
}

func TestRequestLog(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	send(t, e, "POST", "/users", map[string]any{"username": "logged"})
	sendKey(t, e, "sk_test_bad", "GET", "/users?limit=3", nil)
	log := e.Requests()
	if len(log) != 2 {
		t.Fatalf("log has %d entries", len(log))
	}
	if r := log[0]; r.Method != "POST" || r.Path != "/v1/users" || !r.KeyValid || r.APIVersion != "2025-11-10" ||
		!strings.Contains(string(r.Body), "logged") {
		t.Errorf("first entry %+v", r)
	}
	if r := log[1]; r.KeyValid || r.Query.Get("limit") != "3" {
		t.Errorf("second entry %+v", r)
	}
	for _, r := range log {
		if v := r.Header.Get("Authorization"); v != "[redacted]" || strings.Contains(v, "sk_") {
			t.Errorf("Authorization logged as %q", v)
		}
	}
	log[0].Body[0] = 'X'
	if e.Requests()[0].Body[0] == 'X' {
		t.Error("Requests returned shared memory")
	}
	e.ResetRequests()
	if len(e.Requests()) != 0 {
		t.Error("ResetRequests kept entries")
	}
}

func TestEmulatorsAreIndependent(t *testing.T) {
	t.Parallel()
	a, b := newEmu(t), newEmu(t)
	if a.SecretKey() == b.SecretKey() || a.JWTKey() == b.JWTKey() || a.WebhookSecret() == b.WebhookSecret() {
		t.Fatal("emulators share keys")
	}
	createUser(t, a, map[string]any{"username": "only-in-a"})
	if got := callList(t, b, "GET", "/users", 200); len(got) != 0 {
		t.Errorf("b sees a's users: %v", got)
	}
	a.FailNext(1, 500, 0)
	if status, _, _ := send(t, b, "GET", "/users", nil); status != 200 {
		t.Errorf("a's fault hit b: %d", status)
	}
	if status, _, _ := sendKey(t, b, a.SecretKey(), "GET", "/users", nil); status != 401 {
		t.Errorf("b accepts a's key: %d", status)
	}
}

func TestMalformedBodies(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	for _, body := range []string{"{", "[1,2]", "null", `{"email_address": 5}`, `{"username": ["x"]}`} {
		req, _ := http.NewRequest("POST", e.URL()+"/users", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+e.SecretKey())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 400 && resp.StatusCode != 422 {
			t.Errorf("%s: status %d", body, resp.StatusCode)
		}
	}
}
