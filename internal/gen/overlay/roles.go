package overlay

// rolesOps names the organization role calls.
func rolesOps() map[string]Op {
	return map[string]Op{
		"ListOrganizationRoles":                {Package: "roles", Method: "List", Doc: "returns one page of the organization roles defined on the instance."},
		"CreateOrganizationRole":               {Package: "roles", Method: "Create", Doc: "defines an organization role with the given permissions."},
		"GetOrganizationRole":                  {Package: "roles", Method: "Get", Doc: "fetches one organization role by ID."},
		"UpdateOrganizationRole":               {Package: "roles", Method: "Update", Doc: "changes the name, key, description or permissions of a role."},
		"DeleteOrganizationRole":               {Package: "roles", Method: "Delete", Doc: "removes an organization role."},
		"AssignPermissionToOrganizationRole":   {Package: "roles", Method: "AddPermission", Doc: "grants one permission to a role."},
		"RemovePermissionFromOrganizationRole": {Package: "roles", Method: "RemovePermission", Doc: "takes one permission away from a role."},
	}
}
