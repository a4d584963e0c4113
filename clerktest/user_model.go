package clerktest

import (
	"crypto/sha256"

	"crypto/subtle"
	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/users"
	"slices"
	"strings"
)

// user is the emulator's record of a user.
type user struct {
	seq                 int64
	id                  string
	externalID          *string
	username            *string
	firstName           *string
	lastName            *string
	locale              *string
	emails              []*identification
	phones              []*identification
	primaryEmailID      *string
	primaryPhoneID      *string
	passwordHash        []byte
	passwordSalt        []byte
	passwordUpdated     *int64
	passwordCompromised bool
	public              map[string]any
	private             map[string]any
	unsafe              map[string]any
	banned              bool
	hasImage            bool
	lockoutSeconds      *int64 // set when locked: the instance's lockout duration
	locked              bool
	deleteSelfEnabled   bool
	createOrgEnabled    bool
	createOrgsLimit     *int64
	legalAcceptedAt     *int64
	lastSignInAt        *int64
	lastActiveAt        *int64
	createdAt           int64
	updatedAt           int64
}

// identification is an email address or phone number.
type identification struct {
	id        string
	value     string
	verified  bool
	reserved  bool // reserved for second factor (phones)
	otp       *otp // the verification prepared last, if any
	createdAt int64
	updatedAt int64
}

func (u *user) setPassword(pw string, now int64) {
	u.passwordSalt = []byte(randomString(16))
	u.passwordHash = hashPassword(u.passwordSalt, pw)
	u.passwordUpdated = ptr(now)
	u.passwordCompromised = false
}

func (u *user) checkPassword(pw string) bool {
	return u.passwordHash != nil && subtle.ConstantTimeCompare(hashPassword(u.passwordSalt, pw), u.passwordHash) == 1
}

func hashPassword(salt []byte, pw string) []byte {
	h := sha256.New()
	h.Write(salt)
	h.Write([]byte(pw))
	return h.Sum(nil)
}

// primaryEmail returns the primary email address, or "".
func (u *user) primaryEmail() string {
	for _, e := range u.emails {
		if u.primaryEmailID != nil && e.id == *u.primaryEmailID {
			return e.value
		}
	}
	return ""
}

func (u *user) primaryPhone() string {
	for _, p := range u.phones {
		if u.primaryPhoneID != nil && p.id == *u.primaryPhoneID {
			return p.value
		}
	}
	return ""
}

// identifier is how invitations and memberships name the user.
func (u *user) identifier() string {
	switch {
	case u.primaryEmail() != "":
		return u.primaryEmail()
	case u.primaryPhone() != "":
		return u.primaryPhone()
	case u.username != nil:
		return *u.username
	}
	return u.id
}

// hasEmail reports whether the user owns the address (case-insensitive).
func (u *user) hasEmail(addr string) bool {
	return slices.ContainsFunc(u.emails, func(e *identification) bool { return strings.EqualFold(e.value, addr) })
}

func (u *user) hasPhone(num string) bool {
	return slices.ContainsFunc(u.phones, func(p *identification) bool { return p.value == num })
}

// adminVerification is the verification of an identifier created or
// verified through the Backend API, or nil when it is unverified.
func adminVerification(verified bool) (obj, status, strategy string, ok bool) {
	if !verified {
		return "", "", "", false
	}
	return "verification_admin", "verified", "admin", true
}

// imageURL is a stable placeholder avatar for an ID.
func imageURL(id string) string { return "https://img.clerk.com/emulator/" + id }

// optOf turns a nullable pointer into an Opt that is null when p is nil.
func optOf[T any](p *T) clerk.Opt[T] {
	if p == nil {
		return clerk.Null[T]()
	}
	return clerk.Value(*p)
}

