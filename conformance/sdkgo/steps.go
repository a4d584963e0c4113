package sdkgo

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/clerk/clerk-sdk-go/v2"
	"github.com/clerk/clerk-sdk-go/v2/actortoken"
	"github.com/clerk/clerk-sdk-go/v2/allowlistidentifier"
	"github.com/clerk/clerk-sdk-go/v2/billing"
	"github.com/clerk/clerk-sdk-go/v2/blocklistidentifier"
	"github.com/clerk/clerk-sdk-go/v2/client"
	"github.com/clerk/clerk-sdk-go/v2/domain"
	"github.com/clerk/clerk-sdk-go/v2/emailaddress"
	"github.com/clerk/clerk-sdk-go/v2/instancesettings"
	"github.com/clerk/clerk-sdk-go/v2/invitation"
	"github.com/clerk/clerk-sdk-go/v2/jwks"
	"github.com/clerk/clerk-sdk-go/v2/jwt"
	"github.com/clerk/clerk-sdk-go/v2/jwttemplate"
	"github.com/clerk/clerk-sdk-go/v2/m2m_token"
	"github.com/clerk/clerk-sdk-go/v2/machine"
	"github.com/clerk/clerk-sdk-go/v2/machinescope"
	"github.com/clerk/clerk-sdk-go/v2/oauthapplication"
	"github.com/clerk/clerk-sdk-go/v2/organization"
	"github.com/clerk/clerk-sdk-go/v2/organizationdomain"
	"github.com/clerk/clerk-sdk-go/v2/organizationinvitation"
	"github.com/clerk/clerk-sdk-go/v2/organizationmembership"
	"github.com/clerk/clerk-sdk-go/v2/phonenumber"
	//lint:ignore SA1019 the conformance test calls every package function, deprecated ones included
	"github.com/clerk/clerk-sdk-go/v2/proxycheck"
	"github.com/clerk/clerk-sdk-go/v2/redirecturl"
	"github.com/clerk/clerk-sdk-go/v2/samlconnection"
	"github.com/clerk/clerk-sdk-go/v2/session"
	"github.com/clerk/clerk-sdk-go/v2/signintoken"
	"github.com/clerk/clerk-sdk-go/v2/svixwebhook"
	"github.com/clerk/clerk-sdk-go/v2/template"
	"github.com/clerk/clerk-sdk-go/v2/testingtoken"
	"github.com/clerk/clerk-sdk-go/v2/user"
	"github.com/clerk/clerk-sdk-go/v2/waitlistentry"
)

var (
	str = clerk.String
	yes = clerk.Bool(true)
	no  = clerk.Bool(false)
	i64 = clerk.Int64
)

// checkError is what a step returns when an answer decoded but does not
// say what Clerk's would; the call fails whatever its exchanges were.
type checkError struct{ msg string }

func (e *checkError) Error() string { return "check failed: " + e.msg }

// check fails a step whose answer decoded but does not say what it should.
func check(ok bool, format string, args ...any) error {
	if ok {
		return nil
	}
	return &checkError{fmt.Sprintf(format, args...)}
}

// png is a 1x1 image, the smallest real upload.
const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

// imageFile writes the image to a temporary file, the multipart.File the
// upload functions take.
func imageFile() (*os.File, error) {
	b, err := base64.StdEncoding.DecodeString(png)
	if err != nil {
		return nil, err
	}
	f, err := os.Create(filepath.Join(os.TempDir(), fmt.Sprintf("conformance-%d.png", time.Now().UnixNano())))
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(b); err != nil {
		return nil, errors.Join(err, f.Close())
	}
	_, err = f.Seek(0, 0)
	return f, err
}

func ok(name string, run func(context.Context, *State) error) Step {
	return Step{Name: name, Run: run}
}

func fails(name string, run func(context.Context, *State) error) Step {
	return Step{Name: name, Expect: "error", Run: run}
}

// failsWith is a step that Clerk answers with an error of the given code.
func failsWith(code, name string, run func(context.Context, *State) error) Step {
	return Step{Name: name, Expect: "error:" + code, Run: run}
}

// keepTrials keeps the subscription items on a free trial, which the
// billing steps extend and cancel.
func (s *State) keepTrials(items []clerk.SubscriptionItem) {
	s.SubscriptionItems = nil
	for _, item := range items {
		if item.IsFreeTrial {
			s.SubscriptionItems = append(s.SubscriptionItems, item)
		}
	}
}

// Steps are the calls of the packages that both pinned versions have.
// Steps of the packages new in a later version are added by its module
// (Before and After place them).
func Steps() []Step {
	return append(append(Before(), Middle()...), After()...)
}

