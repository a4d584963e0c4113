package clerktest

import (
	"errors"
	"fmt"
)

// ErrInvitationNotPending is returned when an invitation cannot be
// accepted because it was accepted or revoked already.
var ErrInvitationNotPending = errors.New("clerktest: the invitation is not pending")

// AcceptOrganizationInvitation accepts an organization invitation as its
// recipient would through the Frontend API: the invitation becomes
// accepted and userID (who must own the invited email address) becomes a
// member with the invited role. It sends organizationInvitation.accepted
// and organizationMembership.created.
func (e *Emulator) AcceptOrganizationInvitation(invitationID, userID string) error {
	e.mu.Lock()
	i, ok := e.st.orgInvites[invitationID]
	u, uok := e.st.users[userID]
	o, ook := e.st.orgs[i.orgIDOrEmpty()]
	var err error
	switch {
	case !ok:
		err = fmt.Errorf("clerktest: accept invitation %q: no such organization invitation", invitationID)
	case !uok:
		err = fmt.Errorf("clerktest: accept invitation %q: %w", invitationID, ErrUnknownUser)
	case !ook:
		err = fmt.Errorf("clerktest: accept invitation %q: the organization was deleted", invitationID)
	case i.status != "pending":
		err = fmt.Errorf("clerktest: accept invitation %q: %w", invitationID, ErrInvitationNotPending)
	case !u.hasEmail(i.email):
		err = fmt.Errorf("clerktest: accept invitation %q: the user does not own %s", invitationID, i.email)
	case e.isMember(o.id, u.id):
		err = fmt.Errorf("clerktest: accept invitation %q: the user is already a member", invitationID)
	}
	if err != nil {
		e.mu.Unlock()
		return err
	}
	c := &call{e: e}
	i.status, i.updatedAt = "accepted", e.ms()
	c.emit("organizationInvitation.accepted", e.orgInvitationJSON(i))
	m := e.newMembership(o, u, i.role)
	m.public = cloneMetadata(i.public)
	c.emit("organizationMembership.created", e.membershipJSON(m))
	e.mu.Unlock()
	e.hooks.enqueue(c.events)
	return nil
}

func (i *orgInvitation) orgIDOrEmpty() string {
	if i == nil {
		return ""
	}
	return i.orgID
}