func (i *identification) emailJSON() *users.EmailAddress {
	out := &users.EmailAddress{Object: "email_address", ID: ptr(i.id), EmailAddress: i.value,
		LinkedTo: []*users.IdentificationLink{}, CreatedAt: i.createdAt, UpdatedAt: i.updatedAt}
	if obj, status, strategy, ok := adminVerification(i.verified); ok {
		out.Verification = &users.EmailAddressVerification{Object: ptr(obj), Status: status, Strategy: strategy, ExpireAt: clerk.Null[int64]()}
	}
	if o := i.otp; o != nil && !i.verified {
		out.Verification = &users.EmailAddressVerification{Object: ptr("verification_otp"), Status: o.status,
			Strategy: o.strategy, Attempts: ptr(o.attempts), ExpireAt: clerk.Value(o.expireAt)}
	}
	return out
}

func (i *identification) phoneJSON() *users.PhoneNumber {
	out := &users.PhoneNumber{Object: "phone_number", ID: ptr(i.id), PhoneNumber: i.value,
		LinkedTo: []*users.IdentificationLink{}, CreatedAt: i.createdAt, UpdatedAt: i.updatedAt,
		ReservedForSecondFactor: ptr(false), DefaultSecondFactor: ptr(false)}
	if obj, status, strategy, ok := adminVerification(i.verified); ok {
		out.Verification = &users.PhoneNumberVerification{Object: ptr(obj), Status: status, Strategy: strategy}
	}
	if o := i.otp; o != nil && !i.verified {
		out.Verification = &users.PhoneNumberVerification{Object: ptr("verification_otp"), Status: o.status,
			Strategy: o.strategy, Attempts: ptr(o.attempts), ExpireAt: ptr(o.expireAt)}
	}
	out.ReservedForSecondFactor = ptr(i.reserved)
	return out
}

// json builds the wire form of the user from the generated model type.
func (u *user) json() *users.User {
	img := imageURL(u.id)
	out := &users.User{
		ID:                        u.id,
		Object:                    "user",
		ExternalID:                u.externalID,
		PrimaryEmailAddressID:     u.primaryEmailID,
		PrimaryPhoneNumberID:      u.primaryPhoneID,
		Username:                  u.username,
		FirstName:                 u.firstName,
		LastName:                  u.lastName,
		Locale:                    optOf(u.locale),
		ProfileImageURL:           &img,
		ImageURL:                  &img,
		PublicMetadata:            cloneMetadata(u.public),
		PrivateMetadata:           clerk.Value(cloneMetadata(u.private)),
		UnsafeMetadata:            cloneMetadata(u.unsafe),
		EmailAddresses:            make([]*users.EmailAddress, 0, len(u.emails)),
		PhoneNumbers:              make([]*users.PhoneNumber, 0, len(u.phones)),
		Web3Wallets:               []*users.Web3Wallet{},
		Passkeys:                  []*users.Passkey{},
		PasswordEnabled:           u.passwordHash != nil,
		PasswordLastUpdatedAt:     optOf(u.passwordUpdated),
		ExternalAccounts:          []*users.ExternalAccount{},
		SAMLAccounts:              []*users.SAMLAccount{},
		EnterpriseAccounts:        []*users.EnterpriseAccount{},
		LastSignInAt:              u.lastSignInAt,
		Banned:                    u.banned,
		HasImage:                  u.hasImage,
		Locked:                    u.locked,
		LockoutExpiresInSeconds:   u.lockoutSeconds,
		UpdatedAt:                 u.updatedAt,
		CreatedAt:                 u.createdAt,
		DeleteSelfEnabled:         u.deleteSelfEnabled,
		CreateOrganizationEnabled: u.createOrgEnabled,
		CreateOrganizationsLimit:  optOf(u.createOrgsLimit),
		LastActiveAt:              u.lastActiveAt,
		LegalAcceptedAt:           u.legalAcceptedAt,
	}
	if !u.locked {
		out.VerificationAttemptsRemaining = ptr(int64(100))
	} else {
		out.VerificationAttemptsRemaining = ptr(int64(0))
	}
	for _, e := range u.emails {
		out.EmailAddresses = append(out.EmailAddresses, e.emailJSON())
	}
	for _, p := range u.phones {
		out.PhoneNumbers = append(out.PhoneNumbers, p.phoneJSON())
	}
	return out
}
