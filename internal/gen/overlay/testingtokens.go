package overlay

// testingTokensOps names the testing token call.
func testingTokensOps() map[string]Op {
	return map[string]Op{
		"CreateTestingToken": {Package: "testingtokens", Method: "Create", Doc: "issues a token that lets end-to-end tests pass the Frontend API's bot checks."},
	}
}
