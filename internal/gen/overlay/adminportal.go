package overlay

// adminPortalOps names the admin portal link token calls.
func adminPortalOps() map[string]Op {
	return map[string]Op{
		"createAdminPortalLinkToken": {Package: "adminportal", Method: "CreateLinkToken", Doc: "issues a single-use link token that opens the admin portal, returned with its secret.", Response: "CreatedLinkToken", Params: map[string]string{"it_contact_id": "ITContactID"}},
		"revokeAdminPortalLinkToken": {Package: "adminportal", Method: "RevokeLinkToken", Doc: "invalidates an admin portal link token, recording why.", Response: "LinkToken", Params: map[string]string{"adminPortalLinkTokenID": "LinkTokenID"}},
	}
}
