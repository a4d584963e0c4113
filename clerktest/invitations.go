package clerktest

import (
	"cmp"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/invitations"
	"github.com/clerkgo/clerk/organizations"
)

// invitation is an instance invitation.
type invitation struct {
	seq       int64
	id        string
	email     string
	public    map[string]any
	status    string
	expiresAt *int64
	url       string // where the invitation is accepted, redirect_url included
	notify    bool   // send the invitation email
	template  string // the email template's slug
	createdAt int64
	updatedAt int64
}

// json builds the wire form of the invitation from the generated model type.
func (i *invitation) json() *clerk.Invitation {
	return &clerk.Invitation{Object: "invitation", ID: i.id, EmailAddress: i.email, PublicMetadata: metaJSON(i.public),
		Revoked: ptr(i.status == "revoked"), Status: clerk.InvitationStatus(i.status), ExpiresAt: optOf(i.expiresAt),
		URL: optURL(i.url), CreatedAt: i.createdAt, UpdatedAt: i.updatedAt}
}

func optURL(u string) *string {
	if u == "" {
		return nil
	}
	return &u
}

func (e *Emulator) invitationRoutes(t []route) []route {
	t = add(t, "GET", "/invitations", e.listInvitations, "limit", "offset", "order_by", "paginated", "query", "status")
	t = add(t, "POST", "/invitations", e.createInvitation, invitationParams()...)
	t = add(t, "POST", "/invitations/{invitation_id}/revoke", e.revokeInvitation)
	t = add(t, "GET", "/organizations/{organization_id}/invitations", e.listOrgInvitations, "email_address", "limit", "offset", "order_by", "status")
	t = add(t, "POST", "/organizations/{organization_id}/invitations", e.createOrgInvitation, orgInvitationParams()...)
	t = add(t, "GET", "/organizations/{organization_id}/invitations/{invitation_id}", e.getOrgInvitation)
	t = add(t, "POST", "/organizations/{organization_id}/invitations/{invitation_id}/revoke", e.revokeOrgInvitation, "requesting_user_id")
	t = add(t, "POST", "/invitations/bulk", e.createInvitationsBulk)
	t = add(t, "POST", "/organizations/{organization_id}/invitations/bulk", e.createOrgInvitationsBulk)
	t = add(t, "GET", "/organizations/{organization_id}/invitations/pending", e.listPendingOrgInvitations, "limit", "offset")
	t = add(t, "GET", "/organization_invitations", e.listInstanceOrgInvitations, "limit", "offset", "order_by", "query", "status")
	return t
}

func validEmail(param, addr string) error {
	at := strings.IndexByte(addr, '@')
	if at <= 0 || at == len(addr)-1 || strings.ContainsAny(addr, " \t") {
		e := failParam(http.StatusUnprocessableEntity, "form_param_format_invalid", "is invalid", param)
		e.detail.LongMessage = param + " must be a valid email address."
		return e
	}
	return nil
}

// expiry reads expires_in_days (default 30) as an absolute time in ms.
func (e *Emulator) expiry(days clerk.Opt[int64]) (*int64, error) {
	d := int64(30)
	if v, ok := days.Get(); ok {
		if v < 1 || v > 365 {
			return nil, invalidParam("expires_in_days", "expires_in_days must be between 1 and 365.")
		}
		d = v
	}
	return ptr(e.now().Add(time.Duration(d) * 24 * time.Hour).UnixMilli()), nil
}

func (e *Emulator) createInvitation(c *call) (int, any, error) {
	var p invitations.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	i, err := e.prepareInvitation(&p, nil)
	if err != nil {
		return 0, nil, err
	}
	e.st.invitations[i.id] = i
	e.notifyInvitation(c, i)
	return http.StatusOK, i.json(), nil
}

// invitationParams are the body parameters of an instance invitation.
func invitationParams() []string {
	return []string{"email_address", "expires_in_days", "ignore_existing", "notify", "public_metadata", "redirect_url", "template_slug"}
}

// notifyInvitation sends the invitation email (an email.created webhook)
// unless the caller asked not to notify.
func (e *Emulator) notifyInvitation(c *call, i *invitation) {
	if !i.notify || isTestIdentifier(i.email) {
		return // Clerk sends nothing to its test addresses either
	}
	e.emitEmail(c, i.template, i.email, nil, nil, map[string]any{"action_url": i.url, "app": map[string]any{"name": "clerktest"}})
}

