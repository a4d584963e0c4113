package jwt

import (
	"context"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth/internal/reason"
	jose "github.com/go-jose/go-jose/v4"
)

// loadJWKS fetches GET /jwks and keeps the RSA signing keys of at least 2048
// bits, by kid. A 401 clerk_key_invalid is secret-key-invalid; any other
// failure, or a set without a usable key, is jwk-remote-failed-to-load.
func loadJWKS(ctx context.Context, c *clerk.Client) (map[string]*rsa.PublicKey, error) {
	var out struct {
		Keys []json.RawMessage `json:"keys"`
	}
	err := c.Do(ctx, &clerk.Request{Method: http.MethodGet, Path: "/jwks"}, &out)
	if err != nil {
		var apiErr *clerk.APIError
		if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusUnauthorized && hasCode(apiErr, "clerk_key_invalid") {
			return nil, &reason.Error{Reason: reason.SecretKeyInvalid, Message: "the secret key was refused while loading the JWKS", Err: err}
		}
		return nil, &reason.Error{Reason: reason.RemoteFailedToLoad, Message: "loading the JWKS", Err: err}
	}
	keys := make(map[string]*rsa.PublicKey, len(out.Keys))
	for _, raw := range out.Keys {
		var jwk jose.JSONWebKey
		if jwk.UnmarshalJSON(raw) != nil {
			continue
		}
		rk, ok := jwk.Key.(*rsa.PublicKey)
		if !ok || rk.N.BitLen() < MinRSABits {
			continue
		}
		if (jwk.Use != "" && jwk.Use != "sig") || (jwk.Algorithm != "" && jwk.Algorithm != "RS256") {
			continue
		}
		keys[jwk.KeyID] = rk
	}
	if len(keys) == 0 {
		return nil, &reason.Error{Reason: reason.RemoteFailedToLoad, Message: "the JWKS holds no usable RS256 key"}
	}
	return keys, nil
}

// hasCode reports whether the API error carries the given error code.
func hasCode(e *clerk.APIError, code string) bool {
	for _, d := range e.Errors {
		if d.Code == code {
			return true
		}
	}
	return false
}
