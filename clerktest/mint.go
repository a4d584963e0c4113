package clerktest

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

const (
	defaultAZP      = "http://localhost:3000"
	defaultTokenTTL = 60 * time.Second
)

// ErrUnknownUser is returned by MintSessionToken for a user the emulator
// does not have.
var ErrUnknownUser = errors.New("clerktest: unknown user")

// TokenOption customizes a token minted by MintSessionToken.
type TokenOption func(*tokenOptions)

type tokenOptions struct {
	orgID       string
	role        string
	permissions []string
	status      string
	expiry      time.Duration
	azp         string
	features    []string
	plans       []string
}

// WithOrganization makes the token carry organization claims (v2 "o"):
// the org ID, its slug when the emulator knows the org, the role (with or
// without the "org:" prefix) and permissions of the form
// "org:<feature>:<permission>". When role is empty and the user is a member,
// the membership's role and permissions are used.
func WithOrganization(orgID, role string, permissions ...string) TokenOption {
	return func(o *tokenOptions) { o.orgID, o.role, o.permissions = orgID, role, permissions }
}

// WithStatus sets the session status claim sts ("active" or "pending").
func WithStatus(status string) TokenOption { return func(o *tokenOptions) { o.status = status } }

// WithExpiry sets the token lifetime from the emulator clock (default 60 s);
// a negative value mints an already expired token.
func WithExpiry(d time.Duration) TokenOption { return func(o *tokenOptions) { o.expiry = d } }

// WithAuthorizedParty sets the azp claim (default http://localhost:3000).
func WithAuthorizedParty(azp string) TokenOption { return func(o *tokenOptions) { o.azp = azp } }

// WithFeatures adds scoped feature names to the fea claim, such as
// "u:beta" or "o:dashboard".
func WithFeatures(features ...string) TokenOption {
	return func(o *tokenOptions) { o.features = append(o.features, features...) }
}

// WithPlans sets the pla claim, scoped plan slugs such as "u:pro" or "o:business".
func WithPlans(plans ...string) TokenOption {
	return func(o *tokenOptions) { o.plans = append(o.plans, plans...) }
}

// MintSessionToken returns an RS256 session token for userID signed with the
// emulator's key, in Clerk's v2 claim format. Its sid is the user's most
// recent active session, created (with a session.created webhook) when the
// user has none.
func (e *Emulator) MintSessionToken(userID string, opts ...TokenOption) (string, error) {
	o := tokenOptions{status: "active", expiry: defaultTokenTTL, azp: defaultAZP}
	for _, opt := range opts {
		opt(&o)
	}
	e.mu.Lock()
	u, ok := e.st.users[userID]
	if !ok {
		e.mu.Unlock()
		return "", fmt.Errorf("clerktest: mint session token for %q: %w", userID, ErrUnknownUser)
	}
	var events []event
	s := e.latestSession(userID)
	if s == nil {
		s = e.newSession(u, nil)
		c := &call{e: e}
		c.emit("session.created", e.sessionEvent(s))
		events = c.events
	}
	if o.orgID != "" && o.role == "" {
		if m := e.membershipOf(o.orgID, userID); m != nil {
			o.role = m.role
			if o.permissions == nil {
				o.permissions = e.membershipPermissions(m)
			}
		}
	}
	claims, err := e.sessionClaims(s, o)
	e.mu.Unlock()
	e.hooks.enqueue(events)
	if err != nil {
		return "", err
	}
	return e.signJWT(claims)
}

func (e *Emulator) latestSession(userID string) *session {
	var best *session
	for _, s := range e.st.sessions {
		if s.userID == userID && s.status == "active" && (best == nil || s.seq > best.seq) {
			best = s
		}
	}
	return best
}

// sessionClaims builds the v2 claims of a session token.
func (e *Emulator) sessionClaims(s *session, o tokenOptions) (map[string]any, error) {
	now := e.now()
	claims := map[string]any{
		"iss": e.keys.frontendAPI,
		"sub": s.userID,
		"sid": s.id,
		"iat": now.Unix(),
		"nbf": now.Unix() - 10,
		"exp": now.Add(o.expiry).Unix(),
		"azp": o.azp,
		"sts": o.status,
		"v":   2,
	}
	var orgFeatures, userFeatures []string
	for _, f := range o.features {
		switch {
		case strings.HasPrefix(f, "o:"):
			orgFeatures = append(orgFeatures, strings.TrimPrefix(f, "o:"))
		default:
			userFeatures = append(userFeatures, f)
		}
	}
	var fea []string
	if o.orgID != "" {
		features, perms, fpm, err := encodePermissions(o.permissions, orgFeatures)
		if err != nil {
			return nil, err
		}
		org := map[string]any{"id": o.orgID, "rol": strings.TrimPrefix(o.role, "org:")}
		if x, ok := e.st.orgs[o.orgID]; ok {
			org["slg"] = x.slug
		}
		if len(perms) > 0 {
			org["per"] = strings.Join(perms, ",")
		}
		if len(fpm) > 0 {
			org["fpm"] = strings.Join(fpm, ",")
		}
		claims["o"] = org
		for _, f := range features {
			fea = append(fea, "o:"+f)
		}
	}
	fea = append(fea, userFeatures...)
	if len(fea) > 0 {
		claims["fea"] = strings.Join(fea, ",")
	}
	if len(o.plans) > 0 {
		claims["pla"] = strings.Join(o.plans, ",")
	}
	return claims, nil
}

// encodePermissions turns "org:<feature>:<permission>" strings into the v2
// encoding: the features (those of the permissions first, then extra), the
// distinct permission names, and per feature a decimal bitmap over the
// permission names, least significant bit first.
func encodePermissions(perms, extra []string) (features, names, fpm []string, err error) {
	bits := map[string]uint64{}
	for _, p := range perms {
		parts := strings.Split(p, ":")
		if len(parts) != 3 || parts[0] != "org" || parts[1] == "" || parts[2] == "" {
			return nil, nil, nil, fmt.Errorf("clerktest: permission %q is not org:<feature>:<permission>", p)
		}
		if !slices.Contains(features, parts[1]) {
			features = append(features, parts[1])
		}
		idx := slices.Index(names, parts[2])
		if idx < 0 {
			if len(names) == 64 {
				return nil, nil, nil, fmt.Errorf("clerktest: more than 64 distinct permission names")
			}
			names = append(names, parts[2])
			idx = len(names) - 1
		}
		bits[parts[1]] |= 1 << uint(idx)
	}
	for _, f := range extra {
		if !slices.Contains(features, f) {
			features = append(features, f)
		}
	}
	for _, f := range features {
		fpm = append(fpm, strconv.FormatUint(bits[f], 10))
	}
	return features, names, fpm, nil
}
