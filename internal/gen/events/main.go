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
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

const (
	defaultSpec = "../shared/spec/webhooks/2025-04-15.yml"
	defaultOut  = "webhooks/events_gen.go"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "events:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	spec := fs.String("spec", "", "path of the webhooks OpenAPI spec (default "+defaultSpec+" from the module root)")
	out := fs.String("out", "", "output file (default "+defaultOut+" from the module root)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *spec == "" || *out == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		if *spec == "" {
			*spec = filepath.Join(root, defaultSpec)
		}
		if *out == "" {
			*out = filepath.Join(root, defaultOut)
		}
	}
	src, err := generate(*spec)
	if err != nil {
		return err
	}
	return os.WriteFile(*out, src, 0o644)
}

// moduleRoot walks up from the current directory to the one holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod found above the current directory")
		}
		dir = parent
	}
}
