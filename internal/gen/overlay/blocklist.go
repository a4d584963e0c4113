package overlay

// blocklistOps names the block-list calls.
func blocklistOps() map[string]Op {
	return map[string]Op{
		"ListBlocklistIdentifiers":  {Package: "blocklist", Method: "List", Doc: "returns one page of the identifiers barred from signing up or signing in."},
		"CreateBlocklistIdentifier": {Package: "blocklist", Method: "Create", Doc: "adds an email address, domain or phone number to the block-list."},
		"DeleteBlocklistIdentifier": {Package: "blocklist", Method: "Delete", Doc: "removes an identifier from the block-list."},
	}
}
