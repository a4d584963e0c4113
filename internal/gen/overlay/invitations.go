package overlay

// invitationsOps names the calls on invitations to the application.
func invitationsOps() map[string]Op {
	return map[string]Op{
		"ListInvitations":       {Package: "invitations", Method: "List", Doc: "returns one page of the instance's invitations, filtered and ordered as asked."},
		"CreateInvitation":      {Package: "invitations", Method: "Create", Doc: "invites an email address to sign up to the application."},
		"CreateBulkInvitations": {Package: "invitations", Method: "CreateBulk", Doc: "sends several invitations to sign up in one call."},
		"RevokeInvitation":      {Package: "invitations", Method: "Revoke", Doc: "withdraws an invitation that has not been accepted yet.", Response: "Invitation"},
	}
}
