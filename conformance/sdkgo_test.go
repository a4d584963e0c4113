package conformance_test

import (
	"testing"

	"github.com/clerkgo/clerk/conformance/sdkgo"
)

// TestClerkSDKGo drives the emulator with clerk-sdk-go v2.4.2, the version
// this module pins (the sdkgo260 module runs v2.6.0).
func TestClerkSDKGo(t *testing.T) {
	sdkgo.Conform(t, sdkgo.Steps(), sdkgo.KnownFailures, sdkgo.Exceptions)
}
