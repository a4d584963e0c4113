package clerktest_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/signups"
)

// Start an emulator, point a client at it and call the API.
func Example() {
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	client := emu.Client()

	var count struct {
		TotalCount int64 `json:"total_count"`
	}
	err := client.Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/users/count"}, &count)
	fmt.Println(count.TotalCount, err)
	// Output: 4 <nil>
}

// Make the next request fail, as a rate limit would.
func ExampleEmulator_FailNext() {
	emu := clerktest.New()
	defer emu.Close()
	emu.FailNext(1, http.StatusTooManyRequests, 0)

	err := emu.Client().Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/users"}, nil,
		clerk.WithMaxRetries(0))
	fmt.Println(err != nil, len(emu.Requests()))
	// Output: true 1
}

// Mint a session token that a verifier configured with JWTKey accepts.
func ExampleEmulator_MintSessionToken() {
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	var users []struct {
		ID string `json:"id"`
	}
	_ = emu.Client().Do(context.Background(), &clerk.Request{Method: http.MethodGet, Path: "/users",
		Query: map[string][]string{"username": {"ada"}}}, &users)

	token, err := emu.MintSessionToken(users[0].ID, clerktest.WithStatus("active"))
	fmt.Println(len(token) > 0, err)
	// Output: true <nil>
}

// Receive the signed webhooks the emulator sends for its mutations.
func ExampleEmulator_OnWebhookFunc() {
	emu := clerktest.New()
	defer emu.Close()
	emu.OnWebhookFunc(func(id string, header http.Header, body []byte) {
		fmt.Println(header.Get("svix-signature") != "")
	})
	_ = emu.Client().Do(context.Background(), &clerk.Request{Method: http.MethodPost, Path: "/users",
		Body: map[string]any{"username": "hooked"}}, nil)
	_ = emu.Flush(context.Background()) // deliveries are asynchronous
	// Output: true
}

// Start a sign-up as a user would through the Frontend API, then read and
// update it through the Backend API.
func ExampleEmulator_StartSignUp() {
	emu := clerktest.New()
	defer emu.Close()
	id, err := emu.StartSignUp("newcomer@example.com")
	if err != nil {
		fmt.Println(err)
		return
	}
	s := signups.New(emu.Client())
	su, err := s.Update(context.Background(), id, &signups.UpdateParams{ExternalID: clerk.Value("crm-42")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(su.Status, su.GetEmailAddress(), su.GetExternalID())
	// Output: missing_requirements newcomer@example.com crm-42
}