// prepareInvitation validates one instance invitation body against the
// state and the invitations of the same batch, without storing it.
func (e *Emulator) prepareInvitation(p *invitations.CreateParams, batch []*invitation) (*invitation, error) {
	addr := p.EmailAddress
	if addr == "" {
		return nil, missingParam("email_address")
	}
	if err := validEmail("email_address", addr); err != nil {
		return nil, err
	}
	if !p.IgnoreExisting.Or(false) {
		if e.emailTaken(addr, "") {
			return nil, identifierExists("email_address")
		}
		dup := func(i *invitation) bool { return i.status == "pending" && strings.EqualFold(i.email, addr) }
		for _, i := range e.st.invitations {
			if dup(i) {
				return nil, duplicateInvitations(addr)
			}
		}
		if slices.ContainsFunc(batch, dup) {
			return nil, duplicateInvitations(addr)
		}
	}
	exp, err := e.expiry(p.ExpiresInDays)
	if err != nil {
		return nil, err
	}
	tpl := p.TemplateSlug.Or("invitation")
	if tpl != "invitation" && tpl != "waitlist_invitation" {
		return nil, invalidParam("template_slug", "template_slug must be invitation or waitlist_invitation.")
	}
	pub, _ := p.PublicMetadata.Get()
	now := e.ms()
	i := &invitation{seq: e.st.next(), id: newID("inv"), email: addr, public: pub, status: "pending", expiresAt: exp,
		notify: p.Notify.Or(true), template: tpl, createdAt: now, updatedAt: now}
	i.url = e.ticketURL("v1/tickets/accept", "inv_ticket_"+randomString(24), p.RedirectURL.Or(""))
	return i, nil
}

// duplicateInvitations is Clerk's error for a pending invitation to addr.
func duplicateInvitations(addr string) *apiError {
	e := fail(http.StatusBadRequest, "duplicate_record", "duplicate invitation",
		"There are already pending invitations for the following email addresses: "+addr)
	e.detail.Meta = errMeta(map[string]any{"param_name": "email_address", "email_addresses": []string{addr}})
	return e
}

func (e *Emulator) listInvitations(c *call) (int, any, error) {
	var lp invitations.ListParams
	limit, offset, err := decodeListQuery(c, &lp, &lp.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	status, q := lp.Status.Or(""), lp.Query.Or("")
	var is []*invitation
	for _, i := range e.st.invitations {
		if (status == "" || i.status == status) && (q == "" || containsFold(i.email, q)) {
			is = append(is, i)
		}
	}
	_, desc := parseOrder(lp.OrderBy.Or(""), "-created_at")
	slices.SortFunc(is, func(a, b *invitation) int {
		r := cmp.Or(cmp.Compare(a.createdAt, b.createdAt), cmp.Compare(a.seq, b.seq))
		if desc {
			return -r
		}
		return r
	})
	out := make([]*clerk.Invitation, 0, len(is))
	for _, i := range is {
		out = append(out, i.json())
	}
	p := pageOf(out, limit, offset)
	if lp.Paginated.Or(false) {
		return http.StatusOK, p, nil
	}
	return http.StatusOK, p.Data, nil
}

func (e *Emulator) revokeInvitation(c *call) (int, any, error) {
	i, ok := e.st.invitations[c.param("invitation_id")]
	if !ok {
		return 0, nil, notFound("invitation " + c.param("invitation_id"))
	}
	if i.status != "pending" {
		return 0, nil, invitationNotPending(i.status)
	}
	i.status, i.updatedAt = "revoked", e.ms()
	return http.StatusOK, i.json(), nil
}

// orgInvitation is an invitation to join an organization.
type orgInvitation struct {
	seq       int64
	id        string
	orgID     string
	email     string
	role      string
	inviterID *string
	status    string
	public    map[string]any
	private   map[string]any
	expiresAt *int64
	url       string // where the invitation is accepted, redirect_url included
	notify    bool   // send the invitation email
	createdAt int64
	updatedAt int64
}

// orgInvitationParams are the body parameters of an organization
// invitation.
func orgInvitationParams() []string {
	return []string{"email_address", "expires_in_days", "inviter_user_id", "notify", "private_metadata", "public_metadata", "redirect_url", "role"}
}

// orgInvitationJSON builds the wire form of the organization invitation
// from the generated model type.
func (e *Emulator) orgInvitationJSON(i *orgInvitation) *clerk.OrganizationInvitation {
	out := &clerk.OrganizationInvitation{Object: "organization_invitation", ID: i.id, EmailAddress: i.email, Role: i.role,
		RoleName: roleName(i.role), OrganizationID: ptr(i.orgID), InviterID: i.inviterID, Status: ptr(i.status),
		PublicMetadata: metaJSON(i.public), PrivateMetadata: metaJSON(i.private),
		ExpiresAt: i.expiresAt, URL: optURL(i.url), CreatedAt: i.createdAt, UpdatedAt: i.updatedAt}
	if i.inviterID != nil {
		if u, ok := e.st.users[*i.inviterID]; ok {
			out.PublicInviterData = &clerk.OrganizationInvitationPublicUserData{UserID: u.id, FirstName: u.firstName, LastName: u.lastName,
				ImageURL: imageURL(u.id), Identifier: u.identifier()}
		}
	}
	return out
}

func (e *Emulator) createOrgInvitation(c *call) (int, any, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return 0, nil, err
	}
	var p organizations.CreateInvitationParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	i, err := e.prepareOrgInvitation(o, &p, nil)
	if err != nil {
		return 0, nil, err
	}
	if err := e.checkSeats(o, 1); err != nil {
		return 0, nil, err
	}
	e.storeOrgInvitation(c, i)
	return http.StatusOK, e.orgInvitationJSON(i), nil
}

