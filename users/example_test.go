package users_test

import (
	"context"
	"fmt"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// Create a user, clear one field and leave the others as they are.
func ExampleService_Update() {
	emu := clerktest.New()
	defer emu.Close()
	svc := users.New(emu.Client())
	ctx := context.Background()

	u, err := svc.Create(ctx, &users.CreateParams{
		EmailAddress: clerk.Value([]string{"ada@example.com"}),
		FirstName:    clerk.String("Ada"),
		LastName:     clerk.String("Lovelace"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	u, err = svc.Update(ctx, u.ID, &users.UpdateParams{FirstName: clerk.Null[string]()})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(u.FirstName == nil, *u.LastName)
	// Output: true Lovelace
}

// All walks every page lazily; breaking out sends no further request.
func ExampleService_All() {
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	svc := users.New(emu.Client())
	n := 0
	for u, err := range svc.All(context.Background(), &users.ListParams{OrderBy: clerk.String("+created_at")}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		if u.ID != "" {
			n++
		}
	}
	fmt.Println(n, "users")
	// Output: 4 users
}

// Force a password reset: mark the password compromised and sign the user
// out everywhere.
func ExampleService_SetPasswordCompromised() {
	emu := clerktest.New(clerktest.WithDemoData())
	defer emu.Close()
	svc := users.New(emu.Client())
	ctx := context.Background()
	page, err := svc.List(ctx, &users.ListParams{EmailAddress: []string{"ada@example.com"}})
	if err != nil || len(page.Data) == 0 {
		fmt.Println(err)
		return
	}
	_, err = svc.SetPasswordCompromised(ctx, page.Data[0].ID, &users.SetPasswordCompromisedParams{RevokeAllSessions: clerk.Bool(true)})
	fmt.Println(err)
	// Output: <nil>
}

// Copy a value read from one user into the params of another call, in one
// expression: clerk.FromPointer turns the answer's *string (nil for null)
// into the Opt the params take.
func ExampleUpdateParams_copyFromAnswer() {
	emu := clerktest.New()
	defer emu.Close()
	svc := users.New(emu.Client())
	ctx := context.Background()
	ada, err := svc.Create(ctx, &users.CreateParams{EmailAddress: clerk.Value([]string{"ada@example.com"}), FirstName: clerk.String("Ada")})
	if err != nil {
		fmt.Println(err)
		return
	}
	twin, err := svc.Create(ctx, &users.CreateParams{EmailAddress: clerk.Value([]string{"twin@example.com"})})
	if err != nil {
		fmt.Println(err)
		return
	}
	twin, err = svc.Update(ctx, twin.ID, &users.UpdateParams{FirstName: clerk.FromPointer(ada.FirstName), LastName: clerk.FromPointer(ada.LastName)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(twin.GetFirstName(), twin.LastName == nil)
	// Output: Ada true
}
