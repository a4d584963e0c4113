package auth

import (
	"net/http"

	"github.com/clerkgo/clerk"
)

// observe tells the Verifier's Observer how r was decided.
func (v *Verifier) observe(r *http.Request, a *Auth) {
	v.observer.AuthDecision(r.Context(), clerk.AuthDecision{
		Outcome:       string(a.Status),
		Authenticated: a.IsAuthenticated,
		Reason:        string(a.Reason),
		TokenType:     string(a.TokenType),
	})
}
