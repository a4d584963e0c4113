package clerktest

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/organizations"
	"github.com/clerkgo/clerk/users"
)

// membership is a user's membership of an organization.
type membership struct {
	seq       int64
	id        string
	orgID     string
	userID    string
	role      string
	public    map[string]any
	private   map[string]any
	createdAt int64
	updatedAt int64
}

func roleName(role string) string {
	r := strings.TrimPrefix(role, "org:")
	if r == "" {
		return r
	}
	return strings.ToUpper(r[:1]) + r[1:]
}

// membershipJSON builds the wire form of the membership from the
// generated model type, with its organization and public user data.
func (e *Emulator) membershipJSON(m *membership) *clerk.OrganizationMembership {
	out := &clerk.OrganizationMembership{ID: m.id, Object: "organization_membership", Role: m.role, RoleName: ptr(roleName(m.role)),
		Permissions: e.membershipPermissions(m), PublicMetadata: metaJSON(m.public), PrivateMetadata: metaJSON(m.private),
		CreatedAt: m.createdAt, UpdatedAt: m.updatedAt}
	if o, ok := e.st.orgs[m.orgID]; ok {
		out.Organization = *e.orgJSON(o, false)
	}
	if u, ok := e.st.users[m.userID]; ok {
		out.PublicUserData = &clerk.OrganizationMembershipPublicUserData{UserID: u.id, FirstName: u.firstName,
			LastName: u.lastName, ProfileImageURL: ptr(imageURL(u.id)), ImageURL: imageURL(u.id),
			Identifier: clerk.Value(u.identifier()), Username: optOf(u.username), Banned: ptr(u.banned), Deprovisioned: ptr(false)}
	}
	return out
}

func (e *Emulator) membershipRoutes(t []route) []route {
	t = add(t, "GET", "/organizations/{organization_id}/memberships", e.listMemberships, "created_at_after", "created_at_before",
		"email_address", "email_address_query", "last_active_at_after", "last_active_at_before", "limit", "name_query", "offset",
		"order_by", "phone_number", "phone_number_query", "query", "role", "user_id", "username", "username_query", "web3_wallet")
	t = add(t, "POST", "/organizations/{organization_id}/memberships", e.createMembership, "private_metadata", "public_metadata", "role", "user_id")
	t = add(t, "PATCH", "/organizations/{organization_id}/memberships/{user_id}", e.updateMembership, "role")
	t = add(t, "DELETE", "/organizations/{organization_id}/memberships/{user_id}", e.deleteMembership)
	t = add(t, "GET", "/users/{user_id}/organization_memberships", e.userMemberships, "limit", "offset")
	t = add(t, "GET", "/organization_memberships", e.listInstanceMemberships, "limit", "offset", "order_by")
	t = add(t, "PATCH", "/organizations/{organization_id}/memberships/{user_id}/metadata", e.membershipMetadata, "private_metadata", "public_metadata")
	return t
}

func (e *Emulator) membershipOf(orgID, userID string) *membership {
	return e.st.memberOf[[2]string{orgID, userID}]
}

func (e *Emulator) isMember(orgID, userID string) bool { return e.membershipOf(orgID, userID) != nil }

func (e *Emulator) orgMembers(orgID string) []*membership {
	var out []*membership
	for _, m := range e.st.memberships {
		if m.orgID == orgID {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b *membership) int { return cmp.Compare(a.seq, b.seq) })
	return out
}

func (e *Emulator) newMembership(o *organization, u *user, role string) *membership {
	now := e.ms()
	m := &membership{seq: e.st.next(), id: newID("orgmem"), orgID: o.id, userID: u.id, role: role, createdAt: now, updatedAt: now}
	e.st.addMembership(m)
	return m
}

func (e *Emulator) createMembership(c *call) (int, any, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return 0, nil, err
	}
	var p organizations.CreateMembershipParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("user_id", p.UserID, "role", p.Role); err != nil {
		return 0, nil, err
	}
	if err := e.validRole(p.Role); err != nil {
		return 0, nil, err
	}
	u, err := e.findUser(p.UserID)
	if err != nil {
		return 0, nil, err
	}
	if e.isMember(o.id, u.id) {
		return 0, nil, fail(http.StatusUnprocessableEntity, "already_a_member_in_organization", "already a member", "The user is already a member of this organization.")
	}
	if err := e.checkSeats(o, 1); err != nil {
		return 0, nil, err
	}
	m := e.newMembership(o, u, p.Role)
	if pub, ok := p.PublicMetadata.Get(); ok && pub != nil {
		m.public = pub
	}
	if priv, ok := p.PrivateMetadata.Get(); ok && priv != nil {
		m.private = priv
	}
	c.emit("organizationMembership.created", e.membershipJSON(m))
	return http.StatusOK, e.membershipJSON(m), nil
}

func (e *Emulator) findMembership(c *call) (*membership, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return nil, err
	}
	m := e.membershipOf(o.id, c.param("user_id"))
	if m == nil {
		return nil, notFound("membership of " + c.param("user_id"))
	}
	return m, nil
}

func (e *Emulator) updateMembership(c *call) (int, any, error) {
	m, err := e.findMembership(c)
	if err != nil {
		return 0, nil, err
	}
	var p organizations.UpdateMembershipParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("role", p.Role); err != nil {
		return 0, nil, err
	}
	if err := e.validRole(p.Role); err != nil {
		return 0, nil, err
	}
	m.role, m.updatedAt = p.Role, e.ms()
	c.emit("organizationMembership.updated", e.membershipJSON(m))
	return http.StatusOK, e.membershipJSON(m), nil
}

