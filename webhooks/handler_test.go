package webhooks

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
)

// post sends body to srv signed as delivery id (or with the given signature).
func post(t *testing.T, url, id string, body []byte, sig string) *http.Response {
	t.Helper()
	if sig == "" {
		sig = mustSign(t, testSecret, id, testNow, body)
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("svix-id", id)
	req.Header.Set("svix-timestamp", strconv.FormatInt(testNow.Unix(), 10))
	req.Header.Set("svix-signature", sig)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func TestHandlerEndToEnd(t *testing.T) {
	t.Parallel()
	userCreated := []byte(`{"type":"user.created","object":"event","data":{"id":"user_1","object":"user"}}`)
	failing := []byte(`{"type":"role.created","object":"event","data":{"id":"role_1"}}`)
	panicking := []byte(`{"type":"role.updated","object":"event","data":{"id":"role_1"}}`)
	unregistered := []byte(`{"type":"brand.new","object":"event","data":{}}`)
	badShape := []byte(`{"type":"user.created","object":"event","data":{"id":7}}`)
	notJSON := []byte(`nope`)

	var got atomic.Value
	v := newTestVerifier(t, WithMaxBodySize(512))
	h := NewDispatcher(v)
	h.OnUserCreated(func(ctx context.Context, e *Event, u *clerk.User) error {
		got.Store(e.ID + "/" + u.ID)
		return nil
	})
	h.On(RoleCreated, func(context.Context, *Event) error { return errors.New("database down") })
	h.On(RoleUpdated, func(context.Context, *Event) error { panic("boom") })
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	tests := []struct {
		name     string
		method   string
		body     []byte
		sig      string
		want     int
		wantCode string
	}{
		{"success", http.MethodPost, userCreated, "", http.StatusNoContent, ""},
		{"GET refused", http.MethodGet, nil, "", http.StatusMethodNotAllowed, "method_not_allowed"},
		{"PUT refused", http.MethodPut, userCreated, "", http.StatusMethodNotAllowed, "method_not_allowed"},
		{"bad signature", http.MethodPost, userCreated, "v1,AAAA", http.StatusBadRequest, "invalid_signature"},
		{"body too large", http.MethodPost, append(bytes.Repeat([]byte(" "), 600), userCreated...), "", http.StatusRequestEntityTooLarge, "body_too_large"},
		{"handler error", http.MethodPost, failing, "", http.StatusInternalServerError, "handler_failed"},
		{"handler panic", http.MethodPost, panicking, "", http.StatusInternalServerError, "handler_failed"},
		{"unregistered type", http.MethodPost, unregistered, "", http.StatusNoContent, ""},
		{"typed decode failure", http.MethodPost, badShape, "", http.StatusInternalServerError, "handler_failed"},
		{"signed but not an event", http.MethodPost, notJSON, "", http.StatusBadRequest, "invalid_payload"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var resp *http.Response
			if tt.method == http.MethodPost {
				resp = post(t, srv.URL, "msg_"+strings.ReplaceAll(tt.name, " ", "_"), tt.body, tt.sig)
			} else {
				req, _ := http.NewRequestWithContext(t.Context(), tt.method, srv.URL, bytes.NewReader(tt.body))
				var err error
				if resp, err = http.DefaultClient.Do(req); err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				if resp.Header.Get("Allow") != http.MethodPost {
					t.Errorf("Allow = %q", resp.Header.Get("Allow"))
				}
			}
			if resp.StatusCode != tt.want {
				t.Fatalf("status = %d, want %d", resp.StatusCode, tt.want)
			}
			if tt.wantCode != "" {
				var eb errorBody
				if err := json.NewDecoder(resp.Body).Decode(&eb); err != nil || eb.Error != tt.wantCode {
					t.Fatalf("error body = %+v (%v), want code %s", eb, err, tt.wantCode)
				}
				if strings.Contains(eb.Message, strings.TrimPrefix(testSecret, "whsec_")) || strings.Contains(eb.Message, "database down") {
					t.Fatalf("error message %q leaks internals", eb.Message)
				}
			}
			if tt.name == "success" && got.Load() != "msg_success/user_1" {
				t.Fatalf("handler saw %v", got.Load())
			}
		})
	}
}

func TestHandlerFallback(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	h := NewDispatcher(v)
	var seen atomic.Value
	h.On(UserCreated, func(context.Context, *Event) error { seen.Store("specific"); return nil })
	h.Fallback(func(_ context.Context, e *Event) error {
		seen.Store("fallback:" + e.Type + ":" + string(e.Data))
		return nil
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	tests := []struct {
		body, want string
	}{
		{`{"type":"user.created","data":{}}`, "specific"},
		{`{"type":"galaxy.exploded","data":{"n":1}}`, `fallback:galaxy.exploded:{"n":1}`},
	}
	for _, tt := range tests {
		if resp := post(t, srv.URL, "msg_fb", []byte(tt.body), ""); resp.StatusCode != http.StatusNoContent || seen.Load() != tt.want {
			t.Fatalf("status %d, handler saw %v; want 204 and %s", resp.StatusCode, seen.Load(), tt.want)
		}
	}
}

func TestHandlerDeduplication(t *testing.T) {
	t.Parallel()
	now := testNow
	v, err := NewVerifier(testSecret, WithNow(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	var calls, fails atomic.Int32
	fails.Store(1)
	h := NewDispatcher(v, WithDeduplication(time.Hour, 2))
	h.On(UserUpdated, func(context.Context, *Event) error {
		calls.Add(1)
		if fails.Add(-1) >= 0 {
			return errors.New("transient")
		}
		return nil
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	body := []byte(`{"type":"user.updated","object":"event","data":{}}`)

	steps := []struct {
		id        string
		want      int
		wantCalls int32
	}{
		{"msg_a", http.StatusInternalServerError, 1}, // first attempt fails: not remembered
		{"msg_a", http.StatusNoContent, 2},           // retry runs and succeeds
		{"msg_a", http.StatusNoContent, 2},           // duplicate: handler not called
		{"msg_b", http.StatusNoContent, 3},
		{"msg_c", http.StatusNoContent, 4}, // capacity 2 evicts msg_a
		{"msg_a", http.StatusNoContent, 5},
	}
	for i, s := range steps {
		resp := post(t, srv.URL, s.id, body, "")
		if resp.StatusCode != s.want || calls.Load() != s.wantCalls {
			t.Fatalf("step %d (%s): status %d calls %d, want %d and %d", i, s.id, resp.StatusCode, calls.Load(), s.want, s.wantCalls)
		}
	}
	if n := h.seen.store.(*MemoryDedupStore).Len(); n != 2 {
		t.Fatalf("window holds %d ids, want at most 2", n)
	}
}

func TestDedupWindowExpiry(t *testing.T) {
	t.Parallel()
	now := testNow
	v, err := NewVerifier(testSecret, WithNow(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	d := newDedup(v, nil, time.Minute, 10)
	tests := []struct {
		advance time.Duration
		id      string
		finish  *bool
		want    ClaimState
	}{
		{0, "a", ptr(true), ClaimNew},
		{30 * time.Second, "a", nil, ClaimDone},
		{0, "b", nil, ClaimNew},
		{0, "b", nil, ClaimInFlight},
		{31 * time.Second, "a", nil, ClaimNew}, // a expired after the window
	}
	ctx := t.Context()
	for i, tt := range tests {
		now = now.Add(tt.advance)
		got, token, err := d.begin(ctx, tt.id)
		if err != nil || got != tt.want {
			t.Fatalf("step %d: begin(%s) = %v, %v; want %v", i, tt.id, got, err, tt.want)
		}
		if tt.finish != nil {
			if err := d.finish(ctx, tt.id, token, *tt.finish); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestVerifyRequest(t *testing.T) {
	t.Parallel()
	body := []byte(`{"type":"session.created","object":"event","data":{"id":"sess_1"}}`)
	v := newTestVerifier(t, WithMaxBodySize(int64(len(body))))
	tests := []struct {
		name string
		body []byte
		want error
	}{
		{"ok", body, nil},
		{"too large", append([]byte(" "), body...), ErrBodyTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(tt.body))
			r.ContentLength = -1 // force the streaming limit, not the header shortcut
			r.Header = headers(testID, testNow, mustSign(t, testSecret, testID, testNow, tt.body))
			e, err := v.VerifyRequest(r)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("VerifyRequest() error = %v, want %v", err, tt.want)
			}
			if err == nil && (e.ID != testID || e.Type != SessionCreated) {
				t.Fatalf("event = %+v", e)
			}
		})
	}
}

func TestHandlerDuplicateInFlight(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	h := NewDispatcher(v, WithDeduplication(0, 0))
	started, release := make(chan struct{}), make(chan struct{})
	h.On(UserCreated, func(context.Context, *Event) error {
		close(started)
		<-release
		return nil
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	body := []byte(`{"type":"user.created","data":{}}`)
	first := make(chan int, 1)
	go func() {
		sig := mustSign(t, testSecret, "msg_dup", testNow, body)
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
		req.Header = headers("msg_dup", testNow, sig)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			first <- 0
			return
		}
		resp.Body.Close()
		first <- resp.StatusCode
	}()
	<-started
	if resp := post(t, srv.URL, "msg_dup", body, ""); resp.StatusCode != http.StatusConflict {
		t.Fatalf("concurrent duplicate: status %d, want 409", resp.StatusCode)
	}
	close(release)
	if code := <-first; code != http.StatusNoContent {
		t.Fatalf("first delivery: status %d, want 204", code)
	}
	if resp := post(t, srv.URL, "msg_dup", body, ""); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("later duplicate: status %d, want 204", resp.StatusCode)
	}
}

// A delivery still in flight must survive any number of others finishing
// while it runs: with capacity 1, the old window evicted it and its retry
// ran the handler a second time.
func TestHandlerSlowDeliveryIsNotEvicted(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	h := NewDispatcher(v, WithDeduplication(time.Hour, 1))
	started, release := make(chan struct{}), make(chan struct{})
	var slowRuns atomic.Int32
	h.On(UserCreated, func(_ context.Context, e *Event) error {
		if e.ID == "msg_slow" && slowRuns.Add(1) == 1 {
			close(started)
			<-release
		}
		return nil
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	body := []byte(`{"type":"user.created","data":{}}`)
	first := make(chan int, 1)
	go func() { first <- post(t, srv.URL, "msg_slow", body, "").StatusCode }()
	<-started
	for _, id := range []string{"msg_1", "msg_2", "msg_3"} {
		if code := post(t, srv.URL, id, body, "").StatusCode; code != http.StatusNoContent {
			t.Fatalf("%s: status %d", id, code)
		}
	}
	if code := post(t, srv.URL, "msg_slow", body, "").StatusCode; code != http.StatusConflict {
		t.Fatalf("retry while in flight: status %d, want 409", code)
	}
	close(release)
	if code := <-first; code != http.StatusNoContent {
		t.Fatalf("slow delivery: status %d", code)
	}
	if code := post(t, srv.URL, "msg_slow", body, "").StatusCode; code != http.StatusNoContent || slowRuns.Load() != 1 {
		t.Fatalf("retry after success: status %d, runs %d; want 204 and 1", code, slowRuns.Load())
	}
}
