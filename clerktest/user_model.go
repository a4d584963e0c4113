package clerktest

import (
	"crypto/sha256"
	"crypto/subtle"
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

// userJSON is the wire form of a user (schema User).
type userJSON struct {
	ID                            string         `json:"id"`
	Object                        string         `json:"object"`
	ExternalID                    *string        `json:"external_id"`
	PrimaryEmailAddressID         *string        `json:"primary_email_address_id"`
	PrimaryPhoneNumberID          *string        `json:"primary_phone_number_id"`
	PrimaryWeb3WalletID           *string        `json:"primary_web3_wallet_id"`
	Username                      *string        `json:"username"`
	FirstName                     *string        `json:"first_name"`
	LastName                      *string        `json:"last_name"`
	Locale                        *string        `json:"locale"`
	ProfileImageURL               string         `json:"profile_image_url"`
	ImageURL                      string         `json:"image_url"`
	HasImage                      bool           `json:"has_image"`
	PublicMetadata                map[string]any `json:"public_metadata"`
	PrivateMetadata               map[string]any `json:"private_metadata"`
	UnsafeMetadata                map[string]any `json:"unsafe_metadata"`
	EmailAddresses                []emailJSON    `json:"email_addresses"`
	PhoneNumbers                  []phoneJSON    `json:"phone_numbers"`
	Web3Wallets                   []any          `json:"web3_wallets"`
	Passkeys                      []any          `json:"passkeys"`
	PasswordEnabled               bool           `json:"password_enabled"`
	TwoFactorEnabled              bool           `json:"two_factor_enabled"`
	TOTPEnabled                   bool           `json:"totp_enabled"`
	BackupCodeEnabled             bool           `json:"backup_code_enabled"`
	MFAEnabledAt                  *int64         `json:"mfa_enabled_at"`
	MFADisabledAt                 *int64         `json:"mfa_disabled_at"`
	PasswordLastUpdatedAt         *int64         `json:"password_last_updated_at"`
	ExternalAccounts              []any          `json:"external_accounts"`
	SAMLAccounts                  []any          `json:"saml_accounts"`
	EnterpriseAccounts            []any          `json:"enterprise_accounts"`
	LastSignInAt                  *int64         `json:"last_sign_in_at"`
	Banned                        bool           `json:"banned"`
	Locked                        bool           `json:"locked"`
	LockoutExpiresInSeconds       *int64         `json:"lockout_expires_in_seconds"`
	VerificationAttemptsRemaining *int64         `json:"verification_attempts_remaining"`
	UpdatedAt                     int64          `json:"updated_at"`
	CreatedAt                     int64          `json:"created_at"`
	DeleteSelfEnabled             bool           `json:"delete_self_enabled"`
	CreateOrganizationEnabled     bool           `json:"create_organization_enabled"`
	CreateOrganizationsLimit      *int64         `json:"create_organizations_limit"`
	LastActiveAt                  *int64         `json:"last_active_at"`
	LegalAcceptedAt               *int64         `json:"legal_accepted_at"`
}

type verificationJSON struct {
	Object   string `json:"object"`
	Status   string `json:"status"`
	Strategy string `json:"strategy"`
	Attempts *int64 `json:"attempts"`
	ExpireAt *int64 `json:"expire_at"`
}

type emailJSON struct {
	ID           string            `json:"id"`
	Object       string            `json:"object"`
	EmailAddress string            `json:"email_address"`
	Reserved     bool              `json:"reserved"`
	Verification *verificationJSON `json:"verification"`
	LinkedTo     []any             `json:"linked_to"`
	CreatedAt    int64             `json:"created_at"`
	UpdatedAt    int64             `json:"updated_at"`
}

type phoneJSON struct {
	ID                      string            `json:"id"`
	Object                  string            `json:"object"`
	PhoneNumber             string            `json:"phone_number"`
	ReservedForSecondFactor bool              `json:"reserved_for_second_factor"`
	DefaultSecondFactor     bool              `json:"default_second_factor"`
	Reserved                bool              `json:"reserved"`
	Verification            *verificationJSON `json:"verification"`
	LinkedTo                []any             `json:"linked_to"`
	BackupCodes             []string          `json:"backup_codes"`
	CreatedAt               int64             `json:"created_at"`
	UpdatedAt               int64             `json:"updated_at"`
}

func adminVerification(verified bool) *verificationJSON {
	if !verified {
		return nil
	}
	return &verificationJSON{Object: "verification_admin", Status: "verified", Strategy: "admin"}
}

// imageURL is a stable placeholder avatar for an ID.
func imageURL(id string) string { return "https://img.clerk.com/emulator/" + id }

func (u *user) json() userJSON {
	out := userJSON{
		ID:                        u.id,
		Object:                    "user",
		ExternalID:                u.externalID,
		PrimaryEmailAddressID:     u.primaryEmailID,
		PrimaryPhoneNumberID:      u.primaryPhoneID,
		Username:                  u.username,
		FirstName:                 u.firstName,
		LastName:                  u.lastName,
		Locale:                    u.locale,
		ProfileImageURL:           imageURL(u.id),
		ImageURL:                  imageURL(u.id),
		PublicMetadata:            cloneMetadata(u.public),
		PrivateMetadata:           cloneMetadata(u.private),
		UnsafeMetadata:            cloneMetadata(u.unsafe),
		EmailAddresses:            []emailJSON{},
		PhoneNumbers:              []phoneJSON{},
		Web3Wallets:               []any{},
		Passkeys:                  []any{},
		PasswordEnabled:           u.passwordHash != nil,
		PasswordLastUpdatedAt:     u.passwordUpdated,
		ExternalAccounts:          []any{},
		SAMLAccounts:              []any{},
		EnterpriseAccounts:        []any{},
		LastSignInAt:              u.lastSignInAt,
		Banned:                    u.banned,
		Locked:                    u.locked,
		UpdatedAt:                 u.updatedAt,
		CreatedAt:                 u.createdAt,
		DeleteSelfEnabled:         u.deleteSelfEnabled,
		CreateOrganizationEnabled: u.createOrgEnabled,
		CreateOrganizationsLimit:  u.createOrgsLimit,
		LastActiveAt:              u.lastActiveAt,
		LegalAcceptedAt:           u.legalAcceptedAt,
	}
	if !u.locked {
		out.VerificationAttemptsRemaining = ptr(int64(100))
	} else {
		out.VerificationAttemptsRemaining = ptr(int64(0))
	}
	for _, e := range u.emails {
		out.EmailAddresses = append(out.EmailAddresses, emailJSON{
			ID: e.id, Object: "email_address", EmailAddress: e.value,
			Verification: adminVerification(e.verified), LinkedTo: []any{},
			CreatedAt: e.createdAt, UpdatedAt: e.updatedAt,
		})
	}
	for _, p := range u.phones {
		out.PhoneNumbers = append(out.PhoneNumbers, phoneJSON{
			ID: p.id, Object: "phone_number", PhoneNumber: p.value,
			Verification: adminVerification(p.verified), LinkedTo: []any{},
			CreatedAt: p.createdAt, UpdatedAt: p.updatedAt,
		})
	}
	return out
}
