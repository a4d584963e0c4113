package conformance

import "testing"

// TestClerkVerifiersAndTestingHelper checks Clerk's verifiers (verifyToken,
// authenticateRequest for session tokens, API keys and M2M tokens) on
// tokens the emulator mints, and @clerk/testing's testing-token setup,
// headless (js/tokens.mjs).
func TestClerkVerifiersAndTestingHelper(t *testing.T) {
	e := StartEmulator(t)
	j := NewJudge(t)
	run := RunNode(t, e, "tokens.mjs")
	Ratchet(t, "@clerk/backend verifiers and @clerk/testing", j.Results(run), knownTokenFailures, nil)
}
