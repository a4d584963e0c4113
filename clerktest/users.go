package clerktest

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/users"
)

func (e *Emulator) userRoutes(t []route) []route {
	t = add(t, "GET", "/users", e.listUsers, append(userFilterParams(), "limit", "offset", "order_by", "starting_after")...)
	t = add(t, "POST", "/users", e.createUser, "backup_codes", "banned", "bypass_client_trust", "create_organization_enabled",
		"create_organizations_limit", "created_at", "delete_self_enabled", "email_address", "email_address_identification_status",
		"external_id", "first_name", "last_name", "legal_accepted_at", "locale", "locked", "password", "password_digest",
		"password_hasher", "phone_number", "phone_number_identification_status", "private_metadata", "public_metadata",
		"skip_legal_checks", "skip_password_checks", "skip_password_requirement", "skip_user_requirement", "totp_secret",
		"unsafe_metadata", "username", "web3_wallet")
	t = add(t, "GET", "/users/count", e.countUsers, userFilterParams()...)
	t = add(t, "GET", "/users/{user_id}", e.getUser)
	t = add(t, "PATCH", "/users/{user_id}", e.updateUser, "backup_codes", "bypass_client_trust", "create_organization_enabled",
		"create_organizations_limit", "created_at", "delete_self_enabled", "external_id", "first_name", "last_name",
		"legal_accepted_at", "locale", "notify_primary_email_address_changed", "password", "password_digest", "password_hasher",
		"primary_email_address_id", "primary_phone_number_id", "primary_web3_wallet_id", "private_metadata", "profile_image_id",
		"public_metadata", "sign_out_of_other_sessions", "skip_legal_checks", "skip_password_checks", "totp_secret",
		"unsafe_metadata", "username")
	t = add(t, "DELETE", "/users/{user_id}", e.deleteUser)
	t = add(t, "POST", "/users/{user_id}/ban", e.setBanned(true))
	t = add(t, "POST", "/users/{user_id}/unban", e.setBanned(false))
	t = add(t, "POST", "/users/{user_id}/lock", e.setLocked(true))
	t = add(t, "POST", "/users/{user_id}/unlock", e.setLocked(false))
	t = add(t, "PATCH", "/users/{user_id}/metadata", e.userMetadata(true), "private_metadata", "public_metadata", "unsafe_metadata")
	t = add(t, "PUT", "/users/{user_id}/metadata", e.userMetadata(false), "private_metadata", "public_metadata", "unsafe_metadata")
	t = add(t, "POST", "/users/{user_id}/verify_password", e.verifyPassword, "password")
	t = add(t, "POST", "/users/{user_id}/password/set_compromised", e.setCompromised(true), "revoke_all_sessions")
	t = add(t, "POST", "/users/{user_id}/password/unset_compromised", e.setCompromised(false))
	t = add(t, "POST", "/users/ban", e.bulkBan(true), "user_ids")
	t = add(t, "POST", "/users/unban", e.bulkBan(false), "user_ids")
	t = add(t, "DELETE", "/users/{user_id}/mfa", e.disableMFA)
	t = add(t, "DELETE", "/users/{user_id}/backup_code", e.deleteSecondFactor("backup codes", func(u *user) bool {
		had := len(u.backupCodes) > 0
		u.backupCodes = nil
		return had
	}))
	t = add(t, "DELETE", "/users/{user_id}/totp", e.deleteSecondFactor("TOTP", func(u *user) bool {
		had := u.totpSecret != ""
		u.totpSecret = ""
		return had
	}))
	t = add(t, "POST", "/users/{user_id}/verify_totp", e.verifyTOTP, "code")
	t = add(t, "DELETE", "/users/{user_id}/passkeys/{passkey_identification_id}", e.noUserChild("passkey", "passkey_identification_id"))
	t = add(t, "DELETE", "/users/{user_id}/web3_wallets/{web3_wallet_identification_id}", e.noUserChild("web3 wallet", "web3_wallet_identification_id"))
	t = add(t, "DELETE", "/users/{user_id}/external_accounts/{external_account_id}", e.noUserChild("external account", "external_account_id"))
	t = add(t, "DELETE", "/users/{user_id}/trusted_devices/{trusted_device_id}", e.noUserChild("trusted device", "trusted_device_id"))
	t = add(t, "GET", "/users/{user_id}/trusted_devices", e.listTrustedDevices)
	t = add(t, "GET", "/users/{user_id}/oauth_access_tokens/{provider}", e.oauthAccessTokens, "limit", "offset", "paginated")
	t = add(t, "GET", "/users/{user_id}/organization_invitations", e.userOrgInvitations, "limit", "offset", "status")
	t = add(t, "POST", "/users/{user_id}/remove_password", e.removePassword, "sign_out_of_other_sessions")
	t = add(t, "POST", "/users/{user_id}/profile_image", e.setProfileImage(true))
	t = add(t, "DELETE", "/users/{user_id}/profile_image", e.setProfileImage(false))
	return t
}

