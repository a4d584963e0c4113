package clerktest

import (
	"cmp"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/organizations"
)

// organization is the emulator's record of an organization.
type organization struct {
	seq         int64
	id          string
	name        string
	slug        string
	maxMembers  int64
	adminDelete bool
	hasLogo     bool
	public      map[string]any
	private     map[string]any
	createdBy   string
	roleSetKey  string // the role set assigned with role_set_key, if any
	createdAt   int64
	updatedAt   int64
}

// orgJSON builds the wire form of the organization from the generated
// model type; counts adds the member and pending-invitation counts.
func (e *Emulator) orgJSON(o *organization, counts bool) *clerk.Organization {
	out := &clerk.Organization{Object: "organization", ID: o.id, Name: o.name, Slug: o.slug, ImageURL: ptr(imageURL(o.id)),
		MaxAllowedMemberships: o.maxMembers, AdminDeleteEnabled: o.adminDelete,
		PublicMetadata: metaJSON(o.public), PrivateMetadata: metaJSON(o.private),
		CreatedAt: o.createdAt, UpdatedAt: o.updatedAt, HasImage: o.hasLogo}
	out.RoleSetKey, out.MissingMemberWithElevatedPermissions = clerk.Null[string](), ptr(false)
	if o.roleSetKey != "" {
		out.RoleSetKey = clerk.Value(o.roleSetKey)
	}
	if o.createdBy != "" {
		out.CreatedBy = ptr(o.createdBy)
	}
	if counts {
		out.MembersCount = ptr(int64(len(e.orgMembers(o.id))))
		n := int64(0)
		for _, inv := range e.st.orgInvites {
			if inv.orgID == o.id && inv.status == "pending" {
				n++
			}
		}
		out.PendingInvitationsCount = &n
	}
	return out
}

func (e *Emulator) orgRoutes(t []route) []route {
	t = add(t, "GET", "/organizations", e.listOrgs, "include_members_count", "include_missing_member_with_elevated_permissions",
		"limit", "offset", "order_by", "organization_id", "query", "user_id")
	t = add(t, "POST", "/organizations", e.createOrg, "created_at", "created_by", "max_allowed_memberships", "name",
		"private_metadata", "public_metadata", "role_set_key", "slug")
	t = add(t, "GET", "/organizations/{organization_id}", e.getOrg, "include_members_count", "include_missing_member_with_elevated_permissions")
	t = add(t, "PATCH", "/organizations/{organization_id}", e.updateOrg, "admin_delete_enabled", "created_at",
		"max_allowed_memberships", "name", "private_metadata", "public_metadata", "role_set_key", "slug")
	t = add(t, "DELETE", "/organizations/{organization_id}", e.deleteOrg)
	t = add(t, "PATCH", "/organizations/{organization_id}/metadata", e.orgMetadata(true), "private_metadata", "public_metadata")
	t = add(t, "PUT", "/organizations/{organization_id}/metadata", e.orgMetadata(false), "private_metadata", "public_metadata")
	t = add(t, "PUT", "/organizations/{organization_id}/logo", e.setOrgLogo(true))
	t = add(t, "DELETE", "/organizations/{organization_id}/logo", e.setOrgLogo(false))
	return t
}

// findOrg accepts an organization ID or slug.
func (e *Emulator) findOrg(idOrSlug string) (*organization, error) {
	if o, ok := e.st.orgs[idOrSlug]; ok {
		return o, nil
	}
	for _, o := range e.st.orgs {
		if o.slug == idOrSlug {
			return o, nil
		}
	}
	return nil, notFound("organization " + idOrSlug)
}

func slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func (e *Emulator) slugTaken(slug, except string) bool {
	for _, o := range e.st.orgs {
		if o.slug == slug && o.id != except {
			return true
		}
	}
	return false
}

func (e *Emulator) createOrg(c *call) (int, any, error) {
	var p organizations.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	o, m, err := e.newOrg(&p)
	if err != nil {
		return 0, nil, err
	}
	c.emit("organization.created", e.orgJSON(o, false))
	if m != nil {
		c.emit("organizationMembership.created", e.membershipJSON(m))
	}
	return http.StatusOK, e.orgJSON(o, false), nil
}

