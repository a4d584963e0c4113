package clerk_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/jarcoal/httpmock"
)

func TestStatusSentinels(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status int
		want   error
	}{
		{400, clerk.ErrBadRequest}, {401, clerk.ErrUnauthorized}, {402, clerk.ErrPaymentRequired},
		{403, clerk.ErrForbidden}, {404, clerk.ErrNotFound}, {409, clerk.ErrConflict},
		{410, clerk.ErrGone}, {422, clerk.ErrUnprocessable}, {423, clerk.ErrLocked},
		{429, clerk.ErrRateLimited}, {500, clerk.ErrServer}, {502, clerk.ErrServer},
		{503, clerk.ErrServer}, {599, clerk.ErrServer},
	}
	all := []error{clerk.ErrBadRequest, clerk.ErrUnauthorized, clerk.ErrPaymentRequired, clerk.ErrForbidden,
		clerk.ErrNotFound, clerk.ErrConflict, clerk.ErrGone, clerk.ErrUnprocessable, clerk.ErrLocked,
		clerk.ErrRateLimited, clerk.ErrServer}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status), func(t *testing.T) {
			t.Parallel()
			c, mt := newMocked(t, clerk.WithMaxRetries(0))
			mt.RegisterNoResponder(httpmock.NewStringResponder(tt.status,
				`{"errors":[{"code":"some_code","message":"short","long_message":"longer text","meta":{"param_name":"x"}}],"clerk_trace_id":"tr_1"}`))
			err := c.Do(context.Background(), &clerk.Request{Method: "GET", Path: "/users/{id}", PathParams: []string{"u"}, Query: map[string][]string{"secret": {"hunter2"}}}, nil)
			var apiErr *clerk.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want *APIError", err)
			}
			for _, s := range all {
				if errors.Is(err, s) != (s == tt.want) {
					t.Errorf("errors.Is(err, %v) = %v", s, errors.Is(err, s))
				}
			}
			if apiErr.StatusCode != tt.status || apiErr.Code() != "some_code" || apiErr.TraceID != "tr_1" ||
				apiErr.Method != "GET" || apiErr.Path != "/users/{id}" || string(apiErr.Errors[0].Meta) != `{"param_name":"x"}` {
				t.Fatalf("APIError = %+v", apiErr)
			}
			msg := err.Error()
			if !strings.Contains(msg, "some_code") || !strings.Contains(msg, "longer text") || strings.Contains(msg, testKey) || strings.Contains(msg, "hunter2") {
				t.Fatalf("Error() = %q", msg)
			}
		})
	}
}

func TestNonJSONErrorBody(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t, clerk.WithMaxRetries(0))
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(502, "<html><body>Bad gateway</body></html>")
		resp.Header.Set("Clerk-Trace-Id", "hdr_trace")
		return resp, nil
	})
	err := c.Do(context.Background(), &clerk.Request{Method: "GET", Path: "/users"}, nil)
	var apiErr *clerk.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, clerk.ErrServer) {
		t.Fatalf("err = %v", err)
	}
	if apiErr.StatusCode != 502 || len(apiErr.Errors) != 0 || apiErr.TraceID != "hdr_trace" || apiErr.Code() != "" {
		t.Fatalf("APIError = %+v", apiErr)
	}
}

func TestAPIErrorHasCode(t *testing.T) {
	t.Parallel()
	e := &clerk.APIError{StatusCode: 422, Errors: []clerk.ErrorDetail{{Code: "a"}, {Code: "form_identifier_exists"}}}
	if !e.HasCode("form_identifier_exists") || e.HasCode("b") {
		t.Fatal("HasCode")
	}
}

func TestRetryAfterBeyondCapIsReturned(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t, clerk.WithMaxRetryAfter(2*time.Second))
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(429, `{"errors":[{"code":"too_many_requests","message":"slow down","long_message":"slow down"}]}`)
		resp.Header.Set("Retry-After", "60")
		return resp, nil
	})
	err := c.Do(context.Background(), &clerk.Request{Method: "GET", Path: "/users"}, nil)
	var apiErr *clerk.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, clerk.ErrRateLimited) {
		t.Fatalf("err = %v", err)
	}
	if apiErr.RetryAfter != 60*time.Second || mt.GetTotalCallCount() != 1 {
		t.Fatalf("RetryAfter = %v, calls = %d", apiErr.RetryAfter, mt.GetTotalCallCount())
	}
}

func TestRetryAfterHTTPDate(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t, clerk.WithMaxRetryAfter(time.Second))
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(503, ``)
		resp.Header.Set("Retry-After", time.Now().Add(2*time.Hour).UTC().Format(http.TimeFormat))
		return resp, nil
	})
	err := c.Do(context.Background(), &clerk.Request{Method: "GET", Path: "/users"}, nil)
	var apiErr *clerk.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v", err)
	}
	if apiErr.RetryAfter < 119*time.Minute || apiErr.RetryAfter > 2*time.Hour || mt.GetTotalCallCount() != 1 {
		t.Fatalf("RetryAfter = %v, calls = %d", apiErr.RetryAfter, mt.GetTotalCallCount())
	}
}