// prepareOrgInvitation validates one invitation body against the state and
// the invitations of the same batch, without storing it.
func (e *Emulator) prepareOrgInvitation(o *organization, p *organizations.CreateInvitationParams, batch []*orgInvitation) (*orgInvitation, error) {
	if err := need("email_address", p.EmailAddress, "role", p.Role); err != nil {
		return nil, err
	}
	addr, role := p.EmailAddress, p.Role
	if err := validEmail("email_address", addr); err != nil {
		return nil, err
	}
	if err := e.validRole(role); err != nil {
		return nil, err
	}
	inviter := optPtr(p.InviterUserID.Get())
	if inviter != nil {
		if _, err := e.findUser(*inviter); err != nil {
			return nil, err
		}
	}
	pending := func(i *orgInvitation) bool {
		return i.orgID == o.id && i.status == "pending" && strings.EqualFold(i.email, addr)
	}
	for _, i := range e.st.orgInvites {
		if pending(i) {
			return nil, fail(http.StatusBadRequest, "organization_invitation_not_unique", "organization invitation not unique",
				"Organizations cannot have duplicate pending invitations for an email address.")
		}
	}
	if slices.ContainsFunc(batch, pending) {
		return nil, fail(http.StatusBadRequest, "organization_invitation_not_unique", "organization invitation not unique",
			"Organizations cannot have duplicate pending invitations for an email address.")
	}
	exp, err := e.expiry(p.ExpiresInDays)
	if err != nil {
		return nil, err
	}
	pub, _ := p.PublicMetadata.Get()
	priv, _ := p.PrivateMetadata.Get()
	now := e.ms()
	return &orgInvitation{seq: e.st.next(), id: newID("orginv"), orgID: o.id, email: addr, role: role, inviterID: inviter,
		status: "pending", public: pub, private: priv, expiresAt: exp, notify: p.Notify.Or(true),
		url: e.ticketURL("v1/tickets/accept", "orginv_ticket_"+randomString(24), p.RedirectURL.Or("")), createdAt: now, updatedAt: now}, nil
}

func (e *Emulator) storeOrgInvitation(c *call, i *orgInvitation) {
	e.st.orgInvites[i.id] = i
	c.emit("organizationInvitation.created", e.orgInvitationJSON(i))
	if i.notify && !isTestIdentifier(i.email) {
		e.emitEmail(c, "organization_invitation", i.email, nil, nil, map[string]any{"action_url": i.url,
			"app": map[string]any{"name": "clerktest"}})
	}
}

func (e *Emulator) findOrgInvitation(c *call) (*orgInvitation, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return nil, err
	}
	i, ok := e.st.orgInvites[c.param("invitation_id")]
	if !ok || i.orgID != o.id {
		return nil, notFound("organization invitation " + c.param("invitation_id"))
	}
	return i, nil
}

func (e *Emulator) getOrgInvitation(c *call) (int, any, error) {
	i, err := e.findOrgInvitation(c)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, e.orgInvitationJSON(i), nil
}

