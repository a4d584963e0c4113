package clerk_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/jarcoal/httpmock"
)

// TestRetryMatrix counts attempts for each method and failure.
func TestRetryMatrix(t *testing.T) {
	t.Parallel()
	dialErr := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
	resetErr := &net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset by peer")}
	tests := []struct {
		name      string
		method    string
		status    int
		err       error
		opts      []clerk.RequestOption
		wantCalls int
	}{
		{"GET 503 is retried", "GET", 503, nil, nil, 3},
		{"GET 500 is retried", "GET", 500, nil, nil, 3},
		{"DELETE 502 is retried", "DELETE", 502, nil, nil, 3},
		{"PUT 504 is retried", "PUT", 504, nil, nil, 3},
		{"GET 408 is retried", "GET", 408, nil, nil, 3},
		{"POST 503 is not retried", "POST", 503, nil, nil, 1},
		{"PATCH 500 is not retried", "PATCH", 500, nil, nil, 1},
		{"POST 503 opted in", "POST", 503, nil, []clerk.RequestOption{clerk.WithRetryNonIdempotent()}, 3},
		{"POST 429 is retried", "POST", 429, nil, nil, 3},
		{"PATCH 429 is retried", "PATCH", 429, nil, nil, 3},
		{"GET 404 is not retried", "GET", 404, nil, nil, 1},
		{"GET 422 is not retried", "GET", 422, nil, nil, 1},
		{"POST dial error is retried", "POST", 0, dialErr, nil, 3},
		{"POST reset is not retried", "POST", 0, resetErr, nil, 1},
		{"GET reset is retried", "GET", 0, resetErr, nil, 3},
		{"per-call max retries", "GET", 503, nil, []clerk.RequestOption{clerk.WithMaxRetries(5)}, 6},
		{"per-call no retries", "GET", 503, nil, []clerk.RequestOption{clerk.WithMaxRetries(0)}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, mt := newMocked(t)
			mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
				if tt.err != nil {
					return nil, tt.err
				}
				return httpmock.NewStringResponse(tt.status, `{"errors":[]}`), nil
			})
			err := c.Do(context.Background(), &clerk.Request{Method: tt.method, Path: "/users"}, nil, tt.opts...)
			if err == nil {
				t.Fatal("want an error")
			}
			if got := mt.GetTotalCallCount(); got != tt.wantCalls {
				t.Fatalf("attempts = %d, want %d (err %v)", got, tt.wantCalls, err)
			}
			if tt.status != 0 {
				var apiErr *clerk.APIError
				if !errors.As(err, &apiErr) || apiErr.StatusCode != tt.status {
					t.Fatalf("err = %v, want an APIError with status %d", err, tt.status)
				}
			}
		})
	}
}

func TestRetrySucceedsAfterFailures(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t)
	mt.RegisterResponder("GET", testBase+"/users", httpmock.ResponderFromMultipleResponses([]*http.Response{
		httpmock.NewStringResponse(503, ``),
		httpmock.NewStringResponse(200, `[{"id":"u1"}]`),
	}))
	out := clerk.NewPage[struct{ ID string }](clerk.ArrayPage)
	if err := c.Do(context.Background(), &clerk.Request{Method: "GET", Path: "/users"}, out); err != nil {
		t.Fatal(err)
	}
	if len(out.Data) != 1 || out.Data[0].ID != "u1" || mt.GetTotalCallCount() != 2 {
		t.Fatalf("out = %+v, calls = %d", out, mt.GetTotalCallCount())
	}
}

func TestRetryResendsTheBody(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t)
	var bodies []string
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		b := make([]byte, 64)
		n, _ := r.Body.Read(b)
		bodies = append(bodies, string(b[:n]))
		if len(bodies) == 1 {
			return httpmock.NewStringResponse(429, ``), nil
		}
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	if err := c.Do(context.Background(), &clerk.Request{Method: "POST", Path: "/users", Body: map[string]string{"a": "b"}}, nil); err != nil {
		t.Fatal(err)
	}
	if len(bodies) != 2 || bodies[0] != `{"a":"b"}` || bodies[1] != bodies[0] {
		t.Fatalf("bodies = %q", bodies)
	}
}

func TestCancellationStopsRetrying(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t, clerk.WithRetryWait(time.Hour, time.Hour))
	ctx, cancel := context.WithCancel(context.Background())
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		cancel()
		return httpmock.NewStringResponse(503, ``), nil
	})
	done := make(chan error, 1)
	go func() { done <- c.Do(ctx, &clerk.Request{Method: "GET", Path: "/users"}, nil) }()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the call kept waiting after cancellation")
	}
	if n := mt.GetTotalCallCount(); n != 1 {
		t.Fatalf("attempts = %d, want 1", n)
	}
}

func TestCancelledBeforeStart(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t)
	mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{}`))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := c.Do(ctx, &clerk.Request{Method: "GET", Path: "/users"}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}
