// Package reason carries Clerk's reason codes out of auth's internal
// packages: an *Error names why a token or key was refused in Clerk's words
// (token-invalid, jwk-kid-mismatch, ...), and package auth turns it into
// its public *auth.TokenError at the boundary.
package reason

// Clerk's reasons that the internal packages decide.
const (
	TokenInvalid            = "token-invalid"
	TokenExpired            = "token-expired"
	TokenVerificationFailed = "token-verification-failed"
	KidMismatch             = "jwk-kid-mismatch"
	RemoteFailedToLoad      = "jwk-remote-failed-to-load"
	SecretKeyInvalid        = "secret-key-invalid"
	UnexpectedError         = "unexpected-error"
)

// Error is a refusal with Clerk's reason.
type Error struct {
	Reason  string
	Message string
	Err     error // the underlying failure, when any
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Reason + ": " + e.Message + ": " + e.Err.Error()
	}
	return e.Reason + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.Err }