func (e *Emulator) findUser(id string) (*user, error) {
	u, ok := e.st.users[id]
	if !ok {
		return nil, notFound("user " + id)
	}
	return u, nil
}

func (e *Emulator) createUser(c *call) (int, any, error) {
	var p users.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	u, err := e.newUser(&p)
	if err != nil {
		return 0, nil, err
	}
	c.emit("user.created", u.json())
	return http.StatusOK, u.json(), nil
}

// newUser validates a create-user body and stores the user.
func (e *Emulator) newUser(p *users.CreateParams) (*user, error) {
	emails, _ := p.EmailAddress.Get()
	phones, _ := p.PhoneNumber.Get()
	for _, a := range emails {
		if !strings.Contains(a, "@") || strings.HasPrefix(a, "@") || strings.HasSuffix(a, "@") {
			e := failParam(http.StatusUnprocessableEntity, "form_param_format_invalid", "is invalid", "email_address")
			e.detail.LongMessage = "email_address must be a valid email address."
			return nil, e
		}
		if e.emailTaken(a, "") {
			return nil, identifierExists("email_address")
		}
	}
	for _, num := range phones {
		if err := validPhone(num); err != nil {
			return nil, err
		}
		if e.phoneTaken(num, "") {
			return nil, identifierExists("phone_number")
		}
	}
	st, _ := p.EmailAddressIdentificationStatus.Get()
	emailVerified, err := identificationStatuses("email_address_identification_status", st, len(emails))
	if err != nil {
		return nil, err
	}
	st, _ = p.PhoneNumberIdentificationStatus.Get()
	phoneVerified, err := identificationStatuses("phone_number_identification_status", st, len(phones))
	if err != nil {
		return nil, err
	}
	// skip_password_requirement and skip_legal_checks have nothing to skip
	// here: the emulator requires no password and no legal consent of users
	// created through the API.
	username := optPtr(p.Username.Get())
	if username != nil && e.usernameTaken(*username, "") {
		return nil, identifierExists("username")
	}
	if err := e.checkUsername(username); err != nil {
		return nil, err
	}
	if !p.SkipUserRequirement.Or(false) {
		if err := e.checkRequired(len(emails) > 0, len(phones) > 0, username != nil); err != nil {
			return nil, err
		}
	}
	now := e.ms()
	u := &user{seq: e.st.next(), id: newID("user"), createdAt: now, updatedAt: now,
		username: username, deleteSelfEnabled: true, createOrgEnabled: true}
	// Create's shared parameters are update's; banned and locked are
	// create's own.
	up := &users.UpdateParams{ExternalID: p.ExternalID, FirstName: p.FirstName, LastName: p.LastName, Locale: p.Locale,
		Password: p.Password, SkipPasswordChecks: p.SkipPasswordChecks, PublicMetadata: p.PublicMetadata,
		PrivateMetadata: p.PrivateMetadata, UnsafeMetadata: p.UnsafeMetadata, DeleteSelfEnabled: p.DeleteSelfEnabled,
		CreateOrganizationEnabled: p.CreateOrganizationEnabled, CreateOrganizationsLimit: p.CreateOrganizationsLimit,
		LegalAcceptedAt: p.LegalAcceptedAt, TOTPSecret: p.TOTPSecret, BackupCodes: p.BackupCodes,
		BypassClientTrust: p.BypassClientTrust, PasswordDigest: p.PasswordDigest, PasswordHasher: p.PasswordHasher,
		CreatedAt: p.CreatedAt}
	if err := e.applyUserFields(u, up, now, true); err != nil {
		return nil, err
	}
	u.banned, u.locked = p.Banned.Or(false), p.Locked.Or(false)
	if err := e.applySecondFactors(u, up, now); err != nil {
		return nil, err
	}
	wallets, _ := p.Web3Wallet.Get()
	if err := e.applyWallets(u, wallets, now); err != nil {
		return nil, err
	}
	for i, a := range emails {
		u.emails = append(u.emails, &identification{id: newID("idn"), value: a, verified: emailVerified[i], createdAt: now, updatedAt: now})
	}
	for i, num := range phones {
		u.phones = append(u.phones, &identification{id: newID("idn"), value: num, verified: phoneVerified[i], createdAt: now, updatedAt: now})
	}
	if len(u.emails) > 0 {
		u.primaryEmailID = ptr(u.emails[0].id)
	}
	if len(u.phones) > 0 {
		u.primaryPhoneID = ptr(u.phones[0].id)
	}
	e.st.addUser(u)
	e.assignDefaultPlan(u.id, "user")
	return u, nil
}

