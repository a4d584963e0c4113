package clerktest

import (
	"crypto/subtle"
	"net/http"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/users"
)

// The user operations beyond create, read, update and delete. Emulated
// users have TOTP and backup codes only when created or updated with
// totp_secret and backup_codes; they have no passkeys, external accounts
// or trusted devices (creating them needs the Frontend API), so the
// operations on those answer as Clerk does for a user without them.

func (e *Emulator) userExtraRoutes(t []route) []route {
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
	return listAnswer(c, []*clerk.OAuthAccessToken{}, false)
}

// userOrgInvitations lists the organization invitations sent to any of
// the user's email addresses.
func (e *Emulator) userOrgInvitations(c *call) (int, any, error) {
	u, err := e.findUser(c.param("user_id"))
	if err != nil {
		return 0, nil, err
	}
	limit, offset, err := page(c.query, 500)
	if err != nil {
		return 0, nil, err
	}
	status := c.query.Get("status")
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
