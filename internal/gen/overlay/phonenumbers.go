package overlay

// phoneNumbersOps names the phone number calls.
func phoneNumbersOps() map[string]Op {
	return map[string]Op{
		"CreatePhoneNumber":              {Package: "phonenumbers", Method: "Create", Doc: "adds a phone number to a user."},
		"GetPhoneNumber":                 {Package: "phonenumbers", Method: "Get", Doc: "fetches one phone number by ID."},
		"UpdatePhoneNumber":              {Package: "phonenumbers", Method: "Update", Doc: "changes whether a phone number is verified, primary or kept for second-factor use."},
		"DeletePhoneNumber":              {Package: "phonenumbers", Method: "Delete", Doc: "removes a phone number from its user."},
		"PreparePhoneNumberVerification": {Package: "phonenumbers", Method: "PrepareVerification", Doc: "starts verifying a phone number by texting it a one-time code.", Response: "Verification"},
		"AttemptPhoneNumberVerification": {Package: "phonenumbers", Method: "AttemptVerification", Doc: "submits the one-time code received on a phone number to complete its verification.", Response: "Verification"},
		"ReplaceUserPhoneNumber":         {Package: "phonenumbers", Method: "ReplaceForUser", Doc: "swaps all of a user's phone numbers for a single new primary one."},
	}
}
