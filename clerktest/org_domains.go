//lint:file-ignore SA1019 the emulator fills the fields the spec marks deprecated, as Clerk still sends them

package clerktest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/organizations"
)

func (e *Emulator) orgDomainRoutes(t []route) []route {
	t = add(t, "POST", "/organizations/{organization_id}/domains", e.createOrgDomain, "enrollment_mode", "name", "verified")
	t = add(t, "GET", "/organizations/{organization_id}/domains", e.listOrgDomains, "enrollment_mode", "limit", "offset", "verified")
	t = add(t, "PATCH", "/organizations/{organization_id}/domains/{domain_id}", e.updateOrgDomain, "enrollment_mode", "verified")
	t = add(t, "DELETE", "/organizations/{organization_id}/domains/{domain_id}", e.deleteOrgDomain)
	t = add(t, "POST", "/organizations/{organization_id}/domains/{domain_id}/verify_ownership", e.verifyOrgDomain)
	t = add(t, "GET", "/organization_domains", e.listInstanceOrgDomains, "domains", "enrollment_mode", "limit", "offset",
		"order_by", "organization_id", "query", "verified")
	return t
}

var enrollmentModes = []string{"manual_invitation", "automatic_invitation", "automatic_suggestion"}

func (e *Emulator) orgDomainJSON(d *clerk.OrganizationDomain) *clerk.OrganizationDomain {
	out := *d
	if o, ok := e.st.orgs[d.OrganizationID]; ok {
		out.PublicOrganizationData = clerk.Value(clerk.OrganizationInvitationPublicOrganizationData{ID: o.id, Name: o.name,
			Slug: o.slug, ImageURL: ptr(imageURL(o.id)), HasImage: o.hasLogo})
	}
	return &out
}

func verifiedBy(strategy string, at int64) *clerk.OrganizationDomainVerification {
	return &clerk.OrganizationDomainVerification{Status: "verified", Strategy: strategy, VerifiedAt: &at}
}

func (e *Emulator) createOrgDomain(c *call) (int, any, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return 0, nil, err
	}
	var p organizations.CreateDomainParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	name, _ := p.Name.Get()
	if err := need("name", name); err != nil {
		return 0, nil, err
	}
	name = strings.ToLower(name)
	mode := p.EnrollmentMode.Or("manual_invitation")
	if !slices.Contains(enrollmentModes, mode) {
		return 0, nil, invalidParam("enrollment_mode", "enrollment_mode must be manual_invitation, automatic_invitation or automatic_suggestion.")
	}
	for _, d := range e.st.orgDomains.list(false, nil) {
		if d.Name == name {
			err := failParam(http.StatusUnprocessableEntity, "organization_domain_already_exists", "organizaton domain already exists", "name")
			err.detail.LongMessage = "This domain is already used by another organization."
			return 0, nil, err
		}
	}
	now := e.ms()
	d := &clerk.OrganizationDomain{Object: "organization_domain", ID: newID("orgdmn"), OrganizationID: o.id, Name: name,
		EnrollmentMode: clerk.OrganizationDomainEnrollmentMode(mode), CreatedAt: now, UpdatedAt: now}
	if p.Verified.Or(true) {
		d.Verification = verifiedBy("admin", now)
	}
	e.st.orgDomains.put(d.ID, d)
	c.emit("organizationDomain.created", e.orgDomainJSON(d))
	return http.StatusOK, e.orgDomainJSON(d), nil
}

// domainFilter is the verified and enrollment_mode filters (verified is a
// string in the spec, "true" or "false").
func domainFilter(verifiedParam clerk.Opt[string], modes []string) (func(*clerk.OrganizationDomain) bool, error) {
	var verified, vSet bool
	if s, ok := verifiedParam.Get(); ok {
		b, err := strconv.ParseBool(s)
		if err != nil {
			return nil, invalidParam("verified", "verified must be true or false.")
		}
		verified, vSet = b, true
	}
	return func(d *clerk.OrganizationDomain) bool {
		isVerified := d.Verification != nil && d.Verification.Status == "verified"
		return (!vSet || isVerified == verified) && (len(modes) == 0 || slices.Contains(modes, string(d.EnrollmentMode)))
	}, nil
}

