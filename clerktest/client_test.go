package clerktest_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
)

func TestThroughClient(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	c := e.Client(clerk.WithRetryWait(time.Millisecond, 2*time.Millisecond))
	ctx := context.Background()
	var u struct {
		ID       string  `json:"id"`
		Username *string `json:"username"`
	}
	err := c.Do(ctx, &clerk.Request{Method: http.MethodPost, Path: "/users", Body: map[string]any{"username": "via-client"}}, &u)
	if err != nil || u.ID == "" {
		t.Fatalf("create: %v %+v", err, u)
	}
	var got struct{ ID string }
	if err := c.Do(ctx, &clerk.Request{Method: http.MethodGet, Path: "/users/{user_id}", PathParams: []string{u.ID}}, &got); err != nil || got.ID != u.ID {
		t.Fatalf("get: %v %+v", err, got)
	}
	err = c.Do(ctx, &clerk.Request{Method: http.MethodPost, Path: "/users", Body: map[string]any{"username": "via-client"}}, nil)
	var apiErr *clerk.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, clerk.ErrUnprocessable) || apiErr.Errors[0].Code != "form_identifier_exists" || apiErr.TraceID == "" {
		t.Fatalf("duplicate: %v", err)
	}
	err = c.Do(ctx, &clerk.Request{Method: http.MethodGet, Path: "/users/{user_id}", PathParams: []string{"user_missing"}}, nil)
	if !errors.Is(err, clerk.ErrNotFound) {
		t.Errorf("missing: %v", err)
	}
	e.FailNext(1, http.StatusTooManyRequests, time.Second)
	e.ResetRequests()
	if err := c.Do(ctx, &clerk.Request{Method: http.MethodGet, Path: "/users"}, nil, clerk.WithMaxRetries(0)); !errors.Is(err, clerk.ErrRateLimited) {
		t.Errorf("rate limited: %v", err)
	} else if errors.As(err, &apiErr) && apiErr.RetryAfter != time.Second {
		t.Errorf("RetryAfter %v", apiErr.RetryAfter)
	}
	if r := e.Requests(); len(r) != 1 || r[0].APIVersion != clerk.APIVersion || !r[0].KeyValid {
		t.Errorf("request log %+v", r)
	}
	err = c.Do(ctx, &clerk.Request{Method: http.MethodGet, Path: "/no_such_resource"}, nil)
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
		t.Errorf("a path outside the API: %v", err)
	}
}
