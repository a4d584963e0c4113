package clerk_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/jarcoal/httpmock"
)

// recordingObserver records every event it receives, as text, and checks
// that each call's events carry the context its RequestStart returned.
type recordingObserver struct {
	clerk.NopObserver
	mu      sync.Mutex
	events  []string
	starts  []clerk.RequestInfo
	ends    []clerk.RequestResult
	retries []clerk.RetryInfo
	waits   []time.Duration
	lostCtx int // events whose context lacks the RequestStart mark
}

type markKey struct{}

func (o *recordingObserver) RequestStart(ctx context.Context, r clerk.RequestInfo) context.Context {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.events = append(o.events, "start "+r.Method+" "+r.Route)
	o.starts = append(o.starts, r)
	return context.WithValue(ctx, markKey{}, r.Route)
}

func (o *recordingObserver) check(ctx context.Context, r clerk.RequestInfo) {
	if ctx.Value(markKey{}) != r.Route {
		o.lostCtx++
	}
}

func (o *recordingObserver) RequestEnd(ctx context.Context, r clerk.RequestInfo, res clerk.RequestResult) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.check(ctx, r)
	o.events = append(o.events, "end "+r.Method+" "+r.Route)
	o.ends = append(o.ends, res)
}

func (o *recordingObserver) Retry(ctx context.Context, r clerk.RequestInfo, retry clerk.RetryInfo) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.check(ctx, r)
	o.events = append(o.events, "retry")
	o.retries = append(o.retries, retry)
}

func (o *recordingObserver) LimiterWait(ctx context.Context, r clerk.RequestInfo, wait time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.check(ctx, r)
	o.events = append(o.events, "wait")
	o.waits = append(o.waits, wait)
}

func TestObserverSeesRetriesAndTheLastAnswer(t *testing.T) {
	t.Parallel()
	obs := &recordingObserver{}
	c, mt := newMocked(t, clerk.WithObserver(obs))
	var sawMark bool
	answers := []*http.Response{
		httpmock.NewStringResponse(503, `{"errors":[]}`),
		httpmock.NewStringResponse(429, `{"errors":[]}`),
		httpmock.NewStringResponse(200, `{"id":"user_1"}`),
	}
	answers[2].Header.Set("Clerk-Trace-Id", "trace_ok")
	n := 0
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		sawMark = r.Context().Value(markKey{}) == "/users/{user_id}"
		n++
		return answers[n-1], nil
	})
	var u clerk.User
	err := c.Do(t.Context(), &clerk.Request{Method: "GET", Path: "/users/{user_id}", PathParams: []string{"user_1"}, Query: map[string][]string{"secret": {"x"}}}, &u)
	if err != nil {
		t.Fatal(err)
	}
	if !sawMark {
		t.Error("the attempts were not sent with the context RequestStart returned")
	}
	if got, want := strings.Join(obs.events, ","), "start GET /users/{user_id},retry,retry,end GET /users/{user_id}"; got != want {
		t.Fatalf("events %q, want %q", got, want)
	}
	if want := (clerk.RequestInfo{Method: "GET", Route: "/users/{user_id}", ServerAddress: "api.test", ServerPort: 443, APIVersion: clerk.APIVersion}); obs.starts[0] != want {
		t.Errorf("start %+v, want %+v", obs.starts[0], want)
	}
	if r := obs.retries; r[0].Retry != 1 || r[0].StatusCode != 503 || r[0].ErrorType != "503" || r[1].Retry != 2 || r[1].StatusCode != 429 || r[1].ErrorType != "429" {
		t.Errorf("retries %+v", r)
	}
	end := obs.ends[0]
	if end.StatusCode != 200 || end.Attempts != 3 || end.TraceID != "trace_ok" || end.ErrorType != "" || end.Err != nil || end.Duration <= 0 {
		t.Errorf("end %+v", end)
	}
	if obs.lostCtx != 0 {
		t.Errorf("%d events lacked the call's context", obs.lostCtx)
	}
}

func TestObserverNamesTheFailure(t *testing.T) {
	t.Parallel()
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name      string
		ctx       context.Context
		status    int
		body      string
		wantType  string
		wantTrace string
	}{
		{"error answer", context.Background(), 404, `{"errors":[{"code":"resource_not_found"}],"clerk_trace_id":"trace_body"}`, "404", "trace_body"},
		{"redirect", context.Background(), 302, ``, "redirect", ""},
		{"undecodable answer", context.Background(), 200, `{"id":`, "decode", ""},
		{"canceled", canceled, 200, `{}`, "canceled", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			obs := &recordingObserver{}
			c, mt := newMocked(t, clerk.WithObserver(obs))
			mt.RegisterNoResponder(httpmock.NewStringResponder(tt.status, tt.body))
			var u clerk.User
			err := c.Do(tt.ctx, &clerk.Request{Method: "GET", Path: "/users/{user_id}", PathParams: []string{"user_1"}}, &u)
			if err == nil {
				t.Fatal("want an error")
			}
			if len(obs.ends) != 1 {
				t.Fatalf("%d ends, want 1", len(obs.ends))
			}
			end := obs.ends[0]
			if end.ErrorType != tt.wantType || end.TraceID != tt.wantTrace || end.Err != err || end.Attempts != 1 {
				t.Errorf("end %+v, want error type %q and trace %q", end, tt.wantType, tt.wantTrace)
			}
		})
	}
}

func TestObserverSeesLimiterWaits(t *testing.T) {
	t.Parallel()
	obs := &recordingObserver{}
	st := &recordingStore{wait: time.Millisecond}
	c, mt := newMocked(t, clerk.WithObserver(obs), clerk.WithRateLimit(clerk.RateLimit{Store: st}))
	mt.RegisterNoResponder(httpmock.NewStringResponder(200, `[]`))
	if err := c.Do(t.Context(), &clerk.Request{Method: "GET", Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(obs.events, ","), "start GET /users,wait,end GET /users"; got != want {
		t.Fatalf("events %q, want %q", got, want)
	}
	if obs.waits[0] != time.Millisecond || obs.lostCtx != 0 {
		t.Errorf("waits %v, %d events without the call's context", obs.waits, obs.lostCtx)
	}
}

func TestObserverIsNotToldOfCallsRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	obs := &recordingObserver{}
	c, mt := newMocked(t, clerk.WithObserver(obs))
	err := c.Do(t.Context(), &clerk.Request{Method: "GET", Path: "/users/{user_id}", PathParams: []string{".."}}, nil)
	if err == nil || mt.GetTotalCallCount() != 0 {
		t.Fatalf("err %v after %d requests, want a refusal before any", err, mt.GetTotalCallCount())
	}
	if len(obs.events) != 0 {
		t.Errorf("events %v for a call that was never sent", obs.events)
	}
}
