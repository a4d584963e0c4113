package clerktest

import (
	"crypto/sha256"
	"crypto/subtle"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
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
	totpSecret          string   // the base32 TOTP secret, "" without TOTP
	backupCodes         []string // the backup codes left
	bypassClientTrust   bool     // skips Device Trust checks at sign-in
	passwordDigest      string   // an imported digest the emulator cannot check
	wallets             []*identification
	primaryWalletID     *string
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
	u.passwordDigest = ""
	u.passwordUpdated = ptr(now)
	u.passwordCompromised = false
}

func (u *user) setPasswordDigest(digest string, now int64) {
	u.passwordHash, u.passwordSalt, u.passwordDigest = nil, nil, digest
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

func (u *user) hasWallet(w string) bool {
	return slices.ContainsFunc(u.wallets, func(i *identification) bool { return strings.EqualFold(i.value, w) })
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

// verification is the identification's verification: the admin one when
// verified through the API, the pending one-time code, or none.
func (i *identification) verification() *clerk.Verification {
	if o := i.otp; o != nil && (!i.verified || o.status == "verified") {
		return &clerk.Verification{Object: ptr("verification_otp"), Status: ptr(o.status), Strategy: ptr(o.strategy),
			Attempts: clerk.Value(o.attempts), ExpireAt: clerk.Value(o.expireAt), Channel: o.channel(), VerifiedAtClient: clerk.Null[string]()}
	}
	if obj, status, strategy, ok := adminVerification(i.verified); ok {
		return &clerk.Verification{Object: ptr(obj), Status: ptr(status), Strategy: ptr(strategy),
			Attempts: clerk.Null[int64](), ExpireAt: clerk.Null[int64](), VerifiedAtClient: clerk.Null[string]()}
	}
	return nil
}

func (i *identification) emailJSON() *clerk.EmailAddress {
	return &clerk.EmailAddress{Object: "email_address", ID: ptr(i.id), EmailAddress: i.value, MatchesSSOConnection: ptr(false),
		LinkedTo: []*clerk.IdentificationLink{}, CreatedAt: i.createdAt, UpdatedAt: i.updatedAt, Verification: i.verification()}
}

func (i *identification) phoneJSON() *clerk.PhoneNumber {
	return &clerk.PhoneNumber{Object: "phone_number", ID: ptr(i.id), PhoneNumber: i.value,
		LinkedTo: []*clerk.IdentificationLink{}, CreatedAt: i.createdAt, UpdatedAt: i.updatedAt,
		ReservedForSecondFactor: ptr(i.reserved), DefaultSecondFactor: ptr(false), Verification: i.verification(),
		BackupCodes: clerk.Null[[]string]()}
}

// json builds the wire form of the user from the generated model type.
// organization_memberships is the empty list, which the spec allows and
// Clerk's client reads as present: the emulator lists memberships by their
// own routes only (whether Clerk embeds them in a user is a guess).
func (u *user) json() *clerk.User {
	img := imageURL(u.id)
	out := &clerk.User{
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
		PublicMetadata:            metaJSON(u.public),
		PrivateMetadata:           metaJSON(u.private),
		UnsafeMetadata:            metaJSON(u.unsafe),
		EmailAddresses:            make([]*clerk.EmailAddress, 0, len(u.emails)),
		PhoneNumbers:              make([]*clerk.PhoneNumber, 0, len(u.phones)),
		Web3Wallets:               make([]*clerk.Web3Wallet, 0, len(u.wallets)),
		PrimaryWeb3WalletID:       u.primaryWalletID,
		TOTPEnabled:               u.totpSecret != "",
		BackupCodeEnabled:         len(u.backupCodes) > 0,
		TwoFactorEnabled:          u.totpSecret != "" || len(u.backupCodes) > 0,
		BypassClientTrust:         ptr(u.bypassClientTrust),
		Deprovisioned:             ptr(false),
		SCIM:                      clerk.Null[clerk.SCIMUserMetadata](),
		Passkeys:                  []*clerk.Passkey{},
		PasswordEnabled:           u.passwordHash != nil || u.passwordDigest != "",
		PasswordLastUpdatedAt:     optOf(u.passwordUpdated),
		ExternalAccounts:          []*clerk.ExternalAccount{},
		SAMLAccounts:              []*clerk.SAMLAccount{},
		EnterpriseAccounts:        []*clerk.EnterpriseAccount{},
		OrganizationMemberships:   []*clerk.OrganizationMembership{},
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
	for _, w := range u.wallets {
		out.Web3Wallets = append(out.Web3Wallets, &clerk.Web3Wallet{Object: "web3_wallet", ID: ptr(w.id), Web3Wallet: w.value,
			CreatedAt: w.createdAt, UpdatedAt: w.updatedAt, Verification: w.verification()})
	}
	return out
}
