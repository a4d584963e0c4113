package overlay

// directoriesOps names the directory (SCIM provisioning) calls, under both
// the /directories and the /scim_directories routes.
func directoriesOps() map[string]Op {
	return map[string]Op{
		"ListDirectories":     {Package: "directories", Method: "List", Doc: "returns one page of the instance's provisioning directories."},
		"CreateDirectory":     {Package: "directories", Method: "Create", Doc: "adds a provisioning directory to an enterprise connection."},
		"GetDirectory":        {Package: "directories", Method: "Get", Doc: "fetches one provisioning directory by ID."},
		"UpdateDirectory":     {Package: "directories", Method: "Update", Doc: "changes the given settings of a provisioning directory."},
		"DeleteDirectory":     {Package: "directories", Method: "Delete", Doc: "removes a provisioning directory and stops its provisioning."},
		"ListSCIMDirectories": {Package: "directories", Method: "ListSCIMDirectories", Doc: "returns one page of directories through the SCIM-specific route."},
		"CreateSCIMDirectory": {Package: "directories", Method: "CreateSCIMDirectory", Doc: "adds a directory through the SCIM-specific route."},
		"GetSCIMDirectory":    {Package: "directories", Method: "GetSCIMDirectory", Doc: "fetches one directory through the SCIM-specific route."},
		"UpdateSCIMDirectory": {Package: "directories", Method: "UpdateSCIMDirectory", Doc: "changes a directory through the SCIM-specific route."},
		"DeleteSCIMDirectory": {Package: "directories", Method: "DeleteSCIMDirectory", Doc: "removes a directory through the SCIM-specific route."},

		// Added in API version 2026-05-12.
		"ListDirectoryGroupRoleMappings":    {Package: "directories", Method: "ListGroupRoleMappings", Doc: "returns the group-to-role mappings of a provisioning directory, by precedence."},
		"CreateDirectoryGroupRoleMapping":   {Package: "directories", Method: "CreateGroupRoleMapping", Doc: "maps one identity-provider group of a directory to an organization role."},
		"ReplaceDirectoryGroupRoleMappings": {Package: "directories", Method: "ReplaceGroupRoleMappings", Doc: "overwrites every group-to-role mapping of a directory with the given list, in order of precedence."},
		"DeleteDirectoryGroupRoleMapping":   {Package: "directories", Method: "DeleteGroupRoleMapping", Response: "DeletedDirectoryGroupRoleMapping", Doc: "removes one group-to-role mapping of a directory."},
		"RotateDirectoryAPIKey":             {Package: "directories", Method: "RotateAPIKey", Doc: "issues a new provisioning API key for a directory; the old one stops working."},
		"ListSCIMGroupRoleMappings":         {Package: "directories", Method: "ListSCIMGroupRoleMappings", Doc: "returns the group-to-role mappings of a directory through the SCIM-specific route."},
		"CreateSCIMGroupRoleMapping":        {Package: "directories", Method: "CreateSCIMGroupRoleMapping", Doc: "maps one SCIM group to an organization role through the SCIM-specific route."},
		"ReplaceSCIMGroupRoleMappings":      {Package: "directories", Method: "ReplaceSCIMGroupRoleMappings", Doc: "overwrites every group-to-role mapping of a directory through the SCIM-specific route."},
		"DeleteSCIMGroupRoleMapping":        {Package: "directories", Method: "DeleteSCIMGroupRoleMapping", Response: "DeletedSCIMGroupRoleMapping", Doc: "removes one group-to-role mapping through the SCIM-specific route."},
		"RotateSCIMDirectoryAPIKey":         {Package: "directories", Method: "RotateSCIMAPIKey", Doc: "issues a new provisioning API key for a directory through the SCIM-specific route."},
	}
}
