package overlay

// m2mTokensOps names the machine-to-machine token calls.
func m2mTokensOps() map[string]Op {
	return map[string]Op{
		"createM2MToken": {Package: "m2mtokens", Method: "Create", Doc: "issues a machine-to-machine token for the machine whose secret key signs the call.", Response: "CreatedM2MToken", Params: map[string]string{"min_remaining_ttl_seconds": "MinRemainingTTLSeconds"}},
		"getM2MTokens":   {Package: "m2mtokens", Method: "List", Doc: "returns one page of the stored (opaque) tokens of a machine."},
		"revokeM2MToken": {Package: "m2mtokens", Method: "Revoke", Doc: "invalidates a stored machine-to-machine token.", Response: "M2MToken"},
		"verifyM2MToken": {Package: "m2mtokens", Method: "Verify", Doc: "checks a machine-to-machine token and returns what it grants.", Response: "M2MToken"},
	}
}
