package naming

import "testing"

func TestCamel(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"user_id": "UserID", "image_url": "ImageURL", "client_ip": "ClientIP", "saml_connection": "SAMLConnection",
		"oauth_access_token": "OAuthAccessToken", "last4": "Last4", "totp_enabled": "TOTPEnabled", "BillingPlan": "BillingPlan",
		"allow_idp_initiated": "AllowIdPInitiated", "JWKS.rsa.PublicKey": "JWKSRSAPublicKey", "verification_otp": "VerificationOTP",
		"3ds": "N3ds", "CommercePlan": "CommercePlan", "m2m_tokens": "M2MTokens", "user_ids": "UserIDs",
	}
	for in, want := range tests {
		if got := Camel(in); got != want {
			t.Errorf("Camel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLowerCamel(t *testing.T) {
	t.Parallel()
	tests := map[string]string{"user_id": "userID", "id": "id", "oauth_application_id": "oauthApplicationID", "type": "type_"}
	for in, want := range tests {
		if got := LowerCamel(in); got != want {
			t.Errorf("LowerCamel(%q) = %q, want %q", in, got, want)
		}
	}
}
