// Command events generates webhooks/events_gen.go, the typed payloads of
// Clerk's webhook events, from the webhooks OpenAPI spec and the naming
// overlay in this package.
//
//	go run ./internal/gen/events -spec ../shared/spec/webhooks/2025-04-15.yml -out webhooks/events_gen.go
//
// Relative flag values are resolved against the current directory; the
// defaults are resolved against the module root, so the command works from
// any directory of the module (for instance through go:generate).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/clerkgo/clerk/internal/spec"
)

// defaultOut is where the event types are written, from the module root.
const defaultOut = "webhooks/events_gen.go"

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "events:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	specPath := fs.String("spec", "", "path of the webhooks OpenAPI spec (default ../shared/spec/"+spec.Webhooks+" beside the module root)")
	out := fs.String("out", "", "output file (default "+defaultOut+" from the module root)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *specPath == "" || *out == "" {
		root, err := spec.ModuleRoot()
		if err != nil {
			return err
		}
		if *specPath == "" {
			*specPath = spec.Beside(root, spec.Webhooks)
		}
		if *out == "" {
			*out = filepath.Join(root, defaultOut)
		}
	}
	src, err := generate(*specPath)
	if err != nil {
		return err
	}
	return os.WriteFile(*out, src, 0o644)
}