// Before are the steps up to and including the organization's members.
func Before() []Step {
	return []Step{
		ok("instancesettings.Update", func(ctx context.Context, s *State) error {
			return instancesettings.Update(ctx, &instancesettings.UpdateParams{SupportEmail: str("support@example.com"), HIBP: yes})
		}),
		ok("instancesettings.UpdateRestrictions", func(ctx context.Context, s *State) error {
			_, err := instancesettings.UpdateRestrictions(ctx, &instancesettings.UpdateRestrictionsParams{Allowlist: no, Blocklist: no})
			return err
		}),
		ok("instancesettings.UpdateOrganizationSettings", func(ctx context.Context, s *State) error {
			_, err := instancesettings.UpdateOrganizationSettings(ctx, &instancesettings.UpdateOrganizationSettingsParams{Enabled: yes, MaxAllowedMemberships: i64(25)})
			return err
		}),
		ok("jwks.Get", func(ctx context.Context, s *State) error {
			set, err := jwks.Get(ctx, &jwks.GetParams{})
			if err != nil {
				return err
			}
			return check(len(set.Keys) > 0, "no key")
		}),

		ok("user.Create", func(ctx context.Context, s *State) (err error) {
			s.Mia, err = user.Create(ctx, &user.CreateParams{
				EmailAddresses: &[]string{"mia@conformance.example"}, FirstName: str("Mia"), LastName: str("Wong"),
				Password: str("correct-horse-battery-staple"), ExternalID: str("crm-1001"),
				PublicMetadata: raw(`{"plan":"pro"}`), PrivateMetadata: raw(`{"stripe":"cus_1001"}`),
			})
			return err
		}),
		{Name: "user.Create#phone-and-username", Run: func(ctx context.Context, s *State) (err error) {
			s.Leo, err = user.Create(ctx, &user.CreateParams{
				EmailAddresses: &[]string{"leo@conformance.example"}, PhoneNumbers: &[]string{"+15555550101"}, Username: str("leo_k"),
				SkipPasswordRequirement: yes, CreatedAt: str("2024-01-02T03:04:05Z"),
			})
			return err
		}, Recover: func(ctx context.Context, s *State) (err error) {
			s.Leo, err = user.Create(ctx, &user.CreateParams{
				EmailAddresses: &[]string{"leo@conformance.example"}, PhoneNumbers: &[]string{"+15555550101"}, Username: str("leo_k"),
				Password: str("leo-long-passphrase"),
			})
			return err
		}},
		{Name: "user.Create#totp", Run: func(ctx context.Context, s *State) (err error) {
			s.Tess, err = user.Create(ctx, &user.CreateParams{
				EmailAddresses: &[]string{"tess@conformance.example"}, Password: str("another-long-passphrase"),
				TOTPSecret: str("JBSWY3DPEHPK3PXP"), BackupCodes: &[]string{"1234abcd", "5678efgh"},
			})
			return err
		}, Recover: func(ctx context.Context, s *State) (err error) {
			s.Tess, err = user.Create(ctx, &user.CreateParams{EmailAddresses: &[]string{"tess@conformance.example"}, Password: str("another-long-passphrase")})
			return err
		}},
		failsWith("form_identifier_exists", "user.Create#duplicate", func(ctx context.Context, s *State) error {
			_, err := user.Create(ctx, &user.CreateParams{EmailAddresses: &[]string{"mia@conformance.example"}})
			return err
		}),
		ok("user.Get", func(ctx context.Context, s *State) error {
			u, err := user.Get(ctx, s.Mia.ID)
			if err != nil {
				return err
			}
			return check(u.PrimaryEmailAddressID != nil, "no primary email address")
		}),
		{Name: "user.List", Run: func(ctx context.Context, s *State) error {
			list, err := user.List(ctx, &user.ListParams{EmailAddresses: []string{"ada@example.com", "grace@example.com"}, OrderBy: str("+created_at")})
			if err != nil {
				return err
			}
			if err := check(len(list.Users) == 2 && list.TotalCount == 2, "the demo users: %d of %d", len(list.Users), list.TotalCount); err != nil {
				return err
			}
			s.Ada, s.Grace = list.Users[0], list.Users[1]
			return nil
		}, Recover: func(ctx context.Context, s *State) error {
			list, err := user.List(ctx, &user.ListParams{EmailAddresses: []string{"ada@example.com", "grace@example.com"}})
			if err != nil || len(list.Users) != 2 {
				return errors.Join(err, errors.New("the demo users"))
			}
			s.Ada, s.Grace = list.Users[0], list.Users[1]
			if s.Ada.ID > s.Grace.ID && *s.Grace.FirstName == "Ada" {
				s.Ada, s.Grace = s.Grace, s.Ada
			}
			return nil
		}},
		ok("user.Count", func(ctx context.Context, s *State) error {
			n, err := user.Count(ctx, &user.ListParams{EmailAddresses: []string{"ada@example.com", "grace@example.com"}})
			if err != nil {
				return err
			}
			return check(n.TotalCount == 2, "count %d", n.TotalCount)
		}),
		ok("user.Update", func(ctx context.Context, s *State) error {
			u, err := user.Update(ctx, s.Mia.ID, &user.UpdateParams{LastName: str("Wong-Li")})
			if err != nil {
				return err
			}
			return check(u.LastName != nil && *u.LastName == "Wong-Li", "last name")
		}),
		ok("user.UpdateMetadata", func(ctx context.Context, s *State) error {
			_, err := user.UpdateMetadata(ctx, s.Mia.ID, &user.UpdateMetadataParams{PublicMetadata: raw(`{"seats":3}`)})
			return err
		}),
		ok("user.UpdateProfileImage", func(ctx context.Context, s *State) error {
			f, err := imageFile()
			if err != nil {
				return err
			}
			defer os.Remove(f.Name())
			defer f.Close()
			_, err = user.UpdateProfileImage(ctx, s.Mia.ID, &user.UpdateProfileImageParams{File: f})
			return err
		}),
		ok("user.DeleteProfileImage", func(ctx context.Context, s *State) error {
			_, err := user.DeleteProfileImage(ctx, s.Mia.ID)
			return err
		}),
		ok("user.VerifyPassword", func(ctx context.Context, s *State) error {
			r, err := user.VerifyPassword(ctx, &user.VerifyPasswordParams{UserID: s.Mia.ID, Password: "correct-horse-battery-staple"})
			if err != nil {
				return err
			}
			return check(r.Verified, "not verified")
		}),
		failsWith("incorrect_password", "user.VerifyPassword#wrong", func(ctx context.Context, s *State) error {
			_, err := user.VerifyPassword(ctx, &user.VerifyPasswordParams{UserID: s.Mia.ID, Password: "not-the-password"})
			return err
		}),
		ok("user.CreateTOTP", func(ctx context.Context, s *State) error {
			//lint:ignore SA1019 the conformance test calls every package function, deprecated ones included
			_, err := user.CreateTOTP(ctx, s.Leo.ID)
			return err
		}),
		ok("user.DeleteBackupCode", func(ctx context.Context, s *State) error {
			_, err := user.DeleteBackupCode(ctx, s.Tess.ID)
			return err
		}),
		ok("user.DeleteTOTP", func(ctx context.Context, s *State) error {
			_, err := user.DeleteTOTP(ctx, s.Tess.ID)
			return err
		}),
		ok("user.DeleteMFA", func(ctx context.Context, s *State) error {
			_, err := user.DeleteMFA(ctx, &user.DeleteMFAParams{ID: s.Leo.ID})
			return err
		}),
		ok("user.Ban", func(ctx context.Context, s *State) error {
			u, err := user.Ban(ctx, s.Leo.ID)
			if err != nil {
				return err
			}
			return check(u.Banned, "not banned")
		}),
		ok("user.Unban", func(ctx context.Context, s *State) error {
			_, err := user.Unban(ctx, s.Leo.ID)
			return err
		}),
		ok("user.Lock", func(ctx context.Context, s *State) error {
			u, err := user.Lock(ctx, s.Leo.ID)
			if err != nil {
				return err
			}
			return check(u.Locked, "not locked")
		}),
		ok("user.Unlock", func(ctx context.Context, s *State) error {
			_, err := user.Unlock(ctx, s.Leo.ID)
			return err
		}),
		ok("user.ListOAuthAccessTokens", func(ctx context.Context, s *State) error {
			_, err := user.ListOAuthAccessTokens(ctx, &user.ListOAuthAccessTokensParams{ID: s.Mia.ID, Provider: "oauth_google"})
			return err
		}),
		failsWith("resource_not_found", "user.DeletePasskey", func(ctx context.Context, s *State) error {
			_, err := user.DeletePasskey(ctx, s.Mia.ID, "idn_2x0000000000000000000000000")
			return err
		}),
		failsWith("resource_not_found", "user.DeleteWeb3Wallet", func(ctx context.Context, s *State) error {
			_, err := user.DeleteWeb3Wallet(ctx, s.Mia.ID, "idn_2x0000000000000000000000000")
			return err
		}),
		failsWith("resource_not_found", "user.DeleteExternalAccount", func(ctx context.Context, s *State) error {
			_, err := user.DeleteExternalAccount(ctx, &user.DeleteExternalAccountParams{UserID: s.Mia.ID, ID: "eac_2x0000000000000000000000000"})
			return err
		}),

		ok("emailaddress.Create", func(ctx context.Context, s *State) (err error) {
			s.Email, err = emailaddress.Create(ctx, &emailaddress.CreateParams{UserID: str(s.Mia.ID), EmailAddress: str("mia.work@conformance.example"), Verified: yes, Primary: no})
			return err
		}),
		ok("emailaddress.Get", func(ctx context.Context, s *State) error {
			_, err := emailaddress.Get(ctx, s.Email.ID)
			return err
		}),
		ok("emailaddress.Update", func(ctx context.Context, s *State) error {
			_, err := emailaddress.Update(ctx, s.Email.ID, &emailaddress.UpdateParams{Verified: yes})
			return err
		}),
		ok("emailaddress.Delete", func(ctx context.Context, s *State) error {
			_, err := emailaddress.Delete(ctx, s.Email.ID)
			return err
		}),
		ok("phonenumber.Create", func(ctx context.Context, s *State) (err error) {
			s.Phone, err = phonenumber.Create(ctx, &phonenumber.CreateParams{UserID: str(s.Mia.ID), PhoneNumber: str("+15555550103"), Verified: yes})
			return err
		}),
		ok("phonenumber.Get", func(ctx context.Context, s *State) error {
			_, err := phonenumber.Get(ctx, s.Phone.ID)
			return err
		}),
		ok("phonenumber.Update", func(ctx context.Context, s *State) error {
			_, err := phonenumber.Update(ctx, s.Phone.ID, &phonenumber.UpdateParams{Primary: yes})
			return err
		}),
		ok("phonenumber.Delete", func(ctx context.Context, s *State) error {
			_, err := phonenumber.Delete(ctx, s.Phone.ID)
			return err
		}),

		ok("organization.Create", func(ctx context.Context, s *State) (err error) {
			s.Org, err = organization.Create(ctx, &organization.CreateParams{
				Name: str("Northwind Traders"), Slug: str("northwind"), CreatedBy: str(s.Mia.ID), MaxAllowedMemberships: i64(20),
				PublicMetadata: raw(`{"region":"eu"}`),
			})
			return err
		}),
		ok("organization.Get", func(ctx context.Context, s *State) error {
			_, err := organization.Get(ctx, "northwind")
			return err
		}),
		ok("organization.GetWithParams", func(ctx context.Context, s *State) error {
			o, err := organization.GetWithParams(ctx, s.Org.ID, &organization.GetParams{IncludeMembersCount: yes})
			if err != nil {
				return err
			}
			return check(o.MembersCount != nil && *o.MembersCount == 1, "members count")
		}),
		ok("organization.List", func(ctx context.Context, s *State) error {
			list, err := organization.List(ctx, &organization.ListParams{Query: str("northwind"), IncludeMembersCount: yes})
			if err != nil {
				return err
			}
			return check(list.TotalCount == 1, "total count %d", list.TotalCount)
		}),
		ok("organization.Update", func(ctx context.Context, s *State) error {
			_, err := organization.Update(ctx, s.Org.ID, &organization.UpdateParams{Name: str("Northwind Traders Ltd"), AdminDeleteEnabled: yes})
			return err
		}),
		ok("organization.UpdateMetadata", func(ctx context.Context, s *State) error {
			_, err := organization.UpdateMetadata(ctx, s.Org.ID, &organization.UpdateMetadataParams{PublicMetadata: raw(`{"tier":"gold"}`)})
			return err
		}),
		ok("organization.UpdateLogo", func(ctx context.Context, s *State) error {
			f, err := imageFile()
			if err != nil {
				return err
			}
			defer os.Remove(f.Name())
			defer f.Close()
			_, err = organization.UpdateLogo(ctx, s.Org.ID, &organization.UpdateLogoParams{File: f, UploaderUserID: str(s.Mia.ID)})
			return err
		}),
		ok("organization.DeleteLogo", func(ctx context.Context, s *State) error {
			_, err := organization.DeleteLogo(ctx, s.Org.ID)
			return err
		}),
		ok("organizationmembership.Create", func(ctx context.Context, s *State) error {
			_, err := organizationmembership.Create(ctx, &organizationmembership.CreateParams{OrganizationID: s.Org.ID, UserID: str(s.Leo.ID), Role: str("org:member")})
			return err
		}),
		ok("organizationmembership.Update", func(ctx context.Context, s *State) error {
			_, err := organizationmembership.Update(ctx, &organizationmembership.UpdateParams{OrganizationID: s.Org.ID, UserID: s.Leo.ID, Role: str("org:admin")})
			return err
		}),
		ok("organizationmembership.List", func(ctx context.Context, s *State) error {
			list, err := organizationmembership.List(ctx, &organizationmembership.ListParams{OrganizationID: s.Org.ID, OrderBy: str("-created_at")})
			if err != nil {
				return err
			}
			return check(list.TotalCount == 2, "total count %d", list.TotalCount)
		}),
		ok("user.ListOrganizationMemberships", func(ctx context.Context, s *State) error {
			list, err := user.ListOrganizationMemberships(ctx, s.Leo.ID, &user.ListOrganizationMembershipsParams{})
			if err != nil {
				return err
			}
			return check(list.TotalCount == 1, "total count %d", list.TotalCount)
		}),
	}
}

