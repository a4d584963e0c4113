package overlay

// roleSetsOps names the role set calls.
func roleSetsOps() map[string]Op {
	return map[string]Op{
		"ListRoleSets":         {Package: "rolesets", Method: "List", Doc: "returns one page of the instance's role sets."},
		"CreateRoleSet":        {Package: "rolesets", Method: "Create", Doc: "defines a role set from existing roles."},
		"GetRoleSet":           {Package: "rolesets", Method: "Get", Doc: "fetches one role set by key or ID."},
		"UpdateRoleSet":        {Package: "rolesets", Method: "Update", Doc: "changes the given fields of a role set."},
		"ReplaceRoleSet":       {Package: "rolesets", Method: "Retire", Doc: "retires a role set, moving the organizations that use it to another set.", Params: map[string]string{"dest_role_set_key": "DestinationRoleSetKey"}},
		"AddRolesToRoleSet":    {Package: "rolesets", Method: "AddRoles", Doc: "adds existing roles to a role set."},
		"ReplaceRoleInRoleSet": {Package: "rolesets", Method: "SwapRole", Doc: "swaps one role of a set for another, moving its members across."},
	}
}
