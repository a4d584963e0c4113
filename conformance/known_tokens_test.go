package conformance

// knownTokenFailures lists the checks of js/tokens.mjs that fail on the
// emulator today, reviewed as knownBackendFailures is.
var knownTokenFailures = map[string]Known{}
