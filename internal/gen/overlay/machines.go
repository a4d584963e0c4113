package overlay

// machinesOps names the machine calls, including secret keys and scopes.
func machinesOps() map[string]Op {
	ttl := map[string]string{"default_token_ttl": "DefaultTokenTTL"}
	return map[string]Op{
		"ListMachines":           {Package: "machines", Method: "List", Doc: "returns one page of the instance's machines, filtered and ordered as asked."},
		"CreateMachine":          {Package: "machines", Method: "Create", Doc: "adds a machine and returns it with its secret key, shown only this once.", Response: "CreatedMachine", Params: ttl},
		"GetMachine":             {Package: "machines", Method: "Get", Doc: "fetches one machine by ID."},
		"UpdateMachine":          {Package: "machines", Method: "Update", Doc: "changes the name or default token lifetime of a machine.", Params: ttl},
		"DeleteMachine":          {Package: "machines", Method: "Delete", Doc: "removes a machine.", Response: "DeletedMachine"},
		"GetMachineSecretKey":    {Package: "machines", Method: "GetSecret", Doc: "returns the current secret key of a machine.", Response: "MachineSecret"},
		"RotateMachineSecretKey": {Package: "machines", Method: "RotateSecret", Doc: "replaces a machine's secret key, keeping the old one valid for the given grace period.", Response: "MachineSecret", Params: map[string]string{"previous_token_ttl": "PreviousTokenTTL"}},
		"CreateMachineScope":     {Package: "machines", Method: "CreateScope", Doc: "lets a machine call another machine."},
		"DeleteMachineScope":     {Package: "machines", Method: "DeleteScope", Doc: "stops a machine from calling another machine.", Response: "DeletedScope"},
	}
}