func (e *Emulator) revokeOrgInvitation(c *call) (int, any, error) {
	i, err := e.findOrgInvitation(c)
	if err != nil {
		return 0, nil, err
	}
	var p organizations.RevokeInvitationParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if by, ok := p.RequestingUserID.Get(); ok {
		if _, err := e.findUser(by); err != nil {
			return 0, nil, resourceParamNotFound("requesting_user_id")
		}
		if m := e.membershipOf(i.orgID, by); m == nil || m.role != "org:admin" {
			return 0, nil, notAnAdmin()
		}
	}
	if i.status != "pending" {
		return 0, nil, invitationNotPending(i.status)
	}
	i.status, i.updatedAt = "revoked", e.ms()
	c.emit("organizationInvitation.revoked", e.orgInvitationJSON(i))
	return http.StatusOK, e.orgInvitationJSON(i), nil
}

func (e *Emulator) listOrgInvitations(c *call) (int, any, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return 0, nil, err
	}
	var p organizations.ListInvitationsParams
	limit, offset, err := decodeListQuery(c, &p, &p.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	status, addr := p.Status.Or(""), p.EmailAddress.Or("")
	var is []*orgInvitation
	for _, i := range e.st.orgInvites {
		if i.orgID == o.id && (status == "" || i.status == status) && (addr == "" || strings.EqualFold(i.email, addr)) {
			is = append(is, i)
		}
	}
	_, desc := parseOrder(p.OrderBy.Or(""), "-created_at")
	slices.SortFunc(is, func(a, b *orgInvitation) int {
		r := cmp.Or(cmp.Compare(a.createdAt, b.createdAt), cmp.Compare(a.seq, b.seq))
		if desc {
			return -r
		}
		return r
	})
	out := make([]*clerk.OrganizationInvitation, 0, len(is))
	for _, i := range is {
		out = append(out, e.orgInvitationJSON(i))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

// invitationNotPending is the error for acting on an invitation that is no
// longer pending.
func invitationNotPending(status string) *apiError {
	if status == "accepted" {
		return fail(http.StatusBadRequest, "invitation_already_accepted", "Invitation is already accepted, try signing in instead.", "")
	}
	return fail(http.StatusBadRequest, "invitation_already_revoked", "Invitation is already revoked.", "")
}

// sortedOrgInvites returns every organization invitation, newest first.
func (e *Emulator) sortedOrgInvites() []*orgInvitation {
	is := make([]*orgInvitation, 0, len(e.st.orgInvites))
	for _, i := range e.st.orgInvites {
		is = append(is, i)
	}
	slices.SortFunc(is, func(a, b *orgInvitation) int {
		return -cmp.Or(cmp.Compare(a.createdAt, b.createdAt), cmp.Compare(a.seq, b.seq))
	})
	return is
}

// notAnAdmin refuses an organization action by a user who is not one of
// its administrators.
func notAnAdmin() *apiError {
	e := failParam(http.StatusForbidden, "not_an_admin_in_organization", "not an admin in organization",
		"requesting_user_id")
	e.detail.LongMessage = "The requesting user is not an administrator of this organization."
	return e
}

// bulkBodies decodes a JSON array of objects, refusing keys outside known
// (form_param_unknown).
func bulkBodies(body []byte, known []string) ([]fields, error) {
	var items []fields
	if err := json.Unmarshal(body, &items); err != nil {
		return nil, invalidBody()
	}
	for _, it := range items {
		for _, k := range sortedKeys(it) {
			if !slices.Contains(known, k) {
				e := failParam(http.StatusUnprocessableEntity, "form_param_unknown", "is unknown", k)
				e.detail.LongMessage = k + " is not a valid parameter for this request."
				return nil, e
			}
		}
	}
	return items, nil
}

// jsonKeys lists the JSON names of a generated params struct's fields.
func jsonKeys(v any) []string {
	b, _ := json.Marshal(v)
	var m map[string]json.RawMessage
	_ = json.Unmarshal(b, &m)
	return sortedKeys(m)
}

func (e *Emulator) createInvitationsBulk(c *call) (int, any, error) {
	known := append(jsonKeys(invitations.CreateParams{}), invitationParams()...)
	items, err := bulkBodies(c.body, known)
	if err != nil {
		return 0, nil, err
	}
	var batch []*invitation
	for _, f := range items {
		var p invitations.CreateParams
		if err := decodeJSON(f.raw(), &p); err != nil {
			return 0, nil, err
		}
		i, err := e.prepareInvitation(&p, batch)
		if err != nil {
			return 0, nil, err
		}
		batch = append(batch, i)
	}
	out := make([]*clerk.Invitation, 0, len(batch))
	for _, i := range batch {
		e.st.invitations[i.id] = i
		e.notifyInvitation(c, i)
		out = append(out, i.json())
	}
	return http.StatusOK, out, nil
}

func (e *Emulator) createOrgInvitationsBulk(c *call) (int, any, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return 0, nil, err
	}
	known := append(jsonKeys(organizations.CreateInvitationParams{}), orgInvitationParams()...)
	items, err := bulkBodies(c.body, known)
	if err != nil {
		return 0, nil, err
	}
	var batch []*orgInvitation
	for _, f := range items {
		var p organizations.CreateInvitationParams
		if err := decodeJSON(f.raw(), &p); err != nil {
			return 0, nil, err
		}
		i, err := e.prepareOrgInvitation(o, &p, batch)
		if err != nil {
			return 0, nil, err
		}
		batch = append(batch, i)
	}
	if err := e.checkSeats(o, int64(len(batch))); err != nil {
		return 0, nil, err
	}
	out := &clerk.OrganizationInvitations{Data: []*clerk.OrganizationInvitation{}}
	for _, i := range batch {
		e.storeOrgInvitation(c, i)
		out.Data = append(out.Data, e.orgInvitationJSON(i))
	}
	out.TotalCount = int64(len(out.Data))
	return http.StatusOK, out, nil
}

func (e *Emulator) listPendingOrgInvitations(c *call) (int, any, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return 0, nil, err
	}
	var p organizations.ListPendingInvitationsParams
	limit, offset, err := decodeListQuery(c, &p, &p.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	var out []*clerk.OrganizationInvitation
	for _, i := range e.sortedOrgInvites() {
		if i.orgID == o.id && i.status == "pending" {
			out = append(out, e.orgInvitationJSON(i))
		}
	}
	pg := pageOf(out, limit, offset)
	return http.StatusOK, &clerk.OrganizationInvitations{Data: pg.Data, TotalCount: pg.TotalCount}, nil
}

// listInstanceOrgInvitations lists the invitations of every organization.
func (e *Emulator) listInstanceOrgInvitations(c *call) (int, any, error) {
	var p organizations.ListInstanceInvitationsParams
	limit, offset, err := decodeListQuery(c, &p, &p.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	field, desc := parseOrder(p.OrderBy.Or(""), "-created_at")
	if field != "created_at" && field != "email_address" {
		return 0, nil, invalidParam("order_by", "order_by must be created_at or email_address, optionally prefixed with + or -.")
	}
	q, status := p.Query.Or(""), p.Status.Or("")
	is := e.sortedOrgInvites()
	if !desc {
		slices.Reverse(is)
	}
	var out []*clerk.OrganizationInvitationWithPublicOrganizationData
	for _, i := range is {
		if status != "" && i.status != status || q != "" && !containsFold(i.email, q) {
			continue
		}
		out = append(out, e.orgInvitationWithOrg(i))
	}
	if field == "email_address" {
		sortBy(out, desc, func(w *clerk.OrganizationInvitationWithPublicOrganizationData) string {
			return strings.ToLower(w.EmailAddress)
		})
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

// orgInvitationWithOrg is an organization invitation with its
// organization's public data.
func (e *Emulator) orgInvitationWithOrg(i *orgInvitation) *clerk.OrganizationInvitationWithPublicOrganizationData {
	j := e.orgInvitationJSON(i)
	w := &clerk.OrganizationInvitationWithPublicOrganizationData{Object: j.Object, ID: j.ID, CreatedAt: j.CreatedAt,
		EmailAddress: j.EmailAddress, ExpiresAt: j.ExpiresAt, InviterID: j.InviterID, OrganizationID: j.OrganizationID,
		PrivateMetadata: j.PrivateMetadata, PublicMetadata: j.PublicMetadata, Role: j.Role, RoleName: j.RoleName,
		Status: j.Status, UpdatedAt: j.UpdatedAt, URL: j.URL}
	if d := j.PublicInviterData; d != nil {
		w.PublicInviterData = &clerk.OrganizationInvitationPublicUserData{FirstName: d.FirstName, HasImage: d.HasImage,
			Identifier: d.Identifier, ImageURL: d.ImageURL, LastName: d.LastName, UserID: d.UserID}
	}
	if o, ok := e.st.orgs[i.orgID]; ok {
		w.PublicOrganizationData = &clerk.OrganizationInvitationPublicOrganizationData{ID: o.id, Name: o.name, Slug: o.slug,
			ImageURL: ptr(imageURL(o.id)), HasImage: o.hasLogo}
	}
	return w
}
