package clerktest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clerkgo/clerk/clerktest"
)

// raw sends one request with the emulator's key over a fresh connection
// and returns the status and body, or the transport error.
func raw(e *clerktest.Emulator, method, path, body string) (int, []byte, error) {
	req, _ := http.NewRequest(method, e.URL()+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+e.SecretKey())
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}).Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

func countUsers(t *testing.T, e *clerktest.Emulator) string {
	t.Helper()
	_, _, b := send(t, e, "GET", "/users/count", nil)
	return string(b)
}

func TestFaultsTargetARoute(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	if err := e.InjectFault(clerktest.Fault{Method: "POST", Path: "/users", Count: 1, Kind: clerktest.FaultStatus, Status: 503}); err != nil {
		t.Fatal(err)
	}
	// Another route is untouched; the targeted one fails once, before the write.
	if status, _, _ := raw(e, "GET", "/users", ""); status != 200 {
		t.Errorf("GET /users hit by a POST fault: %d", status)
	}
	if status, _, _ := raw(e, "POST", "/users", `{"username":"first"}`); status != 503 {
		t.Errorf("faulted create: %d", status)
	}
	if got := countUsers(t, e); !strings.Contains(got, `"total_count":0`) {
		t.Errorf("a fault before the handler wrote: %s", got)
	}
	if status, _, _ := raw(e, "POST", "/users", `{"username":"second"}`); status != 200 {
		t.Errorf("fault outlived its count: %d", status)
	}
	if len(e.Faults()) != 0 {
		t.Errorf("spent fault still pending: %v", e.Faults())
	}
}

func TestFaultsAfterTheWrite(t *testing.T) {
	t.Parallel()
	for _, kind := range []clerktest.FaultKind{clerktest.FaultStatusAfterWrite, clerktest.FaultResetAfterWrite, clerktest.FaultTruncate} {
		t.Run(kind.String(), func(t *testing.T) {
			t.Parallel()
			e := newEmu(t)
			if err := e.InjectFault(clerktest.Fault{Path: "/users", Method: "POST", Count: 1, Kind: kind, Status: 500}); err != nil {
				t.Fatal(err)
			}
			status, body, err := raw(e, "POST", "/users", `{"username":"written"}`)
			switch kind {
			case clerktest.FaultStatusAfterWrite:
				if status != 500 {
					t.Errorf("status %d", status)
				}
			case clerktest.FaultResetAfterWrite:
				if err == nil {
					t.Errorf("no connection error: %d %s", status, body)
				}
			case clerktest.FaultTruncate:
				if !errors.Is(err, io.ErrUnexpectedEOF) {
					t.Errorf("truncated body: %d %q %v", status, body, err)
				}
			}
			if got := countUsers(t, e); !strings.Contains(got, `"total_count":1`) {
				t.Errorf("the write did not happen: %s", got)
			}
			if log := e.Requests(); log[0].Fault != kind.String() {
				t.Errorf("request log fault %q", log[0].Fault)
			}
		})
	}
}

func TestFaultResetBefore(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	if err := e.InjectFault(clerktest.Fault{Path: "/users/{user_id}", Count: 1, Kind: clerktest.FaultReset}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := raw(e, "DELETE", "/users/user_x", ""); err == nil {
		t.Error("no reset")
	}
	if status, _, _ := raw(e, "DELETE", "/users/user_x", ""); status != 404 {
		t.Errorf("after the reset: %d", status)
	}
}

func TestFaultLatencyOnOneRoute(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	if err := e.InjectFault(clerktest.Fault{Path: "/users/count", Kind: clerktest.FaultLatency, Latency: time.Hour}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", e.URL()+"/users/count", nil)
	req.Header.Set("Authorization", "Bearer "+e.SecretKey())
	done := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	// Other routes answer while the delayed one waits.
	if status, _, _ := raw(e, "GET", "/users", ""); status != 200 {
		t.Errorf("undelayed route: %d", status)
	}
	cancel()
	if err := <-done; err == nil {
		t.Error("delayed route answered")
	}
}

func TestInjectFaultValidates(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	for _, f := range []clerktest.Fault{{Kind: clerktest.FaultStatus, Status: 200}, {Kind: clerktest.FaultLatency}, {}, {Kind: clerktest.FaultReset, Count: -1}} {
		if err := e.InjectFault(f); err == nil {
			t.Errorf("%+v accepted", f)
		}
	}
}

func TestWebhookRetriesOnSvixSchedule(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	e := newEmu(t, clerktest.WithWebhookRetrySchedule(time.Millisecond, time.Millisecond, time.Millisecond))
	e.OnWebhook(srv.URL)
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(500) }))
	defer failing.Close()
	e.OnWebhook(failing.URL)
	createUser(t, e, map[string]any{"username": "retried"})
	flush(t, e)
	ds := e.Deliveries()
	if len(ds) != 2 {
		t.Fatalf("%d deliveries", len(ds))
	}
	for _, d := range ds {
		switch d.Endpoint {
		case srv.URL:
			if d.State != "succeeded" || len(d.Attempts) != 3 || d.Attempts[0].Status != 503 || d.Attempts[2].Status != 200 {
				t.Errorf("retried delivery %+v", d)
			}
		case failing.URL:
			if d.State != "failed" || len(d.Attempts) != 4 {
				t.Errorf("exhausted delivery %+v", d)
			}
		}
		if d.EventType != "user.created" {
			t.Errorf("event %s", d.EventType)
		}
	}
	if len(clerktest.SvixRetrySchedule()) != 7 {
		t.Error("Svix schedule has 7 retries")
	}
}

func TestRequestLogIsBounded(t *testing.T) {
	t.Parallel()
	e := newEmu(t, clerktest.WithLogSize(3))
	for range 5 {
		send(t, e, "GET", "/users", nil)
	}
	send(t, e, "GET", "/users/count", nil)
	log := e.Requests()
	if len(log) != 3 || log[2].Path != "/v1/users/count" || log[2].Status != 200 {
		t.Errorf("log %+v", log)
	}
}
