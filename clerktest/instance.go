package clerktest

import "time"

// InstanceSettings are the instance settings that change the emulator's
// answers. Start from DefaultInstanceSettings and change what a test needs.
type InstanceSettings struct {
	// PasswordMinLength is the shortest password accepted (Clerk's default 8).
	PasswordMinLength int `json:"password_min_length"`
	// UsernameMinLength is the shortest username accepted. The emulator's
	// default is 1, so short test usernames work; Clerk's dashboard
	// default is 4.
	UsernameMinLength int `json:"username_min_length"`
	// UsernameMaxLength is the longest username accepted (default 64).
	UsernameMaxLength int `json:"username_max_length"`
	// MaxAllowedMemberships is the membership limit of new organizations;
	// 0 means unlimited, as in Clerk.
	MaxAllowedMemberships int64 `json:"max_allowed_memberships"`
	// LockoutDuration is how long a locked user stays locked.
	LockoutDuration time.Duration `json:"lockout_duration"`
	// RequiredIdentifiers lists what a new user must have: any of
	// "email_address", "phone_number", "username".
	RequiredIdentifiers []string `json:"required_identifiers"`
}

// DefaultInstanceSettings returns the settings the emulator starts with:
// those of a new development instance, except the username minimum.
func DefaultInstanceSettings() InstanceSettings {
	return InstanceSettings{PasswordMinLength: 8, UsernameMinLength: 1, UsernameMaxLength: 64,
		LockoutDuration: time.Hour}
}

type instanceSettings = InstanceSettings

func defaultInstanceSettings() instanceSettings { return DefaultInstanceSettings() }

func (s InstanceSettings) internal() instanceSettings {
	s.RequiredIdentifiers = append([]string(nil), s.RequiredIdentifiers...)
	return s
}