// applyUserFields applies the fields shared by create and update. An absent
// key leaves the field alone; null clears a nullable field.
func (e *Emulator) applyUserFields(u *user, p *users.UpdateParams, now int64, creating bool) error {
	for _, f := range []struct {
		v   *clerk.Opt[string]
		dst **string
	}{{&p.ExternalID, &u.externalID}, {&p.FirstName, &u.firstName}, {&p.LastName, &u.lastName}, {&p.Locale, &u.locale}} {
		if !f.v.IsOmitted() {
			*f.dst = optPtr(f.v.Get())
		}
	}
	if !creating && !p.Username.IsOmitted() {
		v := optPtr(p.Username.Get())
		if v != nil && e.usernameTaken(*v, u.id) {
			return identifierExists("username")
		}
		if err := e.checkUsername(v); err != nil {
			return err
		}
		u.username = v
	}
	if pw, ok := p.Password.Get(); ok {
		if len(pw) < e.st.settings.knobs.PasswordMinLength && !p.SkipPasswordChecks.Or(false) {
			e := failParam(http.StatusUnprocessableEntity, "form_password_length_too_short",
				"Passwords must be 8 characters or more.", "password")
			return e
		}
		u.setPassword(pw, now)
	}
	// Update still takes the metadata the spec moved to PATCH .../metadata.
	//lint:ignore SA1019 the emulator serves every parameter, deprecated or not
	pub, priv, unsafe := &p.PublicMetadata, &p.PrivateMetadata, &p.UnsafeMetadata
	for _, m := range []struct {
		v   *clerk.Opt[map[string]any]
		dst *map[string]any
	}{{pub, &u.public}, {priv, &u.private}, {unsafe, &u.unsafe}} {
		if !m.v.IsOmitted() {
			*m.dst, _ = m.v.Get() // null clears
		}
	}
	for _, b := range []struct {
		v   *clerk.Opt[bool]
		dst *bool
	}{{&p.DeleteSelfEnabled, &u.deleteSelfEnabled}, {&p.CreateOrganizationEnabled, &u.createOrgEnabled}} {
		if v, ok := b.v.Get(); ok {
			*b.dst = v
		}
	}
	if !p.CreateOrganizationsLimit.IsOmitted() {
		u.createOrgsLimit = optPtr(p.CreateOrganizationsLimit.Get())
	}
	if !p.LegalAcceptedAt.IsOmitted() {
		u.legalAcceptedAt = nil
		if v, ok := p.LegalAcceptedAt.Get(); ok {
			ms, err := parseDateTime("legal_accepted_at", v)
			if err != nil {
				return err
			}
			u.legalAcceptedAt = ms
		}
	}
	if !creating {
		if v, ok := p.PrimaryEmailAddressID.Get(); ok {
			if !ownsIdentification(u.emails, v) {
				return invalidParam("primary_email_address_id", "primary_email_address_id must be one of the user's email addresses.")
			}
			u.primaryEmailID = &v
		}
		if v, ok := p.PrimaryPhoneNumberID.Get(); ok {
			if !ownsIdentification(u.phones, v) {
				return invalidParam("primary_phone_number_id", "primary_phone_number_id must be one of the user's phone numbers.")
			}
			u.primaryPhoneID = &v
		}
	}
	return nil
}

