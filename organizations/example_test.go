package organizations_test

import (
	"context"
	"fmt"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/organizations"
	"github.com/clerkgo/clerk/users"
)

// Create an organization, add a member and list the memberships: each is a
// clerk.OrganizationMembership, the type organizationMembership webhook
// events carry too.
func ExampleService_CreateMembership() {
	emu := clerktest.New()
	defer emu.Close()
	c := emu.Client()
	ctx := context.Background()
	u, err := users.New(c).Create(ctx, &users.CreateParams{EmailAddress: clerk.Value([]string{"grace@example.com"})})
	if err != nil {
		fmt.Println(err)
		return
	}
	orgs := organizations.New(c)
	org, err := orgs.Create(ctx, &organizations.CreateParams{Name: "Analytical Engines", Slug: clerk.String("engines")})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := orgs.CreateMembership(ctx, org.ID, &organizations.CreateMembershipParams{UserID: u.ID, Role: "org:admin"}); err != nil {
		fmt.Println(err)
		return
	}
	for m, err := range orgs.AllMemberships(ctx, org.ID, nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		var member *clerk.OrganizationMembership = m
		fmt.Println(member.Role, member.Organization.Slug, member.GetPublicUserData().UserID == u.ID)
	}
	// Output: org:admin engines true
}
