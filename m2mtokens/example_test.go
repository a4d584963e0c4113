package m2mtokens_test

import (
	"context"
	"fmt"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/m2mtokens"
)

// A machine issues itself a token with its own secret key (a per-call
// option), and a service verifies it with the instance's secret key.
func ExampleService_Create() {
	emu := clerktest.New()
	defer emu.Close()
	svc := m2mtokens.New(emu.Client())
	ctx := context.Background()
	tok, err := svc.Create(ctx, &m2mtokens.CreateParams{}, clerk.WithMachineSecretKey(emu.MachineSecretKey()))
	if err != nil {
		fmt.Println(err)
		return
	}
	got, err := svc.Verify(ctx, &m2mtokens.VerifyParams{Token: tok.Token})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(got.Subject == emu.MachineID(), got.Revoked)
	// Output: true false
}
