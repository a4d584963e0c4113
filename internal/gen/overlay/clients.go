package overlay

// clientsOps names the client calls.
func clientsOps() map[string]Op {
	return map[string]Op{
		"GetClientList": {Package: "clients", Method: "List", Doc: "returns one page of the instance's clients, newest first; the endpoint is deprecated."},
		"VerifyClient":  {Package: "clients", Method: "Verify", Doc: "checks a client token and returns the client it belongs to."},
		"GetClient":     {Package: "clients", Method: "Get", Doc: "fetches one client by ID."},
	}
}
