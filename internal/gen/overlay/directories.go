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
	}
}
