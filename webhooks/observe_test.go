package webhooks

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
)

// verdictRecorder records the verdicts an Observer is told of.
type verdictRecorder struct {
	clerk.NopObserver
	mu       sync.Mutex
	verdicts []clerk.WebhookVerdict
	ctxOK    []bool
}

type deliveryMark struct{}

func (r *verdictRecorder) WebhookVerdict(ctx context.Context, v clerk.WebhookVerdict) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.verdicts = append(r.verdicts, v)
	r.ctxOK = append(r.ctxOK, ctx.Value(deliveryMark{}) == "mark")
}

func TestObserverIsToldOfEveryVerdict(t *testing.T) {
	t.Parallel()
	body := []byte(`{"type":"user.created","object":"event","data":{"id":"user_1","object":"user"}}`)
	valid := headers(testID, testNow, mustSign(t, testSecret, testID, testNow, body))
	tests := []struct {
		name string
		h    http.Header
		want clerk.WebhookVerdict
	}{
		{"verified", valid, clerk.WebhookVerdict{Verified: true}},
		{"wrong signature", headers(testID, testNow, mustSign(t, otherKey, testID, testNow, body)), clerk.WebhookVerdict{Reason: "invalid_signature"}},
		{"too old", headers(testID, testNow.Add(-time.Hour), mustSign(t, testSecret, testID, testNow.Add(-time.Hour), body)), clerk.WebhookVerdict{Reason: "timestamp_too_old"}},
		{"no headers", http.Header{}, clerk.WebhookVerdict{Reason: "missing_headers"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := &verdictRecorder{}
			v := newTestVerifier(t, WithObserver(rec))
			newRequest := func() *http.Request {
				r := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(body))
				r.Header = tt.h.Clone()
				return r.WithContext(context.WithValue(r.Context(), deliveryMark{}, "mark"))
			}
			_ = v.Verify(body, tt.h)
			_, _ = v.VerifyRequest(newRequest())
			d := NewDispatcher(v)
			d.On("user.created", func(context.Context, *Event) error { return nil })
			d.ServeHTTP(httptest.NewRecorder(), newRequest())
			if len(rec.verdicts) != 3 {
				t.Fatalf("%d verdicts for Verify, VerifyRequest and the Dispatcher, want 3", len(rec.verdicts))
			}
			for i, got := range rec.verdicts {
				if got != tt.want {
					t.Errorf("verdict %d: %+v, want %+v", i, got, tt.want)
				}
			}
			// Verify has no request; the other two report with its context.
			if rec.ctxOK[0] || !rec.ctxOK[1] || !rec.ctxOK[2] {
				t.Errorf("contexts carried the request's mark: %v, want [false true true]", rec.ctxOK)
			}
		})
	}
}

func TestObserverIsToldOfOversizedDeliveries(t *testing.T) {
	t.Parallel()
	rec := &verdictRecorder{}
	v := newTestVerifier(t, WithObserver(rec), WithMaxBodySize(8))
	body := []byte(`{"type":"user.created"}`)
	h := headers(testID, testNow, mustSign(t, testSecret, testID, testNow, body))
	newRequest := func() *http.Request {
		r := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(body))
		r.Header = h.Clone()
		return r
	}
	if _, err := v.VerifyRequest(newRequest()); err == nil {
		t.Fatal("VerifyRequest accepted a body over the limit")
	}
	w := httptest.NewRecorder()
	NewDispatcher(v).ServeHTTP(w, newRequest())
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("the Dispatcher answered %d, want 413", w.Code)
	}
	want := clerk.WebhookVerdict{Reason: "body_too_large"}
	if len(rec.verdicts) != 2 || rec.verdicts[0] != want || rec.verdicts[1] != want {
		t.Errorf("verdicts %+v, want two %+v", rec.verdicts, want)
	}
}
