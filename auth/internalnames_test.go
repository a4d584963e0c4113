package auth

import (
	"testing"

	"github.com/clerkgo/clerk/auth/internal/machine"
	"github.com/clerkgo/clerk/auth/internal/reason"
)

// TestInternalNamesMatch keeps the public reasons and token types spelled
// as the internal packages spell the ones they decide.
func TestInternalNamesMatch(t *testing.T) {
	t.Parallel()
	for public, internal := range map[Reason]string{
		ReasonTokenInvalid:            reason.TokenInvalid,
		ReasonTokenExpired:            reason.TokenExpired,
		ReasonTokenVerificationFailed: reason.TokenVerificationFailed,
		ReasonJWKKidMismatch:          reason.KidMismatch,
		ReasonJWKRemoteFailedToLoad:   reason.RemoteFailedToLoad,
		ReasonSecretKeyInvalid:        reason.SecretKeyInvalid,
		ReasonUnexpectedError:         reason.UnexpectedError,
	} {
		if string(public) != internal {
			t.Errorf("auth reason %q, internal %q", public, internal)
		}
	}
	for public, internal := range map[TokenType]machine.Kind{APIKey: machine.APIKey, M2MToken: machine.M2M, OAuthToken: machine.OAuth} {
		if string(public) != string(internal) {
			t.Errorf("auth token type %q, internal %q", public, internal)
		}
	}
}
