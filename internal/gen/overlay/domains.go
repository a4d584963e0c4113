package overlay

// domainsOps names the calls on the instance's own domains.
func domainsOps() map[string]Op {
	return map[string]Op{
		"ListDomains":  {Package: "domains", Method: "List", Doc: "returns the primary and satellite domains of the instance."},
		"AddDomain":    {Package: "domains", Method: "Create", Doc: "adds a satellite domain to the instance."},
		"UpdateDomain": {Package: "domains", Method: "Update", Doc: "changes the name or proxy URL of a domain."},
		"DeleteDomain": {Package: "domains", Method: "Delete", Doc: "removes a satellite domain from the instance."},
	}
}