func (e *Emulator) listOrgDomains(c *call) (int, any, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return 0, nil, err
	}
	var p organizations.ListDomainsParams
	if err := decodeQuery(c, &p); err != nil {
		return 0, nil, err
	}
	var modes []string
	if m, ok := p.EnrollmentMode.Get(); ok {
		modes = []string{m}
	}
	keep, err := domainFilter(p.Verified, modes)
	if err != nil {
		return 0, nil, err
	}
	return e.domainPage(p.ListParams, e.st.orgDomains.list(true, func(d *clerk.OrganizationDomain) bool {
		return d.OrganizationID == o.id && keep(d)
	}))
}

func (e *Emulator) domainPage(lp clerk.ListParams, ds []*clerk.OrganizationDomain) (int, any, error) {
	limit, offset, err := pageOfParams(lp, 500)
	if err != nil {
		return 0, nil, err
	}
	out := make([]*clerk.OrganizationDomain, 0, len(ds))
	for _, d := range ds {
		out = append(out, e.orgDomainJSON(d))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

func (e *Emulator) listInstanceOrgDomains(c *call) (int, any, error) {
	var p organizations.ListInstanceDomainsParams
	if err := decodeQuery(c, &p); err != nil {
		return 0, nil, err
	}
	keep, err := domainFilter(p.Verified, p.EnrollmentMode)
	if err != nil {
		return 0, nil, err
	}
	field, desc := parseOrder(p.OrderBy.Or(""), "-created_at")
	if field != "created_at" && field != "name" {
		return 0, nil, invalidParam("order_by", "order_by must be created_at or name, optionally prefixed with + or -.")
	}
	org, names, q := p.OrganizationID.Or(""), p.Domains, p.Query.Or("")
	ds := e.st.orgDomains.list(desc, func(d *clerk.OrganizationDomain) bool {
		return keep(d) && (org == "" || org == d.OrganizationID) &&
			(len(names) == 0 || slices.Contains(names, d.Name)) && (q == "" || containsFold(d.Name, q))
	})
	if field == "name" {
		sortBy(ds, desc, func(d *clerk.OrganizationDomain) string { return d.Name })
	}
	return e.domainPage(p.ListParams, ds)
}

func (e *Emulator) findOrgDomain(c *call) (*clerk.OrganizationDomain, error) {
	o, err := e.findOrg(c.param("organization_id"))
	if err != nil {
		return nil, err
	}
	d, ok := e.st.orgDomains.get(c.param("domain_id"))
	if !ok || d.OrganizationID != o.id {
		return nil, notFound("organization domain " + c.param("domain_id"))
	}
	return d, nil
}

func (e *Emulator) updateOrgDomain(c *call) (int, any, error) {
	d, err := e.findOrgDomain(c)
	if err != nil {
		return 0, nil, err
	}
	var p organizations.UpdateDomainParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if m, ok := p.EnrollmentMode.Get(); ok {
		if !slices.Contains(enrollmentModes, m) {
			return 0, nil, invalidParam("enrollment_mode", "enrollment_mode must be manual_invitation, automatic_invitation or automatic_suggestion.")
		}
		d.EnrollmentMode = clerk.OrganizationDomainEnrollmentMode(m)
	}
	now := e.ms()
	if v, ok := p.Verified.Get(); ok {
		d.Verification = nil
		if v {
			d.Verification = verifiedBy("admin", now)
		}
	}
	d.UpdatedAt = now
	c.emit("organizationDomain.updated", e.orgDomainJSON(d))
	return http.StatusOK, e.orgDomainJSON(d), nil
}

func (e *Emulator) deleteOrgDomain(c *call) (int, any, error) {
	d, err := e.findOrgDomain(c)
	if err != nil {
		return 0, nil, err
	}
	e.st.orgDomains.del(d.ID)
	out := deleted("organization_domain", d.ID)
	c.emit("organizationDomain.deleted", out)
	return http.StatusOK, out, nil
}

// verifyOrgDomain marks the domain's ownership verified (the emulator
// cannot check DNS).
func (e *Emulator) verifyOrgDomain(c *call) (int, any, error) {
	d, err := e.findOrgDomain(c)
	if err != nil {
		return 0, nil, err
	}
	now := e.ms()
	d.OwnershipVerification, d.UpdatedAt = verifiedBy("dns_record", now), now
	return http.StatusOK, e.orgDomainJSON(d), nil
}