// newOrg validates and stores an organization; created_by becomes its admin.
func (e *Emulator) newOrg(p *organizations.CreateParams) (*organization, *membership, error) {
	if strings.TrimSpace(p.Name) == "" {
		return nil, nil, missingParam("name")
	}
	now := e.ms()
	o := &organization{seq: e.st.next(), id: newID("org"), name: p.Name, slug: slugify(p.Name), createdAt: now, updatedAt: now, adminDelete: true,
		maxMembers: e.st.settings.knobs.MaxAllowedMemberships}
	// Create's parameters are update's, less admin_delete_enabled.
	if err := e.applyOrgFields(o, &organizations.UpdateParams{Slug: p.Slug, CreatedAt: p.CreatedAt, RoleSetKey: p.RoleSetKey,
		MaxAllowedMemberships: p.MaxAllowedMemberships, PublicMetadata: p.PublicMetadata, PrivateMetadata: p.PrivateMetadata}); err != nil {
		return nil, nil, err
	}
	var creator *user
	if by := p.CreatedBy.Or(""); by != "" {
		if creator = e.st.users[by]; creator == nil {
			return nil, nil, fail(http.StatusBadRequest, "organization_creator_not_found", "creator not found",
				"No users found with id "+by+".")
		}
		o.createdBy = creator.id
	}
	e.st.orgs[o.id] = o
	e.assignDefaultPlan(o.id, "org")
	var m *membership
	if creator != nil {
		m = e.newMembership(o, creator, "org:admin")
	}
	return o, m, nil
}

// orgSlug is the slug format the spec documents: lowercase alphanumerics
// and dashes.
var orgSlug = regexp.MustCompile(`^[a-z0-9]+(-+[a-z0-9]+)*$`)

func (e *Emulator) applyOrgFields(o *organization, p *organizations.UpdateParams) error {
	if v, ok := p.Name.Get(); ok {
		o.name = v
	}
	if v, ok := p.Slug.Get(); ok {
		o.slug = v
	}
	if !orgSlug.MatchString(o.slug) {
		e := failParam(http.StatusUnprocessableEntity, "form_param_format_invalid", "is invalid", "slug")
		e.detail.LongMessage = "slug can contain only lowercase alphanumeric characters and the dash \"-\"."
		return e
	}
	if e.slugTaken(o.slug, o.id) {
		return identifierExists("slug")
	}
	if v, ok := p.CreatedAt.Get(); ok {
		ms, err := parseDateTime("created_at", v)
		if err != nil {
			return err
		}
		o.createdAt = *ms
	}
	if v, ok := p.RoleSetKey.Get(); ok {
		if !e.roleSetExists(v) {
			return resourceParamNotFound("role_set_key")
		}
		o.roleSetKey = v
	}
	if v, ok := p.MaxAllowedMemberships.Get(); ok {
		o.maxMembers = v
	}
	if v, ok := p.AdminDeleteEnabled.Get(); ok {
		o.adminDelete = v
	}
	// Update still takes the metadata the spec moved to PATCH .../metadata.
	//lint:ignore SA1019 the emulator serves every parameter, deprecated or not
	pub, priv := p.PublicMetadata, p.PrivateMetadata
	for _, m := range []struct {
		v   *map[string]any
		set bool
		dst *map[string]any
	}{{optPtr(pub.Get()), !pub.IsOmitted(), &o.public}, {optPtr(priv.Get()), !priv.IsOmitted(), &o.private}} {
		switch {
		case m.v != nil:
			*m.dst = *m.v
		case m.set: // null clears it
			*m.dst = nil
		}
	}
	return nil
}

