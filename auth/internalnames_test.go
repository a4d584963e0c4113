package auth

import (
	"testing"

	"github.com/clerkgo/clerk/auth/internal/machine"
	"github.com/clerkgo/clerk/auth/internal/reason"
	"github.com/clerkgo/clerk/auth/internal/session"
)

// TestInternalNamesMatch keeps the public reasons, statuses and token types
// spelled as the internal packages spell the ones they decide.
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
		ReasonTokenNotActiveYet:       reason.TokenNotActiveYet,
		ReasonTokenIatInTheFuture:     reason.TokenIatInTheFuture,
		ReasonSessionTokenMissing:     reason.SessionTokenMissing,
		ReasonTokenTypeMismatch:       reason.TokenTypeMismatch,

		ReasonActiveOrganizationMismatch:     reason.ActiveOrganizationMismatch,
		ReasonClientUATWithoutSessionToken:   reason.ClientUATWithoutSessionToken,
		ReasonDevBrowserMissing:              reason.DevBrowserMissing,
		ReasonDevBrowserSync:                 reason.DevBrowserSync,
		ReasonPrimaryDomainCrossOriginSync:   reason.PrimaryDomainCrossOriginSync,
		ReasonSatelliteNeedsSyncing:          reason.SatelliteNeedsSyncing,
		ReasonSessionTokenAndUATMissing:      reason.SessionTokenAndUATMissing,
		ReasonSessionTokenIATBeforeClientUAT: reason.SessionTokenIATBeforeClientUAT,
		ReasonSessionTokenNBF:                reason.SessionTokenNBF,
		ReasonSessionTokenIatInTheFuture:     reason.SessionTokenIatInTheFuture,
		ReasonSessionTokenWithoutClientUAT:   reason.SessionTokenWithoutClientUAT,
		ReasonHandshakeURLInvalid:            reason.HandshakeURLInvalid,
		ReasonHandshakeUnavailable:           reason.HandshakeUnavailable,
	} {
		if string(public) != internal {
			t.Errorf("auth reason %q, internal %q", public, internal)
		}
	}
	for public, internal := range map[Status]string{SignedIn: session.SignedIn, SignedOut: session.SignedOut, Handshake: session.Handshake} {
		if string(public) != internal {
			t.Errorf("auth status %q, session %q", public, internal)
		}
	}
	for public, internal := range map[TokenType]machine.Kind{APIKey: machine.APIKey, M2MToken: machine.M2M, OAuthToken: machine.OAuth} {
		if string(public) != string(internal) {
			t.Errorf("auth token type %q, internal %q", public, internal)
		}
	}
}
