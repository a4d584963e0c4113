package clerk_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// The emulator stands in for api.clerk.com; with a real key, use
// clerk.NewClient(os.Getenv("CLERK_SECRET_KEY")) instead.
func ExampleNewClient() {
	emu := clerktest.New()
	defer emu.Close()
	c, err := clerk.NewClient(emu.SecretKey(), clerk.WithBaseURL(emu.URL()), clerk.WithMaxRetries(3))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.IsTestKey())

	_, err = clerk.NewClient("pk_test_not_a_secret")
	fmt.Println(errors.Is(err, clerk.ErrInvalidSecretKey))
	// Output:
	// true
	// true
}

// Client.Do reaches any endpoint, typed or not.
func ExampleClient_Do() {
	emu := clerktest.New()
	defer emu.Close()
	c := emu.Client()
	var count struct {
		TotalCount int64 `json:"total_count"`
	}
	err := c.Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/users/count"}, &count)
	fmt.Println(count.TotalCount, err)
	// Output: 0 <nil>
}

// A failed call is an *APIError that matches a sentinel by status.
func ExampleAPIError() {
	emu := clerktest.New()
	defer emu.Close()
	_, err := users.New(emu.Client()).Get(context.Background(), "user_missing")
	var apiErr *clerk.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Code(), errors.Is(err, clerk.ErrNotFound))
	}
	// Output: 404 resource_not_found true
}

// Opt tells "leave it" (omitted), "clear it" (null) and "set it" apart.
func ExampleOpt() {
	params := users.UpdateParams{
		Username:  clerk.String("ada"),
		FirstName: clerk.Null[string](),
	}
	fmt.Println(params.Username.IsSet(), params.FirstName.IsNull(), params.ExternalID.IsOmitted())
	// Output: true true true
}
