package clerktest

// state is everything an emulator remembers; the Emulator's mutex guards it.
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
	}
}

// next returns the next insertion sequence number, the tie-breaker that
// keeps listings stable when timestamps are equal (a fixed clock).
func (s *state) next() int64 {
	s.seq++
	return s.seq
}