// Middle are the steps from the organization's invitations to the machines.
func Middle() []Step {
	return []Step{
		{Name: "organizationinvitation.Create", Run: func(ctx context.Context, s *State) (err error) {
			s.OrgInvitation, err = organizationinvitation.Create(ctx, &organizationinvitation.CreateParams{
				OrganizationID: s.Org.ID, EmailAddress: str("ines@conformance.example"), Role: str("org:member"),
				InviterUserID: str(s.Mia.ID), RedirectURL: str("https://app.example.com/accept"), PublicMetadata: raw(`{"source":"conformance"}`),
			})
			return err
		}, Recover: func(ctx context.Context, s *State) (err error) {
			s.OrgInvitation, err = organizationinvitation.Create(ctx, &organizationinvitation.CreateParams{
				OrganizationID: s.Org.ID, EmailAddress: str("ines@conformance.example"), Role: str("org:member"), InviterUserID: str(s.Mia.ID),
			})
			return err
		}},
		ok("organizationinvitation.Get", func(ctx context.Context, s *State) error {
			_, err := organizationinvitation.Get(ctx, &organizationinvitation.GetParams{OrganizationID: s.Org.ID, ID: s.OrgInvitation.ID})
			return err
		}),
		ok("organizationinvitation.List", func(ctx context.Context, s *State) error {
			_, err := organizationinvitation.List(ctx, &organizationinvitation.ListParams{OrganizationID: s.Org.ID, Statuses: &[]string{"pending"}})
			return err
		}),
		ok("organizationinvitation.ListFromInstance", func(ctx context.Context, s *State) error {
			_, err := organizationinvitation.ListFromInstance(ctx, &organizationinvitation.ListFromInstanceParams{Statuses: &[]string{"pending"}})
			return err
		}),
		ok("user.ListOrganizationInvitations", func(ctx context.Context, s *State) error {
			_, err := user.ListOrganizationInvitations(ctx, &user.ListOrganizationInvitationsParams{UserID: s.Mia.ID})
			return err
		}),
		ok("organizationinvitation.Revoke", func(ctx context.Context, s *State) error {
			inv, err := organizationinvitation.Revoke(ctx, &organizationinvitation.RevokeParams{OrganizationID: s.Org.ID, ID: s.OrgInvitation.ID, RequestingUserID: str(s.Mia.ID)})
			if err != nil {
				return err
			}
			return check(inv.Status == "revoked", "status %s", inv.Status)
		}),
		ok("organizationdomain.Create", func(ctx context.Context, s *State) (err error) {
			s.OrgDomain, err = organizationdomain.Create(ctx, s.Org.ID, &organizationdomain.CreateParams{Name: str("northwind.example"), EnrollmentMode: str("automatic_invitation"), Verified: yes})
			return err
		}),
		ok("organizationdomain.List", func(ctx context.Context, s *State) error {
			_, err := organizationdomain.List(ctx, s.Org.ID, &organizationdomain.ListParams{})
			return err
		}),
		ok("organizationdomain.Update", func(ctx context.Context, s *State) error {
			_, err := organizationdomain.Update(ctx, &organizationdomain.UpdateParams{OrganizationID: s.Org.ID, DomainID: s.OrgDomain.ID, EnrollmentMode: str("manual_invitation")})
			return err
		}),
		ok("organizationdomain.Delete", func(ctx context.Context, s *State) error {
			_, err := organizationdomain.Delete(ctx, &organizationdomain.DeleteParams{OrganizationID: s.Org.ID, DomainID: s.OrgDomain.ID})
			return err
		}),

		{Name: "invitation.Create", Run: func(ctx context.Context, s *State) (err error) {
			s.Invitation, err = invitation.Create(ctx, &invitation.CreateParams{
				EmailAddress: "nora@conformance.example", RedirectURL: str("https://app.example.com/welcome"), Notify: no,
				PublicMetadata: raw(`{"referrer":"mia"}`), ExpiresInDays: i64(14),
			})
			return err
		}, Recover: func(ctx context.Context, s *State) (err error) {
			s.Invitation, err = invitation.Create(ctx, &invitation.CreateParams{EmailAddress: "nora@conformance.example"})
			return err
		}},
		ok("invitation.BulkCreate", func(ctx context.Context, s *State) error {
			_, err := invitation.BulkCreate(ctx, &invitation.BulkCreateParams{Invitations: []*invitation.CreateParams{
				{EmailAddress: "omar@conformance.example"}, {EmailAddress: "pia@conformance.example", ExpiresInDays: i64(7)},
			}})
			return err
		}),
		ok("invitation.List", func(ctx context.Context, s *State) error {
			list, err := invitation.List(ctx, &invitation.ListParams{Statuses: []string{"pending"}, Query: str("conformance")})
			if err != nil {
				return err
			}
			return check(list.TotalCount == 3, "total count %d", list.TotalCount)
		}),
		ok("invitation.Revoke", func(ctx context.Context, s *State) error {
			_, err := invitation.Revoke(ctx, s.Invitation.ID)
			return err
		}),
		ok("allowlistidentifier.Create", func(ctx context.Context, s *State) (err error) {
			s.Allow, err = allowlistidentifier.Create(ctx, &allowlistidentifier.CreateParams{Identifier: str("quinn@conformance.example"), Notify: no})
			return err
		}),
		ok("allowlistidentifier.List", func(ctx context.Context, s *State) error {
			_, err := allowlistidentifier.List(ctx, &allowlistidentifier.ListParams{})
			return err
		}),
		ok("allowlistidentifier.Delete", func(ctx context.Context, s *State) error {
			_, err := allowlistidentifier.Delete(ctx, s.Allow.ID)
			return err
		}),
		ok("blocklistidentifier.Create", func(ctx context.Context, s *State) (err error) {
			s.Block, err = blocklistidentifier.Create(ctx, &blocklistidentifier.CreateParams{Identifier: str("spam@conformance.example")})
			return err
		}),
		ok("blocklistidentifier.List", func(ctx context.Context, s *State) error {
			_, err := blocklistidentifier.List(ctx, &blocklistidentifier.ListParams{})
			return err
		}),
		ok("blocklistidentifier.Delete", func(ctx context.Context, s *State) error {
			_, err := blocklistidentifier.Delete(ctx, s.Block.ID)
			return err
		}),
		ok("waitlistentry.Create", func(ctx context.Context, s *State) error {
			_, err := waitlistentry.Create(ctx, &waitlistentry.CreateParams{EmailAddress: "rosa@conformance.example", Notify: no})
			return err
		}),
		ok("waitlistentry.List", func(ctx context.Context, s *State) error {
			_, err := waitlistentry.List(ctx, &waitlistentry.ListParams{Statuses: []string{"pending"}})
			return err
		}),

		ok("session.Create", func(ctx context.Context, s *State) (err error) {
			s.Session, err = session.Create(ctx, &session.CreateParams{UserID: s.Mia.ID})
			return err
		}),
		ok("session.Get", func(ctx context.Context, s *State) error {
			_, err := session.Get(ctx, s.Session.ID)
			return err
		}),
		ok("session.List", func(ctx context.Context, s *State) error {
			_, err := session.List(ctx, &session.ListParams{UserID: str(s.Mia.ID), Status: str("active")})
			return err
		}),
		ok("jwttemplate.Create", func(ctx context.Context, s *State) (err error) {
			s.Template, err = jwttemplate.Create(ctx, &jwttemplate.CreateParams{Name: str("hasura"), Claims: *raw(`{"role":"user"}`), Lifetime: i64(300)})
			return err
		}),
		ok("jwttemplate.Get", func(ctx context.Context, s *State) error {
			_, err := jwttemplate.Get(ctx, s.Template.ID)
			return err
		}),
		ok("jwttemplate.List", func(ctx context.Context, s *State) error {
			_, err := jwttemplate.List(ctx, &jwttemplate.ListParams{})
			return err
		}),
		ok("jwttemplate.Update", func(ctx context.Context, s *State) error {
			_, err := jwttemplate.Update(ctx, s.Template.ID, &jwttemplate.UpdateParams{Name: str("hasura"), Claims: *raw(`{"role":"admin"}`), Lifetime: i64(600)})
			return err
		}),
		ok("session.CreateToken", func(ctx context.Context, s *State) error {
			tok, err := session.CreateToken(ctx, &session.CreateTokenParams{ID: s.Session.ID})
			if err != nil {
				return err
			}
			s.SessionJWT = tok.JWT
			_, err = session.CreateToken(ctx, &session.CreateTokenParams{ID: s.Session.ID, TemplateName: "hasura"})
			return err
		}),
		{Name: "jwt.Verify", Local: true, Run: func(ctx context.Context, s *State) error {
			set, err := jwks.Get(ctx, &jwks.GetParams{})
			if err != nil {
				return err
			}
			if err := check(len(set.Keys) > 0, "no key"); err != nil {
				return err
			}
			claims, err := jwt.Verify(ctx, &jwt.VerifyParams{Token: s.SessionJWT, JWK: set.Keys[0]})
			if err != nil {
				return err
			}
			return check(claims.Subject == s.Mia.ID && claims.SessionID == s.Session.ID, "subject %s", claims.Subject)
		}},
		{Name: "jwt.Verify#jwks", Local: true, Run: func(ctx context.Context, s *State) error {
			claims, err := jwt.Verify(ctx, &jwt.VerifyParams{Token: s.SessionJWT})
			if err != nil {
				return err
			}
			return check(claims.Subject == s.Mia.ID, "subject %s", claims.Subject)
		}},
		{Name: "jwt.Verify#tampered", Expect: "error", Local: true, Run: func(ctx context.Context, s *State) error {
			set, err := jwks.Get(ctx, &jwks.GetParams{})
			if err != nil || len(set.Keys) == 0 {
				return errors.Join(err, errors.New("no key"))
			}
			t := []byte(s.SessionJWT)
			t[len(t)-3] ^= 1
			_, err = jwt.Verify(ctx, &jwt.VerifyParams{Token: string(t), JWK: set.Keys[0]})
			return err
		}},
		fails("session.Verify", func(ctx context.Context, s *State) error {
			//lint:ignore SA1019 the conformance test calls every package function, deprecated ones included
			_, err := session.Verify(ctx, &session.VerifyParams{ID: s.Session.ID, Token: str(s.SessionJWT)})
			return err
		}),
		ok("client.List", func(ctx context.Context, s *State) error {
			//lint:ignore SA1019 the conformance test calls every package function, deprecated ones included
			_, err := client.List(ctx, &client.ListParams{})
			return err
		}),
		ok("client.Get", func(ctx context.Context, s *State) error {
			_, err := client.Get(ctx, s.Session.ClientID)
			return err
		}),
		fails("client.Verify", func(ctx context.Context, s *State) error {
			_, err := client.Verify(ctx, &client.VerifyParams{Token: str("not-a-client-token")})
			return err
		}),
		ok("session.Revoke", func(ctx context.Context, s *State) error {
			_, err := session.Revoke(ctx, &session.RevokeParams{ID: s.Session.ID})
			return err
		}),
		ok("jwttemplate.Delete", func(ctx context.Context, s *State) error {
			_, err := jwttemplate.Delete(ctx, s.Template.ID)
			return err
		}),
		ok("signintoken.Create", func(ctx context.Context, s *State) (err error) {
			s.SignInToken, err = signintoken.Create(ctx, &signintoken.CreateParams{UserID: str(s.Mia.ID), ExpiresInSeconds: i64(600)})
			return err
		}),
		ok("signintoken.Revoke", func(ctx context.Context, s *State) error {
			_, err := signintoken.Revoke(ctx, s.SignInToken.ID)
			return err
		}),
		ok("actortoken.Create", func(ctx context.Context, s *State) (err error) {
			s.ActorToken, err = actortoken.Create(ctx, &actortoken.CreateParams{UserID: str(s.Leo.ID), Actor: *raw(fmt.Sprintf(`{"sub":%q}`, s.Mia.ID)), ExpiresInSeconds: i64(600)})
			return err
		}),
		ok("actortoken.Revoke", func(ctx context.Context, s *State) error {
			_, err := actortoken.Revoke(ctx, s.ActorToken.ID)
			return err
		}),
		ok("testingtoken.Create", func(ctx context.Context, s *State) error {
			_, err := testingtoken.Create(ctx)
			return err
		}),

		ok("redirecturl.Create", func(ctx context.Context, s *State) (err error) {
			s.Redirect, err = redirecturl.Create(ctx, &redirecturl.CreateParams{URL: str("https://app.example.com/sso-callback")})
			return err
		}),
		ok("redirecturl.Get", func(ctx context.Context, s *State) error {
			_, err := redirecturl.Get(ctx, s.Redirect.ID)
			return err
		}),
		ok("redirecturl.List", func(ctx context.Context, s *State) error {
			_, err := redirecturl.List(ctx, &redirecturl.ListParams{})
			return err
		}),
		ok("redirecturl.Delete", func(ctx context.Context, s *State) error {
			_, err := redirecturl.Delete(ctx, s.Redirect.ID)
			return err
		}),
		ok("domain.List", func(ctx context.Context, s *State) error {
			_, err := domain.List(ctx, &domain.ListParams{})
			return err
		}),
		ok("domain.Create", func(ctx context.Context, s *State) (err error) {
			s.Domain, err = domain.Create(ctx, &domain.CreateParams{Name: str("eu.northwind.example"), IsSatellite: yes})
			return err
		}),
		ok("domain.Update", func(ctx context.Context, s *State) error {
			_, err := domain.Update(ctx, s.Domain.ID, &domain.UpdateParams{ProxyURL: str("https://eu.northwind.example/__clerk")})
			return err
		}),
		ok("proxycheck.Create", func(ctx context.Context, s *State) error {
			// A Frontend API proxy on loopback in front of the emulator.
			//lint:ignore SA1019 the conformance test calls every package function, deprecated ones included
			pc, err := proxycheck.Create(ctx, &proxycheck.CreateParams{DomainID: str(s.Domain.ID), ProxyURL: str(s.Emulator.ProxyURL)})
			if err == nil && !pc.Successful {
				return fmt.Errorf("proxy check through %s: not successful", s.Emulator.ProxyURL)
			}
			return err
		}),
		ok("domain.Delete", func(ctx context.Context, s *State) error {
			_, err := domain.Delete(ctx, s.Domain.ID)
			return err
		}),
		ok("oauthapplication.Create", func(ctx context.Context, s *State) (err error) {
			s.OAuthApp, err = oauthapplication.Create(ctx, &oauthapplication.CreateParams{Name: "Reporting CLI", CallbackURL: "https://cli.example.com/callback", Scopes: "profile email", Public: true})
			return err
		}),
		ok("oauthapplication.Get", func(ctx context.Context, s *State) error {
			_, err := oauthapplication.Get(ctx, s.OAuthApp.ID)
			return err
		}),
		ok("oauthapplication.List", func(ctx context.Context, s *State) error {
			_, err := oauthapplication.List(ctx, &oauthapplication.ListParams{})
			return err
		}),
		ok("oauthapplication.Update", func(ctx context.Context, s *State) error {
			_, err := oauthapplication.Update(ctx, s.OAuthApp.ID, &oauthapplication.UpdateParams{Name: str("Reporting CLI v2")})
			return err
		}),
		ok("oauthapplication.RotateClientSecret", func(ctx context.Context, s *State) error {
			_, err := oauthapplication.RotateClientSecret(ctx, s.OAuthApp.ID)
			return err
		}),
		ok("oauthapplication.DeleteOAuthApplication", func(ctx context.Context, s *State) error {
			_, err := oauthapplication.DeleteOAuthApplication(ctx, s.OAuthApp.ID)
			return err
		}),
		ok("machine.Create", func(ctx context.Context, s *State) (err error) {
			s.Machine, err = machine.Create(ctx, &machine.CreateParams{Name: "report-worker", DefaultTokenTTL: i64(3600)})
			if err != nil {
				return err
			}
			s.Machine2, err = machine.Create(ctx, &machine.CreateParams{Name: "report-store"})
			return err
		}),
		ok("machine.Get", func(ctx context.Context, s *State) error {
			_, err := machine.Get(ctx, s.Machine.ID)
			return err
		}),
		ok("machine.List", func(ctx context.Context, s *State) error {
			_, err := machine.List(ctx, &machine.ListParams{Query: str("report")})
			return err
		}),
		ok("machine.Update", func(ctx context.Context, s *State) error {
			_, err := machine.Update(ctx, s.Machine.ID, &machine.UpdateParams{Name: str("report-worker-1")})
			return err
		}),
		ok("machine.GetSecretKey", func(ctx context.Context, s *State) error {
			_, err := machine.GetSecretKey(ctx, s.Machine.ID)
			return err
		}),
		ok("machinescope.CreateScope", func(ctx context.Context, s *State) error {
			_, err := machinescope.CreateScope(ctx, s.Machine.ID, &machinescope.CreateScopeParams{ToMachineID: s.Machine2.ID})
			return err
		}),
		ok("m2m_token.Create", func(ctx context.Context, s *State) error {
			return s.withKey(s.Machine.SecretKey, func() (err error) {
				s.M2M, err = m2m_token.Create(ctx, &m2m_token.CreateParams{SecondsUntilExpiration: i64(600), Claims: raw(`{"job":"nightly"}`)})
				return err
			})
		}),
		ok("m2m_token.List", func(ctx context.Context, s *State) error {
			return s.withKey(s.Machine.SecretKey, func() error {
				_, err := m2m_token.List(ctx, &m2m_token.ListParams{Subject: str(s.Machine.ID)})
				return err
			})
		}),
		ok("m2m_token.Verify", func(ctx context.Context, s *State) error {
			return s.withKey(s.Machine.SecretKey, func() error {
				_, err := m2m_token.Verify(ctx, &m2m_token.VerifyParams{Token: s.M2M.Token})
				return err
			})
		}),
		ok("m2m_token.Revoke", func(ctx context.Context, s *State) error {
			return s.withKey(s.Machine.SecretKey, func() error {
				_, err := m2m_token.Revoke(ctx, s.M2M.ID, &m2m_token.RevokeParams{RevocationReason: str("job done")})
				return err
			})
		}),
		ok("machinescope.DeleteScope", func(ctx context.Context, s *State) error {
			_, err := machinescope.DeleteScope(ctx, s.Machine.ID, s.Machine2.ID)
			return err
		}),
		ok("machine.Delete", func(ctx context.Context, s *State) error {
			_, err := machine.Delete(ctx, s.Machine2.ID)
			return err
		}),
	}
}

