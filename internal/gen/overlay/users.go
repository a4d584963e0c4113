package overlay

// usersOps names the 32 operations on users that are not billing calls.
func usersOps() map[string]Op {
	return map[string]Op{
		"GetUserList":                     {Package: "users", Method: "List", Doc: "returns one page of the instance's users, filtered and ordered as asked."},
		"GetUsersCount":                   {Package: "users", Method: "Count", Doc: "returns how many users match the given filters."},
		"GetUser":                         {Package: "users", Method: "Get", Doc: "fetches one user by ID."},
		"CreateUser":                      {Package: "users", Method: "Create", Doc: "adds a user to the instance, bypassing the sign-up flow."},
		"UpdateUser":                      {Package: "users", Method: "Update", Doc: "changes the given fields of a user and leaves the rest as they are."},
		"DeleteUser":                      {Package: "users", Method: "Delete", Doc: "removes a user and everything attached to it."},
		"BanUser":                         {Package: "users", Method: "Ban", Doc: "bans a user, signing them out and blocking any new sign-in."},
		"UnbanUser":                       {Package: "users", Method: "Unban", Doc: "lifts the ban on a user so they can sign in again."},
		"UsersBan":                        {Package: "users", Method: "BanBulk", Doc: "bans several users in one call and returns them.", Params: map[string]string{"user_ids": "UserIDs"}},
		"UsersUnban":                      {Package: "users", Method: "UnbanBulk", Doc: "lifts the ban on several users in one call and returns them.", Params: map[string]string{"user_ids": "UserIDs"}},
		"LockUser":                        {Package: "users", Method: "Lock", Doc: "locks a user out of signing in until they are unlocked or the lockout expires."},
		"UnlockUser":                      {Package: "users", Method: "Unlock", Doc: "clears a lockout so the user can sign in again."},
		"SetUserProfileImage":             {Package: "users", Method: "UploadProfileImage", Doc: "uploads a new profile image for a user as a multipart form."},
		"DeleteUserProfileImage":          {Package: "users", Method: "DeleteProfileImage", Doc: "removes a user's uploaded profile image."},
		"UpdateUserMetadata":              {Package: "users", Method: "UpdateMetadata", Doc: "deep-merges the given public, private and unsafe metadata into a user's metadata."},
		"ReplaceUserMetadata":             {Package: "users", Method: "ReplaceMetadata", Doc: "overwrites a user's public, private and unsafe metadata with the given values."},
		"GetOAuthAccessToken":             {Package: "users", Method: "ListOAuthAccessTokens", Doc: "returns one page of the OAuth access tokens a user holds for one provider."},
		"UsersGetOrganizationMemberships": {Package: "users", Method: "ListOrganizationMemberships", Doc: "returns one page of the organizations a user belongs to, with their role in each."},
		"UsersGetOrganizationInvitations": {Package: "users", Method: "ListOrganizationInvitations", Doc: "returns one page of the organization invitations sent to a user."},
		"RemoveUserPassword":              {Package: "users", Method: "RemovePassword", Doc: "deletes a user's password credential without asking for the current one."},
		"VerifyPassword":                  {Package: "users", Method: "VerifyPassword", Doc: "checks a password against the one stored for a user.", Response: "PasswordVerification"},
		"VerifyTOTP":                      {Package: "users", Method: "VerifyTOTP", Doc: "checks a TOTP or backup code against a user's second factor.", Response: "TOTPVerification"},
		"DisableMFA":                      {Package: "users", Method: "DeleteMFA", Doc: "turns off every second factor of a user at once.", Response: "MFAResult"},
		"DeleteBackupCode":                {Package: "users", Method: "DeleteBackupCodes", Doc: "invalidates all backup codes of a user.", Response: "MFAResult"},
		"DeleteTOTP":                      {Package: "users", Method: "DeleteTOTP", Doc: "removes the authenticator-app (TOTP) factor of a user.", Response: "MFAResult"},
		"UserPasskeyDelete":               {Package: "users", Method: "DeletePasskey", Doc: "removes one passkey from a user."},
		"UserWeb3WalletDelete":            {Package: "users", Method: "DeleteWeb3Wallet", Doc: "removes one Web3 wallet from a user."},
		"DeleteExternalAccount":           {Package: "users", Method: "DeleteExternalAccount", Doc: "unlinks one external (social or OAuth) account from a user."},
		"ListUserTrustedDevices":          {Package: "users", Method: "ListTrustedDevices", Doc: "returns one page of the devices a user has marked as trusted."},
		"RevokeUserTrustedDevice":         {Package: "users", Method: "RevokeTrustedDevice", Doc: "withdraws trust from one of a user's devices."},
		"SetUserPasswordCompromised":      {Package: "users", Method: "SetPasswordCompromised", Doc: "flags a user's password as compromised so they must change it at next sign-in."},
		"UnsetUserPasswordCompromised":    {Package: "users", Method: "UnsetPasswordCompromised", Doc: "clears the compromised flag on a user's password."},
	}
}
