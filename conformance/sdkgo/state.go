package sdkgo

import (
	"encoding/json"
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

// raw is a JSON value for the SDK's metadata and claims parameters.
func raw(v string) *json.RawMessage {
	m := json.RawMessage(v)
	return &m
}