func ownsIdentification(ids []*identification, id string) bool {
	for _, x := range ids {
		if x.id == id {
			return true
		}
	}
	return false
}

// emailTaken reports whether a user other than except owns addr.
func (e *Emulator) emailTaken(addr, except string) bool {
	u, ok := e.st.byEmail[strings.ToLower(addr)]
	return ok && u.id != except
}

// phoneTaken reports whether a user other than except owns num.
func (e *Emulator) phoneTaken(num, except string) bool {
	u, ok := e.st.byPhone[num]
	return ok && u.id != except
}

// usernameTaken reports whether a user other than except has the username.
func (e *Emulator) usernameTaken(name, except string) bool {
	u, ok := e.st.byUsername[strings.ToLower(name)]
	return ok && u.id != except
}

func (e *Emulator) getUser(c *call) (int, any, error) {
	u, err := e.findUser(c.param("user_id"))
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, u.json(), nil
}

func (e *Emulator) updateUser(c *call) (int, any, error) {
	u, err := e.findUser(c.param("user_id"))
	if err != nil {
		return 0, nil, err
	}
	var p users.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	// Validate on a copy so a failed update changes nothing.
	cp := *u
	now := e.ms()
	if err := e.applyUserFields(&cp, &p, now, false); err != nil {
		return 0, nil, err
	}
	if err := e.applySecondFactors(&cp, &p, now); err != nil {
		return 0, nil, err
	}
	signOut, notify, err := e.applyUpdateOnlyFields(&cp, &p)
	if err != nil {
		return 0, nil, err
	}
	cp.updatedAt = now
	oldPrimary := u.primaryEmail()
	if cp.createdAt != u.createdAt {
		e.st.removeUser(u)
		*u = cp
		e.st.addUser(u)
	} else {
		e.st.unindexUser(u)
		*u = cp
		e.st.indexUser(u)
	}
	if signOut {
		e.revokeUserSessions(c, u.id)
	}
	if notify && oldPrimary != "" && oldPrimary != u.primaryEmail() && !isTestIdentifier(oldPrimary) {
		e.emitEmail(c, "primary_email_address_changed", oldPrimary, u, nil, map[string]any{"new_email_address": u.primaryEmail(),
			"app": map[string]any{"name": "clerktest"}})
	}
	c.emit("user.updated", u.json())
	return http.StatusOK, u.json(), nil
}

func (e *Emulator) deleteUser(c *call) (int, any, error) {
	u, err := e.findUser(c.param("user_id"))
	if err != nil {
		return 0, nil, err
	}
	// Cascade first, while the user is still there for the event data.
	var ss []*session
	for _, s := range e.st.sessions {
		if s.userID == u.id && (s.status == "active" || s.status == "pending") {
			ss = append(ss, s)
		}
	}
	slices.SortFunc(ss, func(a, b *session) int { return cmpInt(a.seq, b.seq) })
	for _, s := range ss {
		s.status, s.updatedAt = "removed", e.ms()
		c.emit("session.removed", e.sessionEvent(s))
	}
	e.cascadeMemberships(c, func(m *membership) bool { return m.userID == u.id })
	e.st.removeUser(u)
	out := deleted("user", u.id)
	c.emit("user.deleted", out)
	return http.StatusOK, out, nil
}

