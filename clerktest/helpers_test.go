package clerktest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/clerkgo/clerk/clerktest"
)

func newEmu(t *testing.T, opts ...clerktest.Option) *clerktest.Emulator {
	t.Helper()
	e := clerktest.New(opts...)
	t.Cleanup(e.Close)
	return e
}

// send performs one request with the emulator's key and returns the status,
// headers and raw body.
func send(t *testing.T, e *clerktest.Emulator, method, path string, body any) (int, http.Header, []byte) {
	t.Helper()
	return sendKey(t, e, e.SecretKey(), method, path, body)
}

func sendKey(t *testing.T, e *clerktest.Emulator, key, method, path string, body any) (int, http.Header, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, e.URL()+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	req.Header.Set("Clerk-API-Version", "2025-11-10")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, raw
}

// call sends a request, requires status want and decodes the JSON answer.
func call(t *testing.T, e *clerktest.Emulator, method, path string, body any, want int) map[string]any {
	t.Helper()
	return callKey(t, e, e.SecretKey(), method, path, body, want)
}

// callKey is call with another key.
func callKey(t *testing.T, e *clerktest.Emulator, key, method, path string, body any, want int) map[string]any {
	t.Helper()
	status, _, raw := sendKey(t, e, key, method, path, body)
	if status != want {
		t.Fatalf("%s %s: status %d, want %d: %s", method, path, status, want, raw)
	}
	var out map[string]any
	if len(raw) > 0 && raw[0] == '{' {
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatalf("decode %s: %v", raw, err)
		}
	}
	return out
}

// callList sends a request answered by a bare JSON array.
func callList(t *testing.T, e *clerktest.Emulator, method, path string, want int) []map[string]any {
	t.Helper()
	status, _, raw := send(t, e, method, path, nil)
	if status != want {
		t.Fatalf("%s %s: status %d, want %d: %s", method, path, status, want, raw)
	}
	var out []map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return out
}

// errCode returns the code of the first Clerk error in body.
func errCode(t *testing.T, raw []byte) (code string, meta map[string]any) {
	t.Helper()
	var body struct {
		Errors []struct {
			Code        string         `json:"code"`
			Message     string         `json:"message"`
			LongMessage string         `json:"long_message"`
			Meta        map[string]any `json:"meta"`
		} `json:"errors"`
		TraceID string `json:"clerk_trace_id"`
	}
	if err := json.Unmarshal(raw, &body); err != nil || len(body.Errors) == 0 {
		t.Fatalf("not a Clerk error body: %s", raw)
	}
	if body.TraceID == "" || body.Errors[0].Message == "" || body.Errors[0].LongMessage == "" {
		t.Fatalf("incomplete Clerk error: %s", raw)
	}
	return body.Errors[0].Code, body.Errors[0].Meta
}

func createUser(t *testing.T, e *clerktest.Emulator, fields map[string]any) string {
	t.Helper()
	u := call(t, e, "POST", "/users", fields, http.StatusOK)
	id, _ := u["id"].(string)
	if id == "" {
		t.Fatalf("no id in %v", u)
	}
	return id
}

func ids(items []map[string]any) []string {
	out := make([]string, len(items))
	for i, m := range items {
		out[i], _ = m["id"].(string)
	}
	return out
}

// flush waits for every pending webhook delivery of e.
func flush(t *testing.T, e *clerktest.Emulator) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := e.Flush(ctx); err != nil {
		t.Fatalf("flush webhooks: %v", err)
	}
}
