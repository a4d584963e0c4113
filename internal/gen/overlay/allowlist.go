package overlay

// allowlistOps names the allow-list calls.
func allowlistOps() map[string]Op {
	return map[string]Op{
		"ListAllowlistIdentifiers":  {Package: "allowlist", Method: "List", Doc: "returns one page of the identifiers that may sign up or sign in."},
		"CreateAllowlistIdentifier": {Package: "allowlist", Method: "Create", Doc: "adds an email address, domain or phone number to the allow-list."},
		"DeleteAllowlistIdentifier": {Package: "allowlist", Method: "Delete", Doc: "removes an identifier from the allow-list."},
	}
}
