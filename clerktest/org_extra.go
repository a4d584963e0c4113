package clerktest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/invitations"
	"github.com/clerkgo/clerk/organizations"
)

func (e *Emulator) orgExtraRoutes(t []route) []route {
	t = add(t, "POST", "/invitations/bulk", e.createInvitationsBulk)
	t = add(t, "POST", "/organizations/{organization_id}/invitations/bulk", e.createOrgInvitationsBulk)
	t = add(t, "GET", "/organizations/{organization_id}/invitations/pending", e.listPendingOrgInvitations, "limit", "offset")
	t = add(t, "GET", "/organization_invitations", e.listInstanceOrgInvitations, "limit", "offset", "order_by", "query", "status")
	t = add(t, "GET", "/organization_memberships", e.listInstanceMemberships, "limit", "offset", "order_by")
	t = add(t, "PATCH", "/organizations/{organization_id}/memberships/{user_id}/metadata", e.membershipMetadata, "private_metadata", "public_metadata")
	t = add(t, "PUT", "/organizations/{organization_id}/logo", e.setOrgLogo(true))
	t = add(t, "DELETE", "/organizations/{organization_id}/logo", e.setOrgLogo(false))
	return t
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
		i, err := e.prepareInvitation(f, batch)
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
		i, err := e.prepareOrgInvitation(o, f, batch)
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
	limit, offset, err := page(c.query, 500)
	if err != nil {
		return 0, nil, err
	}
	var out []*clerk.OrganizationInvitation
	for _, i := range e.sortedOrgInvites() {
		if i.orgID == o.id && i.status == "pending" {
			out = append(out, e.orgInvitationJSON(i))
		}
	}
	p := pageOf(out, limit, offset)
	return http.StatusOK, &clerk.OrganizationInvitations{Data: p.Data, TotalCount: p.TotalCount}, nil
}

// listInstanceOrgInvitations lists the invitations of every organization.
func (e *Emulator) listInstanceOrgInvitations(c *call) (int, any, error) {
	limit, offset, err := page(c.query, 500)
	if err != nil {
		return 0, nil, err
	}
	field, desc := parseOrder(c.query["order_by"], "-created_at")
	if field != "created_at" && field != "email_address" {
		return 0, nil, invalidParam("order_by", "order_by must be created_at or email_address, optionally prefixed with + or -.")
	}
	q, status := c.query.Get("query"), c.query.Get("status")
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

func (e *Emulator) listInstanceMemberships(c *call) (int, any, error) {
	limit, offset, err := page(c.query, 500)
	if err != nil {
		return 0, nil, err
	}
	field, desc := parseOrder(c.query["order_by"], "-created_at")
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

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
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

// setOrgLogo records an uploaded logo (the multipart file must be
// present) or removes it.
func (e *Emulator) setOrgLogo(upload bool) handler {
	return func(c *call) (int, any, error) {
		o, err := e.findOrg(c.param("organization_id"))
		if err != nil {
			return 0, nil, err
		}
		if upload {
			if err := c.uploadedFile(); err != nil {
				return 0, nil, err
			}
		}
		o.hasLogo, o.updatedAt = upload, e.ms()
		j := e.orgJSON(o, false)
		c.emit("organization.updated", j)
		if !upload {
			return http.StatusOK, j, nil
		}
		// The upload answer is the organization with the deprecated
		// logo_url beside image_url.
		answer := *j // j is the event's payload too: leave it as it was
		answer.HasImage, answer.ImageURL = true, ptr(imageURL(o.id))
		//lint:ignore SA1019 the emulator still sends what the API sends
		answer.LogoURL = ptr(imageURL(o.id))
		return http.StatusOK, &answer, nil
	}
}