func (e *Emulator) deleteMembership(c *call) (int, any, error) {
	m, err := e.findMembership(c)
	if err != nil {
		return 0, nil, err
	}
	out := e.membershipJSON(m)
	e.st.removeMembership(m)
	c.emit("organizationMembership.deleted", out)
	return http.StatusOK, out, nil
}

func (e *Emulator) listMemberships(c *call) (int, any, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return 0, nil, err
	}
	var p organizations.ListMembershipsParams
	limit, offset, err := decodeListQuery(c, &p, &p.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	// The user filters it declares are those of GET /users, applied to
	// the members.
	f := parseUserFilter(&users.CountParams{UserID: p.UserID, EmailAddress: p.EmailAddress, PhoneNumber: p.PhoneNumber,
		Username: p.Username, Web3Wallet: p.Web3Wallet, Query: p.Query, EmailAddressQuery: p.EmailAddressQuery,
		PhoneNumberQuery: p.PhoneNumberQuery, UsernameQuery: p.UsernameQuery, NameQuery: p.NameQuery,
		LastActiveAtBefore: p.LastActiveAtBefore, LastActiveAtAfter: p.LastActiveAtAfter,
		CreatedAtBefore: p.CreatedAtBefore, CreatedAtAfter: p.CreatedAtAfter})
	roles := p.Role
	var ms []*membership
	for _, m := range e.orgMembers(o.id) {
		u, ok := e.st.users[m.userID]
		if ok && e.userMatches(u, f) && (len(roles) == 0 || slices.Contains(roles, m.role)) {
			ms = append(ms, m)
		}
	}
	if _, desc := parseOrder(p.OrderBy.Or(""), "created_at"); desc {
		slices.Reverse(ms)
	}
	out := make([]*clerk.OrganizationMembership, 0, len(ms))
	for _, m := range ms {
		out = append(out, e.membershipJSON(m))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

func (e *Emulator) userMemberships(c *call) (int, any, error) {
	u, err := e.findUser(c.param("user_id"))
	if err != nil {
		return 0, nil, err
	}
	var p users.ListOrganizationMembershipsParams
	limit, offset, err := decodeListQuery(c, &p, &p.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	var ms []*membership
	for _, m := range e.st.memberships {
		if m.userID == u.id {
			ms = append(ms, m)
		}
	}
	slices.SortFunc(ms, func(a, b *membership) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]*clerk.OrganizationMembership, 0, len(ms))
	for _, m := range ms {
		out = append(out, e.membershipJSON(m))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

// pendingInvitations counts an organization's pending invitations.
func (e *Emulator) pendingInvitations(orgID string) int64 {
	var n int64
	for _, i := range e.st.orgInvites {
		if i.orgID == orgID && i.status == "pending" {
			n++
		}
	}
	return n
}

// checkSeats refuses adding n members or invitations past the
// organization's membership limit; pending invitations hold seats, as in
// Clerk.
func (e *Emulator) checkSeats(o *organization, n int64) error {
	if o.maxMembers > 0 && int64(len(e.orgMembers(o.id)))+e.pendingInvitations(o.id)+n > o.maxMembers {
		return fail(http.StatusForbidden, "organization_membership_quota_exceeded", "membership quota exceeded",
			"The organization has reached its maximum number of memberships.")
	}
	return nil
}

// membershipPermissions are the permission keys of the member's role.
func (e *Emulator) membershipPermissions(m *membership) []string {
	p, _ := e.rolePermissionKeys(m.role)
	if p == nil {
		p = []string{}
	}
	return p
}

// cascadeMemberships deletes the memberships match selects, oldest first,
// emitting organizationMembership.deleted for each, as Clerk does when a
// user or an organization is deleted.
func (e *Emulator) cascadeMemberships(c *call, match func(*membership) bool) {
	var ms []*membership
	for _, m := range e.st.memberships {
		if match(m) {
			ms = append(ms, m)
		}
	}
	slices.SortFunc(ms, func(a, b *membership) int { return cmpInt(a.seq, b.seq) })
	for _, m := range ms {
		c.emit("organizationMembership.deleted", e.membershipJSON(m))
		e.st.removeMembership(m)
	}
}

func (e *Emulator) listInstanceMemberships(c *call) (int, any, error) {
	var p organizations.ListInstanceMembershipsParams
	limit, offset, err := decodeListQuery(c, &p, &p.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	field, desc := parseOrder(p.OrderBy.Or(""), "-created_at")
	if field != "created_at" && field != "updated_at" {
		return 0, nil, invalidParam("order_by", "order_by must be created_at or updated_at, optionally prefixed with + or -.")
	}
	ms := make([]*membership, 0, len(e.st.memberships))
	for _, m := range e.st.memberships {
		ms = append(ms, m)
	}
	slices.SortFunc(ms, func(a, b *membership) int {
		x, y := a.createdAt, b.createdAt
		if field == "updated_at" {
			x, y = a.updatedAt, b.updatedAt
		}
		r := cmpInt(x, y)
		if r == 0 {
			r = cmpInt(a.seq, b.seq)
		}
		if desc {
			r = -r
		}
		return r
	})
	out := make([]*clerk.OrganizationMembership, 0, len(ms))
	for _, m := range ms {
		out = append(out, e.membershipJSON(m))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

func (e *Emulator) membershipMetadata(c *call) (int, any, error) {
	m, err := e.findMembership(c)
	if err != nil {
		return 0, nil, err
	}
	var p organizations.UpdateMembershipMetadataParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if v, ok := p.PublicMetadata.Get(); ok {
		m.public = mergeMetadata(m.public, v)
	}
	if v, ok := p.PrivateMetadata.Get(); ok {
		m.private = mergeMetadata(m.private, v)
	}
	m.updatedAt = e.ms()
	c.emit("organizationMembership.updated", e.membershipJSON(m))
	return http.StatusOK, e.membershipJSON(m), nil
}
