package clerktest

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Seed is the JSON shape of a seed file (WithSeedFile), of a state file
// (WithStateFile) and of the control API's dump: users, organizations,
// memberships and billing plans. Every ID is optional in a seed (a fresh one
// is made) and kept when given, so a state file reloads the same IDs.
type Seed struct {
	Users         []SeedUser         `json:"users,omitempty"`         // users to create
	Organizations []SeedOrganization `json:"organizations,omitempty"` // organizations to create, after the users
	Memberships   []SeedMembership   `json:"memberships,omitempty"`   // memberships to add, after both
	Plans         []SeedPlan         `json:"plans,omitempty"`         // billing plans to offer
}

// SeedUser is a user of a seed. Passwords are given in clear in a seed
// file; a state file carries the emulator's own salted digest instead.
type SeedUser struct {
	ID              string           `json:"id,omitempty"`               // kept when given; a fresh user_ ID otherwise
	ExternalID      *string          `json:"external_id,omitempty"`      // the user's ID in your own system
	Username        *string          `json:"username,omitempty"`         // unique across the instance
	FirstName       *string          `json:"first_name,omitempty"`       // given name
	LastName        *string          `json:"last_name,omitempty"`        // family name
	EmailAddresses  []SeedIdentifier `json:"email_addresses,omitempty"`  // the first one becomes the primary address
	PhoneNumbers    []SeedIdentifier `json:"phone_numbers,omitempty"`    // E.164 numbers; the first one becomes the primary number
	Password        string           `json:"password,omitempty"`         // in clear; the emulator stores a salted digest
	PasswordDigest  string           `json:"password_digest,omitempty"`  // emulator-internal, written to state files
	PublicMetadata  map[string]any   `json:"public_metadata,omitempty"`  // readable from the frontend
	PrivateMetadata map[string]any   `json:"private_metadata,omitempty"` // readable only from the backend
	UnsafeMetadata  map[string]any   `json:"unsafe_metadata,omitempty"`  // writable from the frontend
	Banned          bool             `json:"banned,omitempty"`           // the user starts banned
	CreatedAt       int64            `json:"created_at,omitempty"`       // Unix milliseconds; now when 0
}

// SeedIdentifier is an email address or phone number: a plain string in a
// seed file, or an object that keeps its ID.
type SeedIdentifier struct {
	ID    string `json:"id,omitempty"` // kept when given
	Value string `json:"value"`        // the address or number
}

// UnmarshalJSON accepts "a@example.com" as well as {"id":..,"value":..}.
func (s *SeedIdentifier) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &s.Value)
	}
	type plain SeedIdentifier
	return json.Unmarshal(b, (*plain)(s))
}

// SeedOrganization is an organization of a seed; CreatedBy (a user ID,
// username or email address of the seed) becomes its first admin.
type SeedOrganization struct {
	ID                    string         `json:"id,omitempty"`                      // kept when given; a fresh org_ ID otherwise
	Name                  string         `json:"name"`                              // the display name
	Slug                  string         `json:"slug,omitempty"`                    // unique; derived from the name when empty
	CreatedBy             string         `json:"created_by,omitempty"`              // user ID, username or email; becomes the first admin
	MaxAllowedMemberships int64          `json:"max_allowed_memberships,omitempty"` // 0 takes the instance default
	PublicMetadata        map[string]any `json:"public_metadata,omitempty"`         // readable from the frontend
	PrivateMetadata       map[string]any `json:"private_metadata,omitempty"`        // readable only from the backend
	CreatedAt             int64          `json:"created_at,omitempty"`              // Unix milliseconds; now when 0
}

// SeedMembership makes a user a member of an organization; both may be
// named by ID, the user also by username or email and the organization by
// slug.
type SeedMembership struct {
	ID           string `json:"id,omitempty"`   // kept when given
	Organization string `json:"organization"`   // ID or slug
	User         string `json:"user"`           // ID, username or email address
	Role         string `json:"role,omitempty"` // org:member unless given
}

