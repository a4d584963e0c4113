package auth

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth/internal/jwt"
)

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

// verifyOpaque asks the Backend API about an opaque machine token.
func (v *Verifier) verifyOpaque(ctx context.Context, typ TokenType, token string) (*MachineAuth, error) {
	if v.client == nil {
		return nil, tokenErr(ReasonUnexpectedError, "verifying a %s needs Config.Client", typ)
	}
	req := &clerk.Request{Method: http.MethodPost}
	var opts []clerk.RequestOption
	switch typ {
	case APIKey:
		req.Path, req.Body = "/api_keys/verify", map[string]string{"secret": token}
	case M2MToken:
		req.Path, req.Body = "/m2m_tokens/verify", map[string]string{"token": token}
		if v.machineSecretKey != "" {
			opts = append(opts, clerk.WithHeader("Authorization", "Bearer "+v.machineSecretKey))
		}
	default:
		req.Path, req.Body = "/oauth_applications/access_tokens/verify", map[string]string{"access_token": token}
	}
	var out verifyResponse
	if err := v.client.Do(ctx, req, &out, opts...); err != nil {
		return nil, remoteError(typ, err)
	}
	switch {
	case out.Active != nil && !*out.Active, out.Expired:
		return nil, tokenErr(ReasonTokenExpired, "the %s has expired", typ)
	case out.Revoked:
		return nil, tokenErr(ReasonTokenInvalid, "the %s was revoked", typ)
	}
	m := &MachineAuth{
		TokenType: typ,
		ID:        out.ID,
		Subject:   out.Subject,
		Name:      out.Name,
		ClientID:  out.ClientID,
		Scopes:    out.Scopes,
		Claims:    out.Claims,
	}
	if out.Expiration != nil {
		m.Expiration = expirationTime(*out.Expiration)
	}
	m.setSubjectIDs()
	return m, nil
}

// remoteError maps a failed verify call: 401 secret-key-invalid, 404
// token-invalid, anything else unexpected-error.
func remoteError(typ TokenType, err error) error {
	var apiErr *clerk.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.StatusCode {
		case http.StatusUnauthorized:
			return &TokenError{Reason: ReasonSecretKeyInvalid, Message: "the secret key was refused while verifying a " + string(typ), Err: err}
		case http.StatusNotFound:
			return &TokenError{Reason: ReasonTokenInvalid, Message: "unknown " + string(typ), Err: err}
		}
	}
	return &TokenError{Reason: ReasonUnexpectedError, Message: "verifying a " + string(typ), Err: err}
}

// expirationTime reads an expiration that the API sends in milliseconds for
// some token kinds and in seconds for others: values above 1e11 (the year
// 5138 in seconds) are taken as milliseconds.
func expirationTime(f float64) time.Time {
	if f > 1e11 {
		f /= 1000
	}
	return secondsToTime(jwt.NumberClaim{Val: f, Present: true, OK: true})
}
