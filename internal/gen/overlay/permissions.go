package overlay

// permissionsOps names the organization permission calls.
func permissionsOps() map[string]Op {
	return map[string]Op{
		"ListOrganizationPermissions":  {Package: "permissions", Method: "List", Doc: "returns one page of the organization permissions defined on the instance."},
		"CreateOrganizationPermission": {Package: "permissions", Method: "Create", Doc: "defines an organization permission."},
		"GetOrganizationPermission":    {Package: "permissions", Method: "Get", Doc: "fetches one organization permission by ID."},
		"UpdateOrganizationPermission": {Package: "permissions", Method: "Update", Doc: "changes the name, key or description of a permission."},
		"DeleteOrganizationPermission": {Package: "permissions", Method: "Delete", Doc: "removes an organization permission."},
	}
}