// deleted is the answer of a delete: the generated DeletedObject.
func deleted(object, id string) *clerk.DeletedObject {
	return &clerk.DeletedObject{Object: object, ID: &id, Deleted: true}
}

func (e *Emulator) setBanned(banned bool) handler {
	return func(c *call) (int, any, error) {
		u, err := e.findUser(c.param("user_id"))
		if err != nil {
			return 0, nil, err
		}
		u.banned, u.updatedAt = banned, e.ms()
		if banned {
			e.revokeUserSessions(c, u.id)
		}
		c.emit("user.updated", u.json())
		return http.StatusOK, u.json(), nil
	}
}

func (e *Emulator) setLocked(locked bool) handler {
	return func(c *call) (int, any, error) {
		u, err := e.findUser(c.param("user_id"))
		if err != nil {
			return 0, nil, err
		}
		u.locked, u.updatedAt = locked, e.ms()
		u.lockoutSeconds = nil
		if locked {
			u.lockoutSeconds = ptr(int64(e.st.settings.knobs.LockoutDuration / time.Second))
		}
		c.emit("user.updated", u.json())
		return http.StatusOK, u.json(), nil
	}
}

// userMetadata merges (PATCH) or replaces (PUT) a user's metadata.
func (e *Emulator) userMetadata(merge bool) handler {
	return func(c *call) (int, any, error) {
		u, err := e.findUser(c.param("user_id"))
		if err != nil {
			return 0, nil, err
		}
		// PATCH and PUT take the same three objects.
		var p users.UpdateMetadataParams
		if err := decode(c, &p); err != nil {
			return 0, nil, err
		}
		applyMetadata(merge, []metadataSlot{{&p.PublicMetadata, &u.public}, {&p.PrivateMetadata, &u.private}, {&p.UnsafeMetadata, &u.unsafe}})
		u.updatedAt = e.ms()
		c.emit("user.updated", u.json())
		return http.StatusOK, u.json(), nil
	}
}

func (e *Emulator) verifyPassword(c *call) (int, any, error) {
	u, err := e.findUser(c.param("user_id"))
	if err != nil {
		return 0, nil, err
	}
	var p users.VerifyPasswordParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if p.Password == "" {
		return 0, nil, missingParam("password")
	}
	pw := &p.Password
	if u.passwordHash == nil && u.passwordDigest == "" {
		return 0, nil, noPasswordSet()
	}
	if !u.checkPassword(*pw) && !u.checkDigest(*pw) {
		return 0, nil, fail(http.StatusUnprocessableEntity, "incorrect_password", "incorrect password", "The provided password is not the one the user has set")
	}
	return http.StatusOK, map[string]bool{"verified": true}, nil
}

func (e *Emulator) setCompromised(on bool) handler {
	return func(c *call) (int, any, error) {
		u, err := e.findUser(c.param("user_id"))
		if err != nil {
			return 0, nil, err
		}
		var p users.SetPasswordCompromisedParams
		if err := decode(c, &p); err != nil {
			return 0, nil, err
		}
		if u.passwordHash == nil {
			return 0, nil, noPasswordSet()
		}
		u.passwordCompromised, u.updatedAt = on, e.ms()
		if on && p.RevokeAllSessions.Or(false) {
			e.revokeUserSessions(c, u.id)
		}
		c.emit("user.updated", u.json())
		return http.StatusOK, u.json(), nil
	}
}

// PasswordCompromised reports whether the user's password is currently
// marked as compromised, which the User object does not show.
func (e *Emulator) PasswordCompromised(userID string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	u, ok := e.st.users[userID]
	return ok && u.passwordCompromised
}

// noPasswordSet is the error for a password operation on a user without one.
func noPasswordSet() *apiError {
	return fail(http.StatusBadRequest, "no_password_set", "no password set", "This user does not have a password set for their account")
}