func (e *Emulator) getOrg(c *call) (int, any, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return 0, nil, err
	}
	var p organizations.GetParams
	if err := decodeQuery(c, &p); err != nil {
		return 0, nil, err
	}
	// Every emulated organization keeps its admins as members, so there is
	// never a missing member with elevated permissions to include.
	return http.StatusOK, e.orgJSON(o, p.IncludeMembersCount.Or(false)), nil
}

func (e *Emulator) updateOrg(c *call) (int, any, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return 0, nil, err
	}
	var p organizations.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	cp := *o
	if err := e.applyOrgFields(&cp, &p); err != nil {
		return 0, nil, err
	}
	cp.updatedAt = e.ms()
	*o = cp
	c.emit("organization.updated", e.orgJSON(o, false))
	return http.StatusOK, e.orgJSON(o, false), nil
}

func (e *Emulator) deleteOrg(c *call) (int, any, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return 0, nil, err
	}
	e.cascadeMemberships(c, func(m *membership) bool { return m.orgID == o.id })
	for _, d := range e.st.orgDomains.list(false, func(d *clerk.OrganizationDomain) bool { return d.OrganizationID == o.id }) {
		e.st.orgDomains.del(d.ID)
	}
	for _, i := range e.st.orgInvites {
		if i.orgID == o.id && i.status == "pending" {
			i.status, i.updatedAt = "revoked", e.ms()
		}
	}
	delete(e.st.orgs, o.id)
	out := deleted("organization", o.id)
	out.Slug = ptr(o.slug)
	c.emit("organization.deleted", out)
	return http.StatusOK, out, nil
}

func (e *Emulator) orgMetadata(merge bool) handler {
	return func(c *call) (int, any, error) {
		o, err := e.findOrg(c.param("organization_id"))
		if err != nil {
			return 0, nil, err
		}
		// PATCH and PUT take the same two objects.
		var p organizations.UpdateMetadataParams
		if err := decode(c, &p); err != nil {
			return 0, nil, err
		}
		applyMetadata(merge, []metadataSlot{{&p.PublicMetadata, &o.public}, {&p.PrivateMetadata, &o.private}})
		o.updatedAt = e.ms()
		c.emit("organization.updated", e.orgJSON(o, false))
		return http.StatusOK, e.orgJSON(o, false), nil
	}
}

func (e *Emulator) listOrgs(c *call) (int, any, error) {
	var lp organizations.ListParams
	limit, offset, err := decodeListQuery(c, &lp, &lp.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	counts := lp.IncludeMembersCount.Or(false)
	q, userIDs, orgIDs := lp.Query.Or(""), lp.UserID, lp.OrganizationID
	var orgs []*organization
	for _, o := range e.st.orgs {
		if q != "" && !containsFold(o.name, q) && !containsFold(o.slug, q) && !containsFold(o.id, q) {
			continue
		}
		if len(orgIDs) > 0 && !slices.Contains(orgIDs, o.id) {
			continue
		}
		if len(userIDs) > 0 && !slices.ContainsFunc(userIDs, func(u string) bool { return e.isMember(o.id, u) }) {
			continue
		}
		orgs = append(orgs, o)
	}
	field, desc := parseOrder(lp.OrderBy.Or(""), "-created_at")
	var by func(a, b *organization) int
	switch field {
	case "created_at":
		by = func(a, b *organization) int { return cmp.Compare(a.createdAt, b.createdAt) }
	case "name":
		by = func(a, b *organization) int { return strings.Compare(a.name, b.name) }
	case "members_count":
		by = func(a, b *organization) int { return cmp.Compare(len(e.orgMembers(a.id)), len(e.orgMembers(b.id))) }
	default:
		return 0, nil, invalidParam("order_by", "order_by must be one of name, created_at, members_count, optionally prefixed with + or -.")
	}
	slices.SortFunc(orgs, func(a, b *organization) int {
		r := by(a, b)
		if r == 0 {
			r = cmp.Compare(a.seq, b.seq)
		}
		if desc {
			return -r
		}
		return r
	})
	out := make([]*clerk.Organization, 0, len(orgs))
	for _, o := range orgs {
		out = append(out, e.orgJSON(o, counts))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
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
