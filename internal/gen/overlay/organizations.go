package overlay

// organizationsOps names the organization calls: the organizations
// themselves, their metadata and logo, memberships, invitations and domains,
// including the instance-wide lists of the last three.
func organizationsOps() map[string]Op {
	return map[string]Op{
		"ListOrganizations":                    {Package: "organizations", Method: "List", Doc: "returns one page of the instance's organizations, filtered and ordered as asked."},
		"CreateOrganization":                   {Package: "organizations", Method: "Create", Doc: "adds an organization, with the given user as its first admin."},
		"GetOrganization":                      {Package: "organizations", Method: "Get", Doc: "fetches one organization by ID or slug."},
		"UpdateOrganization":                   {Package: "organizations", Method: "Update", Doc: "changes the given fields of an organization and leaves the rest as they are."},
		"DeleteOrganization":                   {Package: "organizations", Method: "Delete", Doc: "removes an organization along with its memberships and invitations."},
		"MergeOrganizationMetadata":            {Package: "organizations", Method: "UpdateMetadata", Doc: "deep-merges the given public and private metadata into an organization's metadata."},
		"ReplaceOrganizationMetadata":          {Package: "organizations", Method: "ReplaceMetadata", Doc: "overwrites an organization's public and private metadata with the given values."},
		"UploadOrganizationLogo":               {Package: "organizations", Method: "UploadLogo", Doc: "uploads a new logo for an organization as a multipart form."},
		"DeleteOrganizationLogo":               {Package: "organizations", Method: "DeleteLogo", Doc: "removes an organization's logo."},
		"ListOrganizationMemberships":          {Package: "organizations", Method: "ListMemberships", Doc: "returns one page of an organization's members, filtered and ordered as asked."},
		"CreateOrganizationMembership":         {Package: "organizations", Method: "CreateMembership", Doc: "adds a user to an organization with the given role."},
		"UpdateOrganizationMembership":         {Package: "organizations", Method: "UpdateMembership", Doc: "changes the role of a member of an organization."},
		"DeleteOrganizationMembership":         {Package: "organizations", Method: "DeleteMembership", Doc: "removes a user from an organization."},
		"UpdateOrganizationMembershipMetadata": {Package: "organizations", Method: "UpdateMembershipMetadata", Doc: "deep-merges the given metadata into one membership's metadata."},
		"InstanceGetOrganizationMemberships":   {Package: "organizations", Method: "ListInstanceMemberships", Doc: "returns one page of memberships across every organization of the instance."},
		"ListOrganizationInvitations":          {Package: "organizations", Method: "ListInvitations", Doc: "returns one page of the invitations sent on behalf of an organization."},
		"ListPendingOrganizationInvitations":   {Package: "organizations", Method: "ListPendingInvitations", Doc: "returns one page of an organization's invitations that are still open; prefer ListInvitations with a status filter."},
		"GetOrganizationInvitation":            {Package: "organizations", Method: "GetInvitation", Doc: "fetches one invitation of an organization."},
		"CreateOrganizationInvitation":         {Package: "organizations", Method: "CreateInvitation", Doc: "invites an email address to join an organization with the given role."},
		"CreateOrganizationInvitationBulk":     {Package: "organizations", Method: "CreateInvitationBulk", Doc: "sends several invitations to join an organization in one call."},
		"RevokeOrganizationInvitation":         {Package: "organizations", Method: "RevokeInvitation", Doc: "withdraws an organization invitation that has not been accepted yet."},
		"ListInstanceOrganizationInvitations":  {Package: "organizations", Method: "ListInstanceInvitations", Doc: "returns one page of invitations across every organization of the instance."},
		"ListOrganizationDomains":              {Package: "organizations", Method: "ListDomains", Doc: "returns one page of the domains attached to an organization."},
		"CreateOrganizationDomain":             {Package: "organizations", Method: "CreateDomain", Doc: "attaches a domain to an organization."},
		"UpdateOrganizationDomain":             {Package: "organizations", Method: "UpdateDomain", Doc: "changes the enrollment mode or verification state of an organization's domain."},
		"DeleteOrganizationDomain":             {Package: "organizations", Method: "DeleteDomain", Doc: "detaches a domain from an organization."},
		"VerifyOrganizationDomainOwnership":    {Package: "organizations", Method: "VerifyDomain", Doc: "checks that the organization owns one of its domains and records the result."},
		"ListAllOrganizationDomains":           {Package: "organizations", Method: "ListInstanceDomains", Doc: "returns one page of organization domains across the whole instance."},
	}
}
