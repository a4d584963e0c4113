package apikeys_test

import (
	"context"
	"fmt"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/apikeys"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// Issue an API key for a user, verify the secret, then revoke the key.
func ExampleService_Verify() {
	emu := clerktest.New()
	defer emu.Close()
	c := emu.Client()
	ctx := context.Background()
	u, err := users.New(c).Create(ctx, &users.CreateParams{EmailAddress: clerk.Value([]string{"ada@example.com"})})
	if err != nil {
		fmt.Println(err)
		return
	}
	svc := apikeys.New(c)
	key, err := svc.Create(ctx, &apikeys.CreateParams{Name: "ci-bot", Subject: u.ID, Scopes: clerk.Value([]string{"read"})})
	if err != nil {
		fmt.Println(err)
		return
	}
	got, err := svc.Verify(ctx, &apikeys.VerifyParams{Secret: key.Secret})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(got.Name, got.Subject == u.ID, got.Scopes)
	if _, err := svc.Revoke(ctx, key.ID, nil); err != nil {
		fmt.Println(err)
		return
	}
	_, err = svc.Verify(ctx, &apikeys.VerifyParams{Secret: key.Secret})
	fmt.Println(err != nil)
	// Output:
	// ci-bot true [read]
	// true
}
