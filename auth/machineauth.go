package auth

import (
	"strings"
	"time"
)

// MachineAuth is a verified machine token: an API key, an M2M token or an
// OAuth access token.
type MachineAuth struct {
	TokenType  TokenType      // APIKey, M2MToken or OAuthToken
	ID         string         // ak_/mt_/oat_ identifier, or the JWT's jti
	Subject    string         // user_, org_ or mch_ identifier
	Name       string         // the API key's name, when any
	ClientID   string         // the OAuth application's client ID, when any
	Scopes     []string       // granted scopes (M2M: the machines it may reach)
	Claims     map[string]any // custom claims, when any
	Expiration time.Time      // zero when the token does not expire

	// UserID is the subject when it is a user (user_...).
	UserID string
	// OrgID is the subject when it is an organization (org_...).
	OrgID string
	// MachineID is the subject when it is a machine (mch_...).
	MachineID string
}

// setSubjectIDs fills UserID, OrgID or MachineID from the subject prefix.
func (m *MachineAuth) setSubjectIDs() {
	switch {
	case strings.HasPrefix(m.Subject, prefixUser):
		m.UserID = m.Subject
	case strings.HasPrefix(m.Subject, prefixOrg):
		m.OrgID = m.Subject
	case strings.HasPrefix(m.Subject, prefixMch):
		m.MachineID = m.Subject
	}
}
