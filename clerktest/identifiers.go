package clerktest

import (
	"net/http"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/allowlist"
	"github.com/clerkgo/clerk/blocklist"
	"github.com/clerkgo/clerk/invitations"
)

func (e *Emulator) identifierRoutes(t []route) []route {
	t = add(t, "GET", "/allowlist_identifiers", e.listAllowlist, "limit", "offset", "paginated")
	t = add(t, "POST", "/allowlist_identifiers", e.createAllowlist, "identifier", "notify")
	t = add(t, "DELETE", "/allowlist_identifiers/{identifier_id}", e.deleteAllowlist)
	t = add(t, "GET", "/blocklist_identifiers", e.listBlocklist)
	t = add(t, "POST", "/blocklist_identifiers", e.createBlocklist, "identifier")
	t = add(t, "DELETE", "/blocklist_identifiers/{identifier_id}", e.deleteBlocklist)
	return t
}

// identifierType classifies an allow- or blocklist identifier; a leading
// "*@" (or "*.") marks a whole email domain, which counts as an email.
func identifierType(id string) (string, error) {
	switch {
	case strings.Contains(id, "@"):
		return "email_address", nil
	case strings.HasPrefix(id, "0x") && len(id) == 42:
		return "web3_wallet", nil
	case strings.HasPrefix(id, "+"):
		return "phone_number", nil
	}
	return "", invalidParam("identifier", "identifier must be an email address (or *@domain), a phone number in E.164 form or a web3 wallet.")
}

func duplicateIdentifier(list, id string) *apiError {
	return fail(http.StatusBadRequest, "duplicate_record", "duplicate "+list+" identifier", "the identifier "+id+" already exists")
}

func (e *Emulator) createAllowlist(c *call) (int, any, error) {
	var p allowlist.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("identifier", p.Identifier); err != nil {
		return 0, nil, err
	}
	typ, err := identifierType(p.Identifier)
	if err != nil {
		return 0, nil, err
	}
	for _, x := range e.st.allowlist.list(false, nil) {
		if strings.EqualFold(*x.Identifier, p.Identifier) {
			return 0, nil, duplicateIdentifier("allowlist", p.Identifier)
		}
	}
	now := e.ms()
	it := clerk.AllowlistIdentifierIdentifierType(typ)
	x := &clerk.AllowlistIdentifier{Object: ptr("allowlist_identifier"), ID: ptr(newID("alid")), Identifier: ptr(p.Identifier),
		IdentifierType: &it, InstanceID: ptr(e.keys.instanceID), CreatedAt: &now, UpdatedAt: &now}
	// notify invites the address (an email identifier, not a whole
	// domain): Clerk answers the invitation's ID.
	if p.Notify.Or(false) && typ == "email_address" && !strings.HasPrefix(p.Identifier, "*") {
		inv, err := e.prepareInvitation(&invitations.CreateParams{EmailAddress: p.Identifier, IgnoreExisting: clerk.Value(true)}, nil)
		if err != nil {
			return 0, nil, err
		}
		e.st.invitations[inv.id] = inv
		e.notifyInvitation(c, inv)
		x.InvitationID = ptr(inv.id)
	}
	e.st.allowlist.put(*x.ID, x)
	return http.StatusOK, x, nil
}

func (e *Emulator) listAllowlist(c *call) (int, any, error) {
	var p allowlist.ListParams
	if err := decodeQuery(c, &p); err != nil {
		return 0, nil, err
	}
	return listAnswer(p.ListParams, p.Paginated, e.st.allowlist.list(true, nil), false)
}

func (e *Emulator) deleteAllowlist(c *call) (int, any, error) {
	id := c.param("identifier_id")
	if !e.st.allowlist.del(id) {
		return 0, nil, notFound("allowlist identifier " + id)
	}
	return http.StatusOK, deleted("allowlist_identifier", id), nil
}

func (e *Emulator) createBlocklist(c *call) (int, any, error) {
	var p blocklist.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("identifier", p.Identifier); err != nil {
		return 0, nil, err
	}
	typ, err := identifierType(p.Identifier)
	if err != nil {
		return 0, nil, err
	}
	for _, x := range e.st.blocklist.list(false, nil) {
		if strings.EqualFold(*x.Identifier, p.Identifier) {
			return 0, nil, duplicateIdentifier("blocklist", p.Identifier)
		}
	}
	now := e.ms()
	it := clerk.BlocklistIdentifierIdentifierType(typ)
	x := &clerk.BlocklistIdentifier{Object: ptr("blocklist_identifier"), ID: ptr(newID("blid")), Identifier: ptr(p.Identifier),
		IdentifierType: &it, InstanceID: ptr(e.keys.instanceID), CreatedAt: &now, UpdatedAt: &now}
	e.st.blocklist.put(*x.ID, x)
	return http.StatusOK, x, nil
}

func (e *Emulator) listBlocklist(c *call) (int, any, error) {
	all := e.st.blocklist.list(true, nil)
	return http.StatusOK, list[*clerk.BlocklistIdentifier]{Data: all, TotalCount: int64(len(all))}, nil
}

func (e *Emulator) deleteBlocklist(c *call) (int, any, error) {
	id := c.param("identifier_id")
	if !e.st.blocklist.del(id) {
		return 0, nil, notFound("blocklist identifier " + id)
	}
	return http.StatusOK, deleted("blocklist_identifier", id), nil
}
