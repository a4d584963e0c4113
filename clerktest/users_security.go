package clerktest

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/clerkgo/clerk/users"
)

// passwordHashers are the password_hasher values the spec lists.
var passwordHashers = []string{"argon2i", "argon2id", "bcrypt", "bcrypt_sha256_django", "ldap_ssha", "md5", "md5_phpass",
	"pbkdf2_sha1", "pbkdf2_sha256", "pbkdf2_sha256_django", "pbkdf2_sha512", "pbkdf2_sha512_hex", "phpass",
	"scrypt_firebase", "scrypt_werkzeug", "sha256", "sha512_symfony"}

// digestHashers are the hashers whose digests the emulator can check
// (hex of the password's digest); the others are kept but never match.
var digestHashers = map[string]func(string) string{
	"md5":    func(pw string) string { s := md5.Sum([]byte(pw)); return hex.EncodeToString(s[:]) },
	"sha256": func(pw string) string { s := sha256.Sum256([]byte(pw)); return hex.EncodeToString(s[:]) },
}

// checkDigest reports whether pw matches an imported password digest.
func (u *user) checkDigest(pw string) bool {
	hasher, digest, _ := strings.Cut(u.passwordDigest, "$")
	h, ok := digestHashers[hasher]
	return ok && subtle.ConstantTimeCompare([]byte(h(pw)), []byte(strings.ToLower(digest))) == 1
}

// applySecondFactors applies the user fields of a create or update that
// concern second factors, imported passwords and device trust:
// totp_secret, backup_codes, password_digest with password_hasher,
// bypass_client_trust and created_at (an RFC 3339 date-time).
func (e *Emulator) applySecondFactors(u *user, p *users.UpdateParams, now int64) error {
	if !p.TOTPSecret.IsOmitted() {
		u.totpSecret = p.TOTPSecret.Or("")
	}
	if !p.BackupCodes.IsOmitted() {
		u.backupCodes, _ = p.BackupCodes.Get()
	}
	if v, ok := p.BypassClientTrust.Get(); ok {
		u.bypassClientTrust = v
	}
	digest, hasher := optPtr(p.PasswordDigest.Get()), optPtr(p.PasswordHasher.Get())
	switch {
	case digest != nil && hasher == nil:
		return missingParam("password_hasher")
	case hasher != nil && digest == nil:
		return missingParam("password_digest")
	case digest != nil:
		if !slices.Contains(passwordHashers, *hasher) {
			return invalidParam("password_hasher", "password_hasher must be one of "+strings.Join(passwordHashers, ", ")+".")
		}
		if !p.Password.IsOmitted() {
			return invalidParam("password_digest", "password_digest cannot be combined with password.")
		}
		u.setPasswordDigest(*hasher+"$"+*digest, now)
	}
	if v, ok := p.CreatedAt.Get(); ok {
		ms, err := parseDateTime("created_at", v)
		if err != nil {
			return err
		}
		u.createdAt = *ms
	}
	return nil
}

// applyWallets adds the web3_wallet list of a create (verified, the first
// primary), refusing a wallet another user holds.
func (e *Emulator) applyWallets(u *user, wallets []string, now int64) error {
	for _, w := range wallets {
		if !strings.HasPrefix(w, "0x") || len(w) != 42 {
			return invalidParam("web3_wallet", "web3_wallet must be an Ethereum address (0x and 40 hex digits).")
		}
		if e.walletTaken(w) {
			return identifierExists("web3_wallet")
		}
		u.wallets = append(u.wallets, &identification{id: newID("idn"), value: w, verified: true, createdAt: now, updatedAt: now})
	}
	if len(u.wallets) > 0 && u.primaryWalletID == nil {
		u.primaryWalletID = ptr(u.wallets[0].id)
	}
	return nil
}

// walletTaken reports whether any user holds the wallet.
func (e *Emulator) walletTaken(w string) bool {
	for _, o := range e.st.users {
		if o.hasWallet(w) {
			return true
		}
	}
	return false
}

// identificationStatuses reads email_address_identification_status or
// phone_number_identification_status: one "verified" or "reserved" per
// identifier, by position; absent or empty means all verified.
func identificationStatuses(key string, st []string, n int) ([]bool, error) {
	verified := make([]bool, n)
	if len(st) == 0 {
		for i := range verified {
			verified[i] = true
		}
		return verified, nil
	}
	if len(st) != n {
		return nil, invalidParam(key, key+" must have exactly one item per identifier.")
	}
	for i, s := range st {
		switch s {
		case "verified":
			verified[i] = true
		case "reserved":
		default:
			return nil, invalidParam(key, key+" items must be verified or reserved.")
		}
	}
	return verified, nil
}

// applyUpdateOnlyFields applies the fields only an update takes:
// primary_web3_wallet_id, profile_image_id, skip_legal_checks, and reports
// sign_out_of_other_sessions (only with a password) and
// notify_primary_email_address_changed.
func (e *Emulator) applyUpdateOnlyFields(u *user, p *users.UpdateParams) (signOut, notify bool, err error) {
	if v, ok := p.PrimaryWeb3WalletID.Get(); ok {
		if !ownsIdentification(u.wallets, v) {
			return false, false, invalidParam("primary_web3_wallet_id", "primary_web3_wallet_id must be one of the user's web3 wallets.")
		}
		u.primaryWalletID = &v
	}
	if !p.ProfileImageID.IsOmitted() {
		u.hasImage = p.ProfileImageID.Or("") != ""
	}
	// skip_legal_checks has nothing to skip: the emulator asks no consent.
	so := p.SignOutOfOtherSessions.Or(false)
	if so && p.Password.IsOmitted() {
		return false, false, invalidParam("sign_out_of_other_sessions", "sign_out_of_other_sessions can only be used with password.")
	}
	return so, p.NotifyPrimaryEmailAddressChanged.Or(false), nil
}
