package overlay

// proxyChecksOps names the proxy check call.
func proxyChecksOps() map[string]Op {
	return map[string]Op{
		"VerifyDomainProxy": {Package: "proxychecks", Method: "Create", Doc: "runs a check that a domain's proxy URL reaches the Frontend API and returns the outcome."},
	}
}
