package overlay

// emailAddressesOps names the email address calls.
func emailAddressesOps() map[string]Op {
	return map[string]Op{
		"CreateEmailAddress":              {Package: "emailaddresses", Method: "Create", Doc: "adds an email address to a user."},
		"GetEmailAddress":                 {Package: "emailaddresses", Method: "Get", Doc: "fetches one email address by ID."},
		"UpdateEmailAddress":              {Package: "emailaddresses", Method: "Update", Doc: "changes whether an email address is verified or primary."},
		"DeleteEmailAddress":              {Package: "emailaddresses", Method: "Delete", Doc: "removes an email address from its user."},
		"PrepareEmailAddressVerification": {Package: "emailaddresses", Method: "PrepareVerification", Doc: "starts verifying an email address by sending it a one-time code.", Response: "Verification"},
		"AttemptEmailAddressVerification": {Package: "emailaddresses", Method: "AttemptVerification", Doc: "submits the one-time code received at an email address to complete its verification.", Response: "Verification"},
		"ReplaceUserEmailAddress":         {Package: "emailaddresses", Method: "ReplaceForUser", Doc: "swaps all of a user's email addresses for a single new primary one."},
	}
}