// SeedPlan is a billing plan; fees are in cents.
type SeedPlan struct {
	ID          string        `json:"id,omitempty"`          // kept when given
	Name        string        `json:"name"`                  // the display name
	Slug        string        `json:"slug"`                  // unique key of the plan
	PayerType   string        `json:"payer_type"`            // "user" or "org"
	Description string        `json:"description,omitempty"` // shown on pricing pages
	MonthlyFee  int64         `json:"monthly_fee,omitempty"` // cents per month
	AnnualFee   int64         `json:"annual_fee,omitempty"`  // cents per year
	IsDefault   bool          `json:"is_default,omitempty"`  // the plan new payers get
	TrialDays   *int64        `json:"trial_days,omitempty"`  // free-trial length; nil for no trial
	Features    []SeedFeature `json:"features,omitempty"`    // what the plan grants
}

// SeedFeature is a feature of a plan.
type SeedFeature struct {
	Name string `json:"name"` // the display name
	Slug string `json:"slug"` // the key that tokens and Has checks use
}

// loadInitialState applies, in order, the demo data, the seed file and the
// state file.
func (e *Emulator) loadInitialState(cfg config) error {
	if cfg.seed {
		e.seed()
	}
	if cfg.seedFile != "" {
		b, err := readFileOption("WithSeedFile", cfg.seedFile)
		if err != nil {
			return err
		}
		if err := e.LoadSeed(b); err != nil {
			return fmt.Errorf("clerktest: seed file %s: %w", cfg.seedFile, err)
		}
	}
	if cfg.statePath != "" {
		b, err := os.ReadFile(cfg.statePath)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return &optionError{name: "WithStateFile", err: err}
		}
		if err := e.LoadSeed(b); err != nil {
			return fmt.Errorf("clerktest: state file %s: %w", cfg.statePath, err)
		}
	}
	return nil
}

