package auth

import (
	"errors"
	"fmt"
)

// Reason is the machine-readable cause of a refused token, spelled like the
// reason codes of Clerk's JavaScript backend SDK.
type Reason string

// The reasons a token can be refused.
const (
	ReasonTokenExpired                  Reason = "token-expired"
	ReasonTokenInvalid                  Reason = "token-invalid"
	ReasonTokenInvalidAlgorithm         Reason = "token-invalid-algorithm"
	ReasonTokenInvalidAuthorizedParties Reason = "token-invalid-authorized-parties"
	ReasonTokenInvalidSignature         Reason = "token-invalid-signature"
	ReasonTokenNotActiveYet             Reason = "token-not-active-yet"
	ReasonTokenIatInTheFuture           Reason = "token-iat-in-the-future"
	ReasonTokenVerificationFailed       Reason = "token-verification-failed"
	ReasonTokenInvalidIssuer            Reason = "token-invalid-issuer"
	ReasonJWKKidMismatch                Reason = "jwk-kid-mismatch"
	ReasonJWKFailedToResolve            Reason = "jwk-failed-to-resolve"
	ReasonJWKRemoteFailedToLoad         Reason = "jwk-remote-failed-to-load"
	ReasonSecretKeyInvalid              Reason = "secret-key-invalid"
	ReasonTokenTypeMismatch             Reason = "token-type-mismatch"
	ReasonSessionTokenMissing           Reason = "session-token-missing"
	ReasonUnexpectedError               Reason = "unexpected-error"
)

// Sentinels matched by errors.Is against a *TokenError of the same reason.
var (
	ErrTokenExpired                  = errors.New("auth: " + string(ReasonTokenExpired))
	ErrTokenInvalid                  = errors.New("auth: " + string(ReasonTokenInvalid))
	ErrTokenInvalidAlgorithm         = errors.New("auth: " + string(ReasonTokenInvalidAlgorithm))
	ErrTokenInvalidAuthorizedParties = errors.New("auth: " + string(ReasonTokenInvalidAuthorizedParties))
	ErrTokenInvalidSignature         = errors.New("auth: " + string(ReasonTokenInvalidSignature))
	ErrTokenNotActiveYet             = errors.New("auth: " + string(ReasonTokenNotActiveYet))
	ErrTokenIatInTheFuture           = errors.New("auth: " + string(ReasonTokenIatInTheFuture))
	ErrTokenVerificationFailed       = errors.New("auth: " + string(ReasonTokenVerificationFailed))
	ErrTokenInvalidIssuer            = errors.New("auth: " + string(ReasonTokenInvalidIssuer))
	ErrJWKKidMismatch                = errors.New("auth: " + string(ReasonJWKKidMismatch))
	ErrJWKFailedToResolve            = errors.New("auth: " + string(ReasonJWKFailedToResolve))
	ErrJWKRemoteFailedToLoad         = errors.New("auth: " + string(ReasonJWKRemoteFailedToLoad))
	ErrSecretKeyInvalid              = errors.New("auth: " + string(ReasonSecretKeyInvalid))
	ErrTokenTypeMismatch             = errors.New("auth: " + string(ReasonTokenTypeMismatch))
	ErrSessionTokenMissing           = errors.New("auth: " + string(ReasonSessionTokenMissing))
	ErrUnexpectedError               = errors.New("auth: " + string(ReasonUnexpectedError))
)

// Sentinel returns the errors.Is sentinel of r, or nil for an unknown reason.
func (r Reason) Sentinel() error {
	switch r {
	case ReasonTokenExpired:
		return ErrTokenExpired
	case ReasonTokenInvalid:
		return ErrTokenInvalid
	case ReasonTokenInvalidAlgorithm:
		return ErrTokenInvalidAlgorithm
	case ReasonTokenInvalidAuthorizedParties:
		return ErrTokenInvalidAuthorizedParties
	case ReasonTokenInvalidSignature:
		return ErrTokenInvalidSignature
	case ReasonTokenNotActiveYet:
		return ErrTokenNotActiveYet
	case ReasonTokenIatInTheFuture:
		return ErrTokenIatInTheFuture
	case ReasonTokenVerificationFailed:
		return ErrTokenVerificationFailed
	case ReasonTokenInvalidIssuer:
		return ErrTokenInvalidIssuer
	case ReasonJWKKidMismatch:
		return ErrJWKKidMismatch
	case ReasonJWKFailedToResolve:
		return ErrJWKFailedToResolve
	case ReasonJWKRemoteFailedToLoad:
		return ErrJWKRemoteFailedToLoad
	case ReasonSecretKeyInvalid:
		return ErrSecretKeyInvalid
	case ReasonTokenTypeMismatch:
		return ErrTokenTypeMismatch
	case ReasonSessionTokenMissing:
		return ErrSessionTokenMissing
	case ReasonUnexpectedError:
		return ErrUnexpectedError
	}
	return nil
}

// TokenError reports why a token was refused. Its message never contains the
// token or any secret.
type TokenError struct {
	Reason  Reason // Clerk's reason code
	Message string // a short human explanation
	Err     error  // the underlying cause, if any
}

// Error describes the failure as "auth: <reason>: <message>".
func (e *TokenError) Error() string {
	msg := "auth: " + string(e.Reason)
	if e.Message != "" {
		msg += ": " + e.Message
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the underlying cause.
func (e *TokenError) Unwrap() error { return e.Err }

// Is reports whether target is the sentinel of e's reason.
func (e *TokenError) Is(target error) bool {
	s := e.Reason.Sentinel()
	return s != nil && s == target
}

// tokenErr builds a *TokenError with a formatted message.
func tokenErr(r Reason, format string, args ...any) *TokenError {
	return &TokenError{Reason: r, Message: fmt.Sprintf(format, args...)}
}
