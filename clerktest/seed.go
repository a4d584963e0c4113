package clerktest

import (
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/organizations"
	"github.com/clerkgo/clerk/users"
)

// seed fills the state with demo data; it runs before the server starts
// and sends no webhooks.
func (e *Emulator) seed() {
	people := []struct{ first, last, email, username string }{
		{"Ada", "Lovelace", "ada@example.com", "ada"},
		{"Grace", "Hopper", "grace@example.com", "grace"},
		{"Alan", "Turing", "alan@example.com", "alan"},
		{"Katherine", "Johnson", "katherine@example.com", "katherine"},
	}
	var made []*user
	for _, p := range people {
		u, err := e.newUser(&users.CreateParams{FirstName: clerk.Value(p.first), LastName: clerk.Value(p.last),
			EmailAddress: clerk.Value([]string{p.email}), Username: clerk.Value(p.username), Password: clerk.Value("correct-horse-battery")})
		if err != nil {
			continue
		}
		made = append(made, u)
	}
	if len(made) < 2 {
		return
	}
	if org, _, err := e.newOrg(&organizations.CreateParams{Name: "Acme Inc", Slug: clerk.Value("acme"), CreatedBy: clerk.Value(made[0].id),
		PublicMetadata: clerk.Value(map[string]any{"industry": "rockets"})}); err == nil {
		e.newMembership(org, made[1], "org:member")
	}
	trial := int64(14)
	plans := []*plan{
		{name: "Free", slug: "free_user", payerType: "user", description: "Everything to get started.", isDefault: true,
			features: [][2]string{{"Basic support", "basic_support"}}},
		{name: "Pro", slug: "pro", payerType: "user", description: "For professionals.", monthly: 2000, annual: 20000,
			trialDays: &trial, features: [][2]string{{"Basic support", "basic_support"}, {"Priority support", "priority_support"}}},
		{name: "Team", slug: "team", payerType: "org", description: "For teams.", monthly: 5000, annual: 50000,
			features: [][2]string{{"Dashboard", "dashboard"}, {"SSO", "sso"}}},
		{name: "Free", slug: "free_org", payerType: "org", description: "Everything a team needs to start.", isDefault: true,
			features: [][2]string{{"Basic support", "basic_support"}}},
	}
	for _, p := range plans {
		p.id = newID("cplan")
		for range p.features {
			p.featureIDs = append(p.featureIDs, newID("feat"))
		}
		e.st.plans[p.id] = p
		e.st.planOrder = append(e.st.planOrder, p.id)
	}
	now := e.now()
	start := now.AddDate(0, 0, -20).UnixMilli()
	end := now.AddDate(0, 0, 10).UnixMilli()
	for i, u := range made {
		s := &subscriptionItem{seq: e.st.next(), id: newID("csubi"), payerID: newID("cpayer"), userID: u.id,
			planID: plans[1].id, status: "active", periodStart: start, periodEnd: ptr(end), createdAt: start, updatedAt: start}
		switch i {
		case 1:
			s.isFreeTrial = true
		case 2:
			s.planID, s.periodEnd = plans[0].id, nil
		}
		e.st.subItems[s.id] = s
		if s.planID != plans[1].id || s.isFreeTrial {
			continue
		}
		st := &statement{seq: e.st.next(), id: newID("stmt"), payerID: s.payerID, userID: u.id, timestamp: start}
		a := &paymentAttempt{seq: e.st.next(), id: newID("cpa"), statementID: st.id, itemID: s.id, payerID: s.payerID,
			userID: u.id, amount: plans[1].monthly, createdAt: start + int64(time.Hour/time.Millisecond)}
		st.attemptIDs = []string{a.id}
		e.st.statements[st.id] = st
		e.st.attempts[a.id] = a
	}
}