// After are the steps from enterprise SSO to the final deletes.
func After() []Step {
	return []Step{
		{Name: "samlconnection.Create", Run: func(ctx context.Context, s *State) (err error) {
			s.SAML, err = samlconnection.Create(ctx, &samlconnection.CreateParams{
				Name: str("Northwind Okta"), Provider: str("saml_okta"), Domain: str("northwind.example"), OrganizationID: str(s.Org.ID),
				IdpEntityID: str("http://www.okta.com/exk1"), IdpSsoURL: str("https://northwind.okta.example/app/sso/saml"),
				AttributeMapping: &samlconnection.AttributeMappingParams{EmailAddress: "mail", FirstName: "givenName", LastName: "sn", UserID: "uid"},
			})
			return err
		}, Recover: func(ctx context.Context, s *State) (err error) {
			s.SAML, err = samlconnection.Create(ctx, &samlconnection.CreateParams{
				Name: str("Northwind Okta"), Provider: str("saml_okta"), Domain: str("northwind.example"), OrganizationID: str(s.Org.ID),
				IdpEntityID: str("http://www.okta.com/exk1"), IdpSsoURL: str("https://northwind.okta.example/app/sso/saml"),
			})
			return err
		}},
		ok("samlconnection.Get", func(ctx context.Context, s *State) error {
			_, err := samlconnection.Get(ctx, s.SAML.ID)
			return err
		}),
		ok("samlconnection.List", func(ctx context.Context, s *State) error {
			_, err := samlconnection.List(ctx, &samlconnection.ListParams{})
			return err
		}),
		ok("samlconnection.Update", func(ctx context.Context, s *State) error {
			_, err := samlconnection.Update(ctx, s.SAML.ID, &samlconnection.UpdateParams{Active: yes, SyncUserAttributes: yes})
			return err
		}),
		ok("samlconnection.Delete", func(ctx context.Context, s *State) error {
			_, err := samlconnection.Delete(ctx, s.SAML.ID)
			return err
		}),

		ok("billing.ListPlans", func(ctx context.Context, s *State) error {
			_, err := billing.ListPlans(ctx, &billing.ListPlansParams{PayerType: str("user")})
			return err
		}),
		{Name: "billing.ListSubscriptionItems", Run: func(ctx context.Context, s *State) error {
			list, err := billing.ListSubscriptionItems(ctx, &billing.ListSubscriptionItemsParams{UserID: str(s.Grace.ID)})
			if err != nil {
				return err
			}
			s.keepTrials(list.Data)
			return check(len(s.SubscriptionItems) > 0, "the demo data puts Grace on a free trial")
		}, Recover: func(ctx context.Context, s *State) error {
			list, err := billing.ListSubscriptionItems(ctx, &billing.ListSubscriptionItemsParams{})
			if err != nil {
				return err
			}
			s.keepTrials(list.Data)
			return nil
		}},
		ok("billing.ExtendFreeTrial", func(ctx context.Context, s *State) error {
			_, err := billing.ExtendFreeTrial(ctx, s.SubscriptionItems[0].ID, &billing.ExtendFreeTrialParams{ExtendTo: time.Now().AddDate(0, 0, 30).UTC().Format(time.RFC3339)})
			return err
		}),
		ok("billing.CancelSubscriptionItem", func(ctx context.Context, s *State) error {
			_, err := billing.CancelSubscriptionItem(ctx, s.SubscriptionItems[0].ID, &billing.CancelSubscriptionItemParams{EndNow: no})
			return err
		}),

		ok("svixwebhook.Create", func(ctx context.Context, s *State) error {
			_, err := svixwebhook.Create(ctx)
			return err
		}),
		ok("svixwebhook.RefreshURL", func(ctx context.Context, s *State) error {
			_, err := svixwebhook.RefreshURL(ctx)
			return err
		}),
		ok("svixwebhook.Delete", func(ctx context.Context, s *State) error {
			_, err := svixwebhook.Delete(ctx)
			return err
		}),
		ok("template.List", func(ctx context.Context, s *State) error {
			_, err := template.List(ctx, &template.ListParams{TemplateType: clerk.TemplateTypeEmail})
			return err
		}),
		ok("template.Get", func(ctx context.Context, s *State) error {
			_, err := template.Get(ctx, &template.GetParams{TemplateType: clerk.TemplateTypeEmail, Slug: "verification_code"})
			return err
		}),
		ok("template.Update", func(ctx context.Context, s *State) error {
			_, err := template.Update(ctx, &template.UpdateParams{
				TemplateType: clerk.TemplateTypeEmail, Slug: "verification_code", Name: str("Verification code"),
				Subject: str("{{otp_code}} is your code"), Body: str("<p>Your code is {{otp_code}}</p>"),
			})
			return err
		}),
		ok("template.Preview", func(ctx context.Context, s *State) error {
			_, err := template.Preview(ctx, &template.PreviewParams{
				TemplateType: clerk.TemplateTypeEmail, Slug: "verification_code", Subject: str("Your code"), Body: str("<p>{{otp_code}}</p>"),
			})
			return err
		}),
		ok("template.ToggleDelivery", func(ctx context.Context, s *State) error {
			_, err := template.ToggleDelivery(ctx, &template.ToggleDeliveryParams{TemplateType: clerk.TemplateTypeEmail, Slug: "verification_code", DeliveredByClerk: no})
			return err
		}),
		ok("template.Revert", func(ctx context.Context, s *State) error {
			_, err := template.Revert(ctx, &template.RevertParams{TemplateType: clerk.TemplateTypeEmail, Slug: "verification_code"})
			return err
		}),
		fails("template.Delete", func(ctx context.Context, s *State) error {
			_, err := template.Delete(ctx, &template.DeleteParams{TemplateType: clerk.TemplateTypeEmail, Slug: "verification_code"})
			return err
		}),

		ok("organizationmembership.Delete", func(ctx context.Context, s *State) error {
			_, err := organizationmembership.Delete(ctx, &organizationmembership.DeleteParams{OrganizationID: s.Org.ID, UserID: s.Leo.ID})
			return err
		}),
		ok("organization.Delete", func(ctx context.Context, s *State) error {
			_, err := organization.Delete(ctx, s.Org.ID)
			return err
		}),
		ok("user.Delete", func(ctx context.Context, s *State) error {
			_, err := user.Delete(ctx, s.Tess.ID)
			return err
		}),
		failsWith("resource_not_found", "user.Get#deleted", func(ctx context.Context, s *State) error {
			_, err := user.Get(ctx, s.Tess.ID)
			return err
		}),
	}
}
