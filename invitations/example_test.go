package invitations_test

import (
	"context"
	"fmt"

	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/invitations"
)

// Invite someone to sign up, then withdraw the invitation.
func ExampleService_Revoke() {
	emu := clerktest.New()
	defer emu.Close()
	svc := invitations.New(emu.Client())
	ctx := context.Background()
	inv, err := svc.Create(ctx, &invitations.CreateParams{EmailAddress: "ada@example.com"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(inv.EmailAddress, inv.Status)
	revoked, err := svc.Revoke(ctx, inv.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(revoked.Status)
	// Output:
	// ada@example.com pending
	// revoked
}

// A call whose params break the API's constraints fails before anything is
// sent, naming the field.
func ExampleCreateParams_Validate() {
	emu := clerktest.New()
	defer emu.Close()
	_, err := invitations.New(emu.Client()).Create(context.Background(), &invitations.CreateParams{})
	fmt.Println(err)
	// Output: clerk: invalid parameters: invitations.CreateParams: email_address is required
}
