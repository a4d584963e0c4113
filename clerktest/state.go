package clerktest

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
)

// state is everything an emulator remembers; the Emulator's state lock
// guards it. Handlers of GET routes hold it shared, every other handler
// holds it exclusively.
type state struct {
	seq         int64
	users       map[string]*user
	sessions    map[string]*session
	templates   map[string]*jwtTemplate
	orgs        map[string]*organization
	memberships map[string]*membership // by ID
	orgInvites  map[string]*orgInvitation
	invitations map[string]*invitation
	apiKeys     map[string]*apiKey
	m2mTokens   map[string]*m2mToken
	plans       map[string]*plan
	planOrder   []string
	subItems    map[string]*subscriptionItem
	statements  map[string]*statement
	attempts    map[string]*paymentAttempt

	// Records kept as the generated model types.
	allowlist store[clerk.AllowlistIdentifier]
	blocklist store[clerk.BlocklistIdentifier]

	actorTokens    store[clerk.ActorToken]
	signInTokens   store[clerk.SignInToken]
	agentTasks     store[clerk.AgentTask]
	portalTokens   store[clerk.LinkToken]
	redirectURLs   store[clerk.RedirectURL]
	domains        store[clerk.Domain]
	svixApp        bool
	waitlist       store[clerk.WaitlistEntry]
	permissions    store[clerk.Permission]
	roles          store[clerk.Role]
	rolePerms      map[string][]string // role ID to permission IDs
	machines       store[machine]
	settings       settings
	orgDomains     store[clerk.OrganizationDomain]
	emailTemplates store[clerk.Template] // email and SMS templates by "type/slug"
	oauthApps      store[oauthApp]
	oauthTokens    map[string]*oauthToken
	credits        map[string]*ledger // by user or organization ID
	prices         store[clerk.BillingPrice]
	discounts      map[string]*discount
	saml           store[clerk.SAMLConnection]
	roleSets       store[roleSet]
	enterprise     store[enterpriseConn]
	directories    store[clerk.Directory]
	signUps        store[clerk.SignUp]
	// groupRoleMappings of directories (API version 2026-05-12).
	groupRoleMappings store[clerk.DirectoryGroupRoleMapping]

	// Indexes, kept in step with users and memberships by addUser,
	// removeUser, indexUser, unindexUser, addMembership and
	// removeMembership.
	userOrder  []*user                   // by (createdAt, seq), ascending
	byEmail    map[string]*user          // lower-cased address
	byPhone    map[string]*user          // number as given
	byUsername map[string]*user          // lower-cased username
	idents     map[string]*user          // email address and phone number IDs
	memberOf   map[[2]string]*membership // (orgID, userID)
}

func newState() *state {
	return &state{
		users:       map[string]*user{},
		sessions:    map[string]*session{},
		templates:   map[string]*jwtTemplate{},
		orgs:        map[string]*organization{},
		memberships: map[string]*membership{},
		orgInvites:  map[string]*orgInvitation{},
		invitations: map[string]*invitation{},
		apiKeys:     map[string]*apiKey{},
		m2mTokens:   map[string]*m2mToken{},
		plans:       map[string]*plan{},
		subItems:    map[string]*subscriptionItem{},
		statements:  map[string]*statement{},
		attempts:    map[string]*paymentAttempt{},
		byEmail:     map[string]*user{},
		byPhone:     map[string]*user{},
		byUsername:  map[string]*user{},
		idents:      map[string]*user{},
		memberOf:    map[[2]string]*membership{},
		rolePerms:   map[string][]string{},
		oauthTokens: map[string]*oauthToken{},
		credits:     map[string]*ledger{},
		discounts:   map[string]*discount{},
	}
}

// next returns the next insertion sequence number, the tie-breaker that
// keeps listings stable when timestamps are equal (a fixed clock).
func (s *state) next() int64 {
	s.seq++
	return s.seq
}

// byCreation orders users by creation time, then insertion.
func byCreation(a, b *user) int {
	if r := cmp.Compare(a.createdAt, b.createdAt); r != 0 {
		return r
	}
	return cmp.Compare(a.seq, b.seq)
}

// addUser stores u and indexes it.
func (s *state) addUser(u *user) {
	s.users[u.id] = u
	i, _ := slices.BinarySearchFunc(s.userOrder, u, byCreation)
	s.userOrder = slices.Insert(s.userOrder, i, u)
	s.indexUser(u)
}

// removeUser forgets u and its index entries.
func (s *state) removeUser(u *user) {
	delete(s.users, u.id)
	if i, ok := slices.BinarySearchFunc(s.userOrder, u, byCreation); ok {
		s.userOrder = slices.Delete(s.userOrder, i, i+1)
	}
	s.unindexUser(u)
}

// indexUser records u's identifiers.
func (s *state) indexUser(u *user) {
	for _, e := range u.emails {
		s.byEmail[strings.ToLower(e.value)] = u
		s.idents[e.id] = u
	}
	for _, p := range u.phones {
		s.byPhone[p.value] = u
		s.idents[p.id] = u
	}
	if u.username != nil {
		s.byUsername[strings.ToLower(*u.username)] = u
	}
}

// unindexUser removes u's identifiers from the indexes.
func (s *state) unindexUser(u *user) {
	for _, e := range u.emails {
		if s.byEmail[strings.ToLower(e.value)] == u {
			delete(s.byEmail, strings.ToLower(e.value))
		}
		delete(s.idents, e.id)
	}
	for _, p := range u.phones {
		if s.byPhone[p.value] == u {
			delete(s.byPhone, p.value)
		}
		delete(s.idents, p.id)
	}
	if u.username != nil && s.byUsername[strings.ToLower(*u.username)] == u {
		delete(s.byUsername, strings.ToLower(*u.username))
	}
}

// addMembership stores m and indexes it by organization and user.
func (s *state) addMembership(m *membership) {
	s.memberships[m.id] = m
	s.memberOf[[2]string{m.orgID, m.userID}] = m
}

// removeMembership forgets m.
func (s *state) removeMembership(m *membership) {
	delete(s.memberships, m.id)
	delete(s.memberOf, [2]string{m.orgID, m.userID})
}

// clone returns a state with copies of every map and index and the same
// records, so adding records to the clone leaves s untouched.
func (s *state) clone() *state {
	c := *s
	c.users, c.sessions, c.templates = maps.Clone(s.users), maps.Clone(s.sessions), maps.Clone(s.templates)
	c.orgs, c.memberships, c.orgInvites = maps.Clone(s.orgs), maps.Clone(s.memberships), maps.Clone(s.orgInvites)
	c.invitations, c.apiKeys, c.m2mTokens = maps.Clone(s.invitations), maps.Clone(s.apiKeys), maps.Clone(s.m2mTokens)
	c.plans, c.subItems, c.statements, c.attempts = maps.Clone(s.plans), maps.Clone(s.subItems), maps.Clone(s.statements), maps.Clone(s.attempts)
	c.planOrder, c.userOrder = slices.Clone(s.planOrder), slices.Clone(s.userOrder)
	c.byEmail, c.byPhone, c.byUsername, c.memberOf = maps.Clone(s.byEmail), maps.Clone(s.byPhone), maps.Clone(s.byUsername), maps.Clone(s.memberOf)
	c.idents = maps.Clone(s.idents)
	return &c
}
