package jwttemplates_test

import (
	"context"
	"fmt"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/jwttemplates"
)

// Define a token template, then list the templates.
func ExampleService_Create() {
	emu := clerktest.New()
	defer emu.Close()
	svc := jwttemplates.New(emu.Client())
	ctx := context.Background()
	_, err := svc.Create(ctx, &jwttemplates.CreateParams{
		Name:     "supabase",
		Claims:   map[string]any{"role": "authenticated", "email": "{{user.primary_email_address}}"},
		Lifetime: clerk.Int64(120),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	list, err := svc.List(ctx, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range list.Data {
		fmt.Println(t.Name, t.Lifetime)
	}
	// Output: supabase 120
}

// Claims are required: leaving them nil is refused before any request.
func ExampleCreateParams_Validate() {
	err := (&jwttemplates.CreateParams{Name: "supabase"}).Validate()
	fmt.Println(err)
	// Output: clerk: invalid parameters: jwttemplates.CreateParams: claims is required
}
