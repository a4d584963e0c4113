package clerk_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/clerkgo/clerk"
)

// printObserver prints each call's route and outcome; NopObserver supplies
// the methods it does not need.
type printObserver struct{ clerk.NopObserver }

func (printObserver) RequestEnd(_ context.Context, r clerk.RequestInfo, res clerk.RequestResult) {
	fmt.Printf("%s %s: status %d, %d attempt(s), error type %q\n", r.Method, r.Route, res.StatusCode, res.Attempts, res.ErrorType)
}

// An Observer sees every call with its route template, never the filled
// path or the query.
func ExampleWithObserver() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, `{"errors":[{"code":"resource_not_found"}]}`, http.StatusNotFound)
	}))
	defer srv.Close()
	c, err := clerk.NewClient("sk_test_example", clerk.WithBaseURL(srv.URL), clerk.WithObserver(printObserver{}))
	if err != nil {
		panic(err)
	}
	_ = c.Do(context.Background(), &clerk.Request{Method: "GET", Path: "/users/{user_id}", PathParams: []string{"user_123"}}, nil)
	// Output:
	// GET /users/{user_id}: status 404, 1 attempt(s), error type "404"
}
