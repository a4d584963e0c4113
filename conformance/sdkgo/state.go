package sdkgo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/clerk/clerk-sdk-go/v2"

	"github.com/clerkgo/clerk/conformance"
)

// State is what the steps share: the emulator and what earlier calls made.
type State struct {
	Emulator *conformance.Emulator
	rec      *recorder

	Mia, Leo, Tess, Ada, Grace *clerk.User
	Email                      *clerk.EmailAddress
	Phone                      *clerk.PhoneNumber
	Org                        *clerk.Organization
	OrgInvitation              *clerk.OrganizationInvitation
	OrgDomain                  *clerk.OrganizationDomain
	Invitation                 *clerk.Invitation
	Invitations                []*clerk.Invitation
	Allow                      *clerk.AllowlistIdentifier
	Block                      *clerk.BlocklistIdentifier
	Session                    *clerk.Session
	Template                   *clerk.JWTTemplate
	SignInToken                *clerk.SignInToken
	ActorToken                 *clerk.ActorToken
	Redirect                   *clerk.RedirectURL
	Domain                     *clerk.Domain
	OAuthApp                   *clerk.OAuthApplication
	Machine, Machine2          *clerk.MachineWithScopedMachinesAndSecretKey
	M2M                        *clerk.M2MTokenWithToken
	SAML                       *clerk.SAMLConnection
	SubscriptionItems          []clerk.SubscriptionItem
	SessionJWT                 string

	// Filled by the steps of newer versions.
	Extra map[string]string
}

// withKey runs fn with the default backend using key (a machine secret
// key, for the M2M token routes), then restores the instance key.
func (s *State) withKey(key string, fn func() error) error {
	s.setBackend(key)
	defer s.setBackend(s.Emulator.SecretKey)
	return fn()
}

func (s *State) setBackend(key string) {
	clerk.SetBackend(clerk.NewBackend(&clerk.BackendConfig{
		Key:        clerk.String(key),
		URL:        clerk.String(s.Emulator.BaseURL + "/v1"),
		HTTPClient: &http.Client{Transport: s.rec, Timeout: 30 * time.Second},
	}))
}

// BAPI calls the Backend API directly, unrecorded, and decodes the answer
// into out: for steps that recover from a failed call (see Step.Recover).
func (s *State) BAPI(ctx context.Context, method, path string, body any, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.Emulator.BaseURL+"/v1"+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.Emulator.SecretKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s %s: status %d", method, path, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// raw is a JSON value for the SDK's metadata and claims parameters.
func raw(v string) *json.RawMessage {
	m := json.RawMessage(v)
	return &m
}
