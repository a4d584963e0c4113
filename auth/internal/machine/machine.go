// Package machine decides what a machine token grants, as Clerk's SDK
// decides it: for an opaque token (ak_, mt_, oat_), from the Backend API's
// verify endpoints, refusing an answer that says the token is revoked or
// expired; for a JWT M2M or OAuth access token whose signature and times
// package auth has already checked, from its claims (M2M scopes from the
// space-separated scopes claim, else aud; OAuth scopes from scp, else
// scope; M2M custom claims without the registered ones Clerk strips; the
// OAuth audience rule). Failures are *reason.Error values.
package machine

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth/internal/jwt"
	"github.com/clerkgo/clerk/auth/internal/reason"
)

// Kind is a machine token type, spelled as Clerk spells it.
type Kind string

// The machine token kinds.
const (
	APIKey Kind = "api_key"
	M2M    Kind = "m2m_token"
	OAuth  Kind = "oauth_token"
)

// Grant is what a verified machine token grants.
type Grant struct {
	Kind       Kind
	ID         string
	Subject    string
	Name       string
	ClientID   string
	Scopes     []string
	Claims     map[string]any
	Expiration time.Time // zero when the token does not expire
}

// verifyResponse is the union of the three verify endpoints' answers.
type verifyResponse struct {
	Object     string         `json:"object"`
	ID         string         `json:"id"`
	Subject    string         `json:"subject"`
	Name       string         `json:"name"`
	ClientID   string         `json:"client_id"`
	Claims     map[string]any `json:"claims"`
	Scopes     []string       `json:"scopes"`
	Revoked    bool           `json:"revoked"`
	Expired    bool           `json:"expired"`
	Expiration *float64       `json:"expiration"`
	Active     *bool          `json:"active"`
}

// VerifyOpaque asks the Backend API about an opaque machine token; an M2M
// token is verified with machineSecretKey when it is set, else with the
// client's secret key. Unlike Clerk, an answer that says the token is
// revoked or expired is refused.
func VerifyOpaque(ctx context.Context, c *clerk.Client, kind Kind, token, machineSecretKey string) (*Grant, error) {
	req := &clerk.Request{Method: http.MethodPost}
	var opts []clerk.RequestOption
	switch kind {
	case APIKey:
		req.Path, req.Body = "/api_keys/verify", map[string]string{"secret": token}
	case M2M:
		req.Path, req.Body = "/m2m_tokens/verify", map[string]string{"token": token}
		if machineSecretKey != "" {
			opts = append(opts, clerk.WithHeader("Authorization", "Bearer "+machineSecretKey))
		}
	default:
		req.Path, req.Body = "/oauth_applications/access_tokens/verify", map[string]string{"access_token": token}
	}
	var out verifyResponse
	if err := c.Do(ctx, req, &out, opts...); err != nil {
		return nil, remoteError(kind, err)
	}
	switch {
	case out.Active != nil && !*out.Active, out.Expired:
		return nil, &reason.Error{Reason: reason.TokenExpired, Message: "the " + string(kind) + " has expired"}
	case out.Revoked:
		return nil, &reason.Error{Reason: reason.TokenInvalid, Message: "the " + string(kind) + " was revoked"}
	}
	g := &Grant{
		Kind:     kind,
		ID:       out.ID,
		Subject:  out.Subject,
		Name:     out.Name,
		ClientID: out.ClientID,
		Scopes:   out.Scopes,
		Claims:   out.Claims,
	}
	if out.Expiration != nil {
		g.Expiration = expirationTime(*out.Expiration)
	}
	return g, nil
}

// remoteError maps a failed verify call: 401 secret-key-invalid, 404
// token-invalid, anything else unexpected-error.
func remoteError(kind Kind, err error) error {
	var apiErr *clerk.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.StatusCode {
		case http.StatusUnauthorized:
			return &reason.Error{Reason: reason.SecretKeyInvalid, Message: "the secret key was refused while verifying a " + string(kind), Err: err}
		case http.StatusNotFound:
			return &reason.Error{Reason: reason.TokenInvalid, Message: "unknown " + string(kind), Err: err}
		}
	}
	return &reason.Error{Reason: reason.UnexpectedError, Message: "verifying a " + string(kind), Err: err}
}

// expirationTime reads an expiration that the API sends in milliseconds for
// some token kinds and in seconds for others: values above 1e11 (the year
// 5138 in seconds) are taken as milliseconds.
func expirationTime(f float64) time.Time {
	if f > 1e11 {
		f /= 1000
	}
	return jwt.NumberClaim{Val: f, Present: true, OK: true}.Time()
}
