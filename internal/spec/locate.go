// Package spec finds the OpenAPI specs that the generators and the spec
// tests read, and makes example values their schemas accept.
//
// The specs are not part of the repository: they live in the shared folder
// beside it (../shared/spec/...), and an environment variable can point
// elsewhere.
package spec

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// The specs, relative to the shared spec folder.
const (
	// BAPI is the Backend API version the SDK speaks.
	BAPI = "bapi/2025-11-10.yml"
	// NextBAPI is the later Backend API version the SDK also speaks when a
	// client asks for it (clerk.WithAPIVersion).
	NextBAPI = "bapi/2026-05-12.yml"
	// PreviousBAPI is the version before it, read by the migration guide.
	PreviousBAPI = "bapi/2025-04-10.yml"
	// Webhooks describes the webhook event payloads.
	Webhooks = "webhooks/2025-04-15.yml"
)

// RootModule is the module path of the SDK's root module.
const RootModule = "github.com/clerkgo/clerk"

// ModuleRoot walks up from the working directory to the folder holding the
// root module's go.mod (module github.com/clerkgo/clerk). Nested modules of
// the repository (the generator, tests, benchmarks) have go.mod files of their
// own; they are passed over, so every tool finds the same root and the same
// ../shared folder beside it.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if isRootModule(filepath.Join(dir, "go.mod")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod of module " + RootModule + " above the working directory")
		}
		dir = parent
	}
}

// isRootModule reports whether the go.mod at path declares RootModule.
func isRootModule(path string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`) == RootModule
		}
	}
	return false
}

// Beside returns where the spec rel (e.g. BAPI) is for a module rooted at
// root: root/../shared/spec/rel.
func Beside(root, rel string) string {
	return filepath.Join(root, "..", "shared", "spec", filepath.FromSlash(rel))
}

// Path returns the spec rel: the value of the environment variable env when
// it is set, else the file beside the module root. It does not check that
// the file exists; callers skip or fail with their own message.
func Path(env, rel string) (string, error) {
	if p := os.Getenv(env); p != "" {
		return p, nil
	}
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	return Beside(root, rel), nil
}
