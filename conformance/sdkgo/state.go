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
	Emulator *conformance.Emulator // the standalone emulator the steps call
	rec      *recorder

	// What earlier steps made, for the steps that read, update or delete it.
	// A step whose creation failed leaves its field nil, and its Recover
	// makes one another way.
	Mia, Leo, Tess, Ada, Grace *clerk.User                                  // five users with different identifiers
	Email                      *clerk.EmailAddress                          // a second address of one user
	Phone                      *clerk.PhoneNumber                           // a phone number of one user
	Org                        *clerk.Organization                          // the organization of the membership steps
	OrgInvitation              *clerk.OrganizationInvitation                // a pending invitation to Org
	OrgDomain                  *clerk.OrganizationDomain                    // a domain of Org
	Invitation                 *clerk.Invitation                            // an instance invitation, revoked later
	Invitations                []*clerk.Invitation                          // the bulk-created invitations
	Allow                      *clerk.AllowlistIdentifier                   // deleted by a later step
	Block                      *clerk.BlocklistIdentifier                   // deleted by a later step
	Session                    *clerk.Session                               // made through the emulator's control API
	Template                   *clerk.JWTTemplate                           // used to mint a session JWT
	SignInToken                *clerk.SignInToken                           // revoked later
	ActorToken                 *clerk.ActorToken                            // revoked later
	Redirect                   *clerk.RedirectURL                           // deleted later
	Domain                     *clerk.Domain                                // a satellite domain
	OAuthApp                   *clerk.OAuthApplication                      // its secret is rotated later
	Machine, Machine2          *clerk.MachineWithScopedMachinesAndSecretKey // Machine2 is given scope over Machine
	M2M                        *clerk.M2MTokenWithToken                     // issued by Machine, verified and revoked later
	SAML                       *clerk.SAMLConnection                        // updated and deleted later
	SubscriptionItems          []clerk.SubscriptionItem                     // of Mia's default plan
	SessionJWT                 string                                       // a session token minted by the emulator, for jwt.Verify

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