// LoadSeed adds the users, organizations, memberships and plans of a JSON
// seed (see Seed) to the state, sending no webhooks. It adds nothing when
// any entry is invalid.
func (e *Emulator) LoadSeed(data []byte) error {
	var s Seed
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return fmt.Errorf("decode seed: %w", err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	backup := e.st
	e.st = backup.clone()
	if err := e.applySeed(s); err != nil {
		e.st = backup
		return err
	}
	return nil
}

func (e *Emulator) applySeed(s Seed) error {
	now := e.ms()
	for i, su := range s.Users {
		if err := e.seedUser(su, now); err != nil {
			return fmt.Errorf("users[%d]: %w", i, err)
		}
	}
	for i, so := range s.Organizations {
		if err := e.seedOrg(so, now); err != nil {
			return fmt.Errorf("organizations[%d]: %w", i, err)
		}
	}
	for i, sm := range s.Memberships {
		if err := e.seedMembership(sm); err != nil {
			return fmt.Errorf("memberships[%d]: %w", i, err)
		}
	}
	for i, sp := range s.Plans {
		if sp.Name == "" || sp.Slug == "" || (sp.PayerType != "user" && sp.PayerType != "org") {
			return fmt.Errorf("plans[%d]: name, slug and payer_type (user or org) are required", i)
		}
		p := &plan{id: orNew(sp.ID, "cplan"), name: sp.Name, slug: sp.Slug, payerType: sp.PayerType,
			description: sp.Description, monthly: sp.MonthlyFee, annual: sp.AnnualFee, isDefault: sp.IsDefault, trialDays: sp.TrialDays}
		for _, f := range sp.Features {
			p.features = append(p.features, [2]string{f.Name, f.Slug})
			p.featureIDs = append(p.featureIDs, newID("feat"))
		}
		if _, dup := e.st.plans[p.id]; !dup {
			e.st.planOrder = append(e.st.planOrder, p.id)
		}
		e.st.plans[p.id] = p
	}
	return nil
}

func orNew(id, prefix string) string {
	if id != "" {
		return id
	}
	return newID(prefix)
}

func (e *Emulator) seedUser(su SeedUser, now int64) error {
	id := orNew(su.ID, "user")
	if _, dup := e.st.users[id]; dup {
		return fmt.Errorf("user %s exists", id)
	}
	created := su.CreatedAt
	if created == 0 {
		created = now
	}
	u := &user{seq: e.st.next(), id: id, externalID: su.ExternalID, username: su.Username, firstName: su.FirstName,
		lastName: su.LastName, public: su.PublicMetadata, private: su.PrivateMetadata, unsafe: su.UnsafeMetadata,
		banned: su.Banned, deleteSelfEnabled: true, createOrgEnabled: true, createdAt: created, updatedAt: created}
	if u.username != nil && e.usernameTaken(*u.username, "") {
		return identifierExists("username")
	}
	for _, a := range su.EmailAddresses {
		if err := validEmail("email_address", a.Value); err != nil {
			return fmt.Errorf("email address %q is invalid", a.Value)
		}
		if e.emailTaken(a.Value, "") {
			return identifierExists("email_address")
		}
		u.emails = append(u.emails, &identification{id: orNew(a.ID, "idn"), value: a.Value, verified: true, createdAt: created, updatedAt: created})
	}
	for _, p := range su.PhoneNumbers {
		if e.phoneTaken(p.Value, "") {
			return identifierExists("phone_number")
		}
		u.phones = append(u.phones, &identification{id: orNew(p.ID, "idn"), value: p.Value, verified: true, createdAt: created, updatedAt: created})
	}
	if len(u.emails) > 0 {
		u.primaryEmailID = ptr(u.emails[0].id)
	}
	if len(u.phones) > 0 {
		u.primaryPhoneID = ptr(u.phones[0].id)
	}
	switch {
	case su.Password != "":
		u.setPassword(su.Password, created)
	case su.PasswordDigest != "":
		salt, hexHash, ok := strings.Cut(su.PasswordDigest, "$")
		hash, err := hex.DecodeString(hexHash)
		if !ok || err != nil {
			return errors.New("password_digest must be salt$hexdigest as the emulator writes it")
		}
		u.passwordSalt, u.passwordHash, u.passwordUpdated = []byte(salt), hash, ptr(created)
	}
	e.st.addUser(u)
	return nil
}

// seedUserRef finds a user of the state by ID, username or email address.
func (e *Emulator) seedUserRef(ref string) *user {
	if u, ok := e.st.users[ref]; ok {
		return u
	}
	if u, ok := e.st.byUsername[strings.ToLower(ref)]; ok {
		return u
	}
	return e.st.byEmail[strings.ToLower(ref)]
}

func (e *Emulator) seedOrg(so SeedOrganization, now int64) error {
	if strings.TrimSpace(so.Name) == "" {
		return errors.New("name is required")
	}
	id := orNew(so.ID, "org")
	if _, dup := e.st.orgs[id]; dup {
		return fmt.Errorf("organization %s exists", id)
	}
	created := so.CreatedAt
	if created == 0 {
		created = now
	}
	o := &organization{seq: e.st.next(), id: id, name: so.Name, slug: so.Slug, maxMembers: so.MaxAllowedMemberships,
		adminDelete: true, public: so.PublicMetadata, private: so.PrivateMetadata, createdAt: created, updatedAt: created}
	if o.slug == "" {
		o.slug = slugify(o.name)
	}
	if e.slugTaken(o.slug, "") {
		return fmt.Errorf("slug %s is taken", o.slug)
	}
	var creator *user
	if so.CreatedBy != "" {
		if creator = e.seedUserRef(so.CreatedBy); creator == nil {
			return fmt.Errorf("created_by %s is not a user of the seed", so.CreatedBy)
		}
		o.createdBy = creator.id
	}
	e.st.orgs[o.id] = o
	if creator != nil {
		e.newMembership(o, creator, "org:admin")
	}
	return nil
}

func (e *Emulator) seedMembership(sm SeedMembership) error {
	o, err := e.findOrg(sm.Organization)
	if err != nil {
		return fmt.Errorf("organization %s not found", sm.Organization)
	}
	u := e.seedUserRef(sm.User)
	if u == nil {
		return fmt.Errorf("user %s not found", sm.User)
	}
	role := sm.Role
	if role == "" {
		role = "org:member"
	}
	if m := e.membershipOf(o.id, u.id); m != nil {
		cp := *m // the creator's admin membership, for example; a copy, so a failed load rolls back
		cp.role = role
		e.st.addMembership(&cp)
		return nil
	}
	m := e.newMembership(o, u, role)
	if sm.ID != "" {
		e.st.removeMembership(m)
		m.id = sm.ID
		e.st.addMembership(m)
	}
	return nil
}

// Dump returns the users, organizations, memberships and plans as a Seed,
// the shape state files and the control API's dump use.
func (e *Emulator) Dump() Seed {
	e.mu.RLock()
	defer e.mu.RUnlock()
	var s Seed
	for _, u := range e.st.userOrder {
		su := SeedUser{ID: u.id, ExternalID: u.externalID, Username: u.username, FirstName: u.firstName, LastName: u.lastName,
			PublicMetadata: u.public, PrivateMetadata: u.private, UnsafeMetadata: u.unsafe, Banned: u.banned, CreatedAt: u.createdAt}
		for _, a := range u.emails {
			su.EmailAddresses = append(su.EmailAddresses, SeedIdentifier{ID: a.id, Value: a.value})
		}
		for _, p := range u.phones {
			su.PhoneNumbers = append(su.PhoneNumbers, SeedIdentifier{ID: p.id, Value: p.value})
		}
		if u.passwordHash != nil {
			su.PasswordDigest = string(u.passwordSalt) + "$" + hex.EncodeToString(u.passwordHash)
		}
		s.Users = append(s.Users, su)
	}
	orgs := make([]*organization, 0, len(e.st.orgs))
	for _, o := range e.st.orgs {
		orgs = append(orgs, o)
	}
	slices.SortFunc(orgs, func(a, b *organization) int { return int(a.seq - b.seq) })
	for _, o := range orgs {
		s.Organizations = append(s.Organizations, SeedOrganization{ID: o.id, Name: o.name, Slug: o.slug,
			MaxAllowedMemberships: o.maxMembers, PublicMetadata: o.public, PrivateMetadata: o.private, CreatedAt: o.createdAt})
		for _, m := range e.orgMembers(o.id) {
			s.Memberships = append(s.Memberships, SeedMembership{ID: m.id, Organization: o.id, User: m.userID, Role: m.role})
		}
	}
	for _, id := range e.st.planOrder {
		p := e.st.plans[id]
		sp := SeedPlan{ID: p.id, Name: p.name, Slug: p.slug, PayerType: p.payerType, Description: p.description,
			MonthlyFee: p.monthly, AnnualFee: p.annual, IsDefault: p.isDefault, TrialDays: p.trialDays}
		for _, f := range p.features {
			sp.Features = append(sp.Features, SeedFeature{Name: f[0], Slug: f[1]})
		}
		s.Plans = append(s.Plans, sp)
	}
	return s
}

// SaveState writes Dump as JSON to path (through a temporary file, so a
// crash never leaves half a state file).
func (e *Emulator) SaveState(path string) error {
	b, err := json.MarshalIndent(e.Dump(), "", "  ")
	if err != nil {
		return fmt.Errorf("clerktest: encode state: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".clerktest-state-*")
	if err != nil {
		return fmt.Errorf("clerktest: save state: %w", err)
	}
	_, werr := tmp.Write(append(b, '\n'))
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("clerktest: save state: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("clerktest: save state: %w", err)
	}
	return nil
}

// Reset forgets every user, organization, session and other record (the
// keys, faults, logs and webhook endpoints stay).
func (e *Emulator) Reset() {
	st := e.freshState()
	e.mu.Lock()
	e.st = st
	e.mu.Unlock()
}
