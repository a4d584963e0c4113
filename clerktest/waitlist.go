package clerktest

import (
	"net/http"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/waitlist"
)

func (e *Emulator) waitlistRoutes(t []route) []route {
	t = add(t, "GET", "/waitlist_entries", e.listWaitlist, "limit", "offset", "order_by", "query", "status")
	t = add(t, "POST", "/waitlist_entries", e.createWaitlistEntry, "email_address", "notify")
	t = add(t, "POST", "/waitlist_entries/bulk", e.createWaitlistBulk)
	t = add(t, "DELETE", "/waitlist_entries/{waitlist_entry_id}", e.deleteWaitlistEntry)
	t = add(t, "POST", "/waitlist_entries/{waitlist_entry_id}/invite", e.inviteWaitlistEntry, "ignore_existing")
	t = add(t, "POST", "/waitlist_entries/{waitlist_entry_id}/reject", e.rejectWaitlistEntry)
	return t
}

// addWaitlistEntry validates and stores one entry; an address already on
// the waitlist answers the existing entry, as Clerk does.
func (e *Emulator) addWaitlistEntry(addr string) (*clerk.WaitlistEntry, error) {
	if err := need("email_address", addr); err != nil {
		return nil, err
	}
	if err := validEmail("email_address", addr); err != nil {
		return nil, err
	}
	for _, w := range e.st.waitlist.list(false, nil) {
		if strings.EqualFold(w.EmailAddress, addr) {
			return w, nil
		}
	}
	now := e.ms()
	w := &clerk.WaitlistEntry{Object: "waitlist_entry", ID: newID("wle"), EmailAddress: addr, Status: "pending",
		IsLocked: ptr(false), CreatedAt: now, UpdatedAt: now, Invitation: clerk.Null[clerk.Invitation]()}
	e.st.waitlist.put(w.ID, w)
	return w, nil
}

func (e *Emulator) createWaitlistEntry(c *call) (int, any, error) {
	var p waitlist.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	w, err := e.addWaitlistEntry(p.EmailAddress)
	if err != nil {
		return 0, nil, err
	}
	c.emit("waitlistEntry.created", w)
	return http.StatusOK, w, nil
}

func (e *Emulator) createWaitlistBulk(c *call) (int, any, error) {
	var ps []*waitlist.CreateParams
	if err := decode(c, &ps); err != nil {
		return 0, nil, err
	}
	out := make([]*clerk.WaitlistEntry, 0, len(ps))
	for _, p := range ps {
		if p == nil {
			return 0, nil, missingParam("email_address")
		}
		if err := need("email_address", p.EmailAddress); err != nil {
			return 0, nil, err
		}
		if err := validEmail("email_address", p.EmailAddress); err != nil {
			return 0, nil, err
		}
	}
	for _, p := range ps {
		w, _ := e.addWaitlistEntry(p.EmailAddress)
		c.emit("waitlistEntry.created", w)
		out = append(out, w)
	}
	return http.StatusOK, out, nil
}

func (e *Emulator) listWaitlist(c *call) (int, any, error) {
	var lp waitlist.ListParams
	limit, offset, err := decodeListQuery(c, &lp, &lp.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	q, status := lp.Query.Or(""), lp.Status.Or("")
	field, desc := parseOrder(lp.OrderBy.Or(""), "-created_at")
	if field != "created_at" && field != "email_address" && field != "invited_at" {
		return 0, nil, invalidParam("order_by", "order_by must be created_at, email_address or invited_at, optionally prefixed with + or -.")
	}
	items := e.st.waitlist.list(desc, func(w *clerk.WaitlistEntry) bool {
		return (q == "" || containsFold(w.EmailAddress, q)) && (status == "" || string(w.Status) == status)
	})
	if field == "email_address" {
		sortBy(items, desc, func(w *clerk.WaitlistEntry) string { return strings.ToLower(w.EmailAddress) })
	}
	return http.StatusOK, pageOf(items, limit, offset), nil
}

func (e *Emulator) deleteWaitlistEntry(c *call) (int, any, error) {
	w, err := find(&e.st.waitlist, c, "waitlist_entry_id", "waitlist entry")
	if err != nil {
		return 0, nil, err
	}
	e.st.waitlist.del(w.ID)
	return http.StatusOK, deleted("waitlist_entry", w.ID), nil
}

// inviteWaitlistEntry creates an instance invitation for the entry.
func (e *Emulator) inviteWaitlistEntry(c *call) (int, any, error) {
	w, err := find(&e.st.waitlist, c, "waitlist_entry_id", "waitlist entry")
	if err != nil {
		return 0, nil, err
	}
	var p waitlist.InviteParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if e.emailTaken(w.EmailAddress, "") && !p.IgnoreExisting.Or(false) {
		return 0, nil, identifierExists("email_address")
	}
	now := e.ms()
	// The invitation carries its ticket URL, as every instance invitation
	// does, and is mailed with the waitlist invitation template.
	i := &invitation{seq: e.st.next(), id: newID("inv"), email: w.EmailAddress, status: "pending", notify: true,
		template: "waitlist_invitation", createdAt: now, updatedAt: now}
	i.url = e.ticketURL("v1/tickets/accept", "inv_ticket_"+randomString(24), "")
	e.st.invitations[i.id] = i
	e.notifyInvitation(c, i)
	ij := i.json()
	w.Status, w.UpdatedAt = "invited", now
	w.Invitation = clerk.Value(clerk.Invitation{Object: ij.Object, ID: ij.ID, CreatedAt: ij.CreatedAt, EmailAddress: ij.EmailAddress,
		ExpiresAt: ij.ExpiresAt, PublicMetadata: ij.PublicMetadata, Revoked: ij.Revoked, Status: clerk.InvitationStatus(ij.Status),
		UpdatedAt: ij.UpdatedAt, URL: ij.URL})
	c.emit("waitlistEntry.updated", w)
	return http.StatusOK, w, nil
}

func (e *Emulator) rejectWaitlistEntry(c *call) (int, any, error) {
	w, err := find(&e.st.waitlist, c, "waitlist_entry_id", "waitlist entry")
	if err != nil {
		return 0, nil, err
	}
	w.Status, w.UpdatedAt = "rejected", e.ms()
	c.emit("waitlistEntry.updated", w)
	return http.StatusOK, w, nil
}
