package sessions_test

import (
	"context"
	"fmt"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/sessions"
	"github.com/clerkgo/clerk/users"
)

// Start a session for a user, then revoke it.
func ExampleService_Revoke() {
	emu := clerktest.New()
	defer emu.Close()
	c := emu.Client()
	ctx := context.Background()
	u, err := users.New(c).Create(ctx, &users.CreateParams{EmailAddress: clerk.Value([]string{"ada@example.com"})})
	if err != nil {
		fmt.Println(err)
		return
	}
	svc := sessions.New(c)
	s, err := svc.Create(ctx, &sessions.CreateParams{UserID: u.ID})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Status)
	s, err = svc.Revoke(ctx, s.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Status)
	// Output:
	// active
	// revoked
}