// checkUsername applies the instance's username length rule.
func (e *Emulator) checkUsername(name *string) error {
	k := e.st.settings.knobs
	if name == nil || len(*name) >= k.UsernameMinLength && len(*name) <= k.UsernameMaxLength {
		return nil
	}
	err := failParam(http.StatusUnprocessableEntity, "form_username_invalid_length", "is invalid", "username")
	err.detail.LongMessage = fmt.Sprintf("Username must be between %d and %d characters long.", k.UsernameMinLength, k.UsernameMaxLength)
	return err
}

// checkRequired applies the instance's required identifiers to a new user.
func (e *Emulator) checkRequired(email, phone, username bool) error {
	var missing []string
	for _, r := range e.st.settings.knobs.RequiredIdentifiers {
		if r == "email_address" && !email || r == "phone_number" && !phone || r == "username" && !username {
			missing = append(missing, r)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	err := fail(http.StatusUnprocessableEntity, "form_data_missing", "missing data",
		fmt.Sprintf("%q data doesn't match user requirements set for this instance", strings.Join(missing, ", ")))
	err.detail.Meta = errMeta(map[string]any{"param_names": missing})
	return err
}

// The user operations beyond create, read, update and delete. Emulated
// users have TOTP and backup codes only when created or updated with
// totp_secret and backup_codes; they have no passkeys, external accounts
// or trusted devices (creating them needs the Frontend API), so the
// operations on those answer as Clerk does for a user without them.

// bulkBan bans or unbans every listed user that exists and answers them.
func (e *Emulator) bulkBan(ban bool) handler {
	return func(c *call) (int, any, error) {
		var p users.BanBulkParams
		if err := decode(c, &p); err != nil {
			return 0, nil, err
		}
		if len(p.UserIDs) == 0 {
			return 0, nil, missingParam("user_ids")
		}
		out := make([]*clerk.User, 0, len(p.UserIDs))
		now := e.ms()
		for _, id := range p.UserIDs {
			u, ok := e.st.users[id]
			if !ok {
				continue
			}
			u.banned, u.updatedAt = ban, now
			if ban {
				e.revokeUserSessions(c, u.id)
			}
			c.emit("user.updated", u.json())
			out = append(out, u.json())
		}
		return http.StatusOK, out, nil
	}
}

func (e *Emulator) disableMFA(c *call) (int, any, error) {
	u, err := e.findUser(c.param("user_id"))
	if err != nil {
		return 0, nil, err
	}
	if u.totpSecret != "" || len(u.backupCodes) > 0 {
		u.totpSecret, u.backupCodes, u.updatedAt = "", nil, e.ms()
		c.emit("user.updated", u.json())
	}
	return http.StatusOK, &clerk.MFAResult{UserID: ptr(u.id)}, nil
}

// deleteSecondFactor removes one second factor of the user (drop reports
// whether the user had it); a user without it is 404, as on Clerk.
func (e *Emulator) deleteSecondFactor(what string, drop func(*user) bool) handler {
	return func(c *call) (int, any, error) {
		u, err := e.findUser(c.param("user_id"))
		if err != nil {
			return 0, nil, err
		}
		if !drop(u) {
			return 0, nil, notFound(what + " of user " + u.id)
		}
		u.updatedAt = e.ms()
		c.emit("user.updated", u.json())
		return http.StatusOK, &clerk.MFAResult{UserID: ptr(u.id)}, nil
	}
}

// verifyTOTP checks a TOTP code against the user's secret, then a backup
// code, which is used up: 400 totp_disabled for a user with neither, 422
// for a wrong code, as the spec documents.
func (e *Emulator) verifyTOTP(c *call) (int, any, error) {
	u, err := e.findUser(c.param("user_id"))
	if err != nil {
		return 0, nil, err
	}
	var p users.VerifyTOTPParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("code", p.Code); err != nil {
		return 0, nil, err
	}
	if u.totpSecret == "" && len(u.backupCodes) == 0 {
		return 0, nil, fail(http.StatusBadRequest, "totp_disabled", "TOTP is disabled", "This user does not have TOTP enabled in their account")
	}
	if u.totpSecret != "" && totpValid(u.totpSecret, p.Code, e.now()) {
		return http.StatusOK, verified("totp"), nil
	}
	for i, b := range u.backupCodes {
		if subtle.ConstantTimeCompare([]byte(b), []byte(p.Code)) == 1 {
			u.backupCodes = slices.Delete(slices.Clone(u.backupCodes), i, i+1)
			u.updatedAt = e.ms()
			return http.StatusOK, verified("backup_code"), nil
		}
	}
	return 0, nil, fail(http.StatusUnprocessableEntity, "form_code_incorrect", "Incorrect code", "The code is incorrect.")
}

// verified is the answer to a code that verify_totp accepted.
func verified(codeType clerk.TOTPVerificationCodeType) *clerk.TOTPVerification {
	return &clerk.TOTPVerification{Verified: ptr(true), CodeType: &codeType}
}

// noUserChild answers an operation on a sub-resource emulated users never have.
func (e *Emulator) noUserChild(what, param string) handler {
	return func(c *call) (int, any, error) {
		if _, err := e.findUser(c.param("user_id")); err != nil {
			return 0, nil, err
		}
		return 0, nil, notFound(what + " " + c.param(param))
	}
}

func (e *Emulator) listTrustedDevices(c *call) (int, any, error) {
	if _, err := e.findUser(c.param("user_id")); err != nil {
		return 0, nil, err
	}
	return http.StatusOK, list[*clerk.TrustedDevice]{Data: []*clerk.TrustedDevice{}}, nil
}

// oauthAccessTokens answers an empty list: emulated users have no
// external accounts to hold tokens.
func (e *Emulator) oauthAccessTokens(c *call) (int, any, error) {
	if _, err := e.findUser(c.param("user_id")); err != nil {
		return 0, nil, err
	}
	if !strings.HasPrefix(c.param("provider"), "oauth_") && !strings.HasPrefix(c.param("provider"), "custom_") {
		return 0, nil, invalidParam("provider", "provider must be an OAuth provider such as oauth_google.")
	}
	var p users.ListOAuthAccessTokensParams
	if err := decodeQuery(c, &p); err != nil {
		return 0, nil, err
	}
	return listAnswer(p.ListParams, p.Paginated, []*clerk.OAuthAccessToken{}, false)
}

// userOrgInvitations lists the organization invitations sent to any of
// the user's email addresses.
func (e *Emulator) userOrgInvitations(c *call) (int, any, error) {
	u, err := e.findUser(c.param("user_id"))
	if err != nil {
		return 0, nil, err
	}
	var p users.ListOrganizationInvitationsParams
	limit, offset, err := decodeListQuery(c, &p, &p.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	status := p.Status.Or("")
	var out []*clerk.OrganizationInvitationWithPublicOrganizationData
	for _, i := range e.sortedOrgInvites() {
		if !u.hasEmail(i.email) || status != "" && i.status != status {
			continue
		}
		out = append(out, e.orgInvitationWithOrg(i))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

func (e *Emulator) removePassword(c *call) (int, any, error) {
	u, err := e.findUser(c.param("user_id"))
	if err != nil {
		return 0, nil, err
	}
	var p users.RemovePasswordParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if u.passwordHash == nil {
		return 0, nil, noPasswordSet()
	}
	u.passwordHash, u.passwordSalt, u.passwordUpdated, u.updatedAt = nil, nil, nil, e.ms()
	if p.SignOutOfOtherSessions.Or(false) {
		e.revokeUserSessions(c, u.id)
	}
	c.emit("user.updated", u.json())
	return http.StatusOK, u.json(), nil
}

// setProfileImage records an uploaded image (the multipart file must be
// present) or removes it.
func (e *Emulator) setProfileImage(upload bool) handler {
	return func(c *call) (int, any, error) {
		u, err := e.findUser(c.param("user_id"))
		if err != nil {
			return 0, nil, err
		}
		if upload {
			if err := c.uploadedFile(); err != nil {
				return 0, nil, err
			}
		}
		u.hasImage, u.updatedAt = upload, e.ms()
		c.emit("user.updated", u.json())
		return http.StatusOK, u.json(), nil
	}
}
