// Command migration writes MIGRATING.md, the guide for moving from the
// commerce API of version 2025-04-10 to the billing API of version
// 2025-11-10. It derives every table of the guide from the two OpenAPI specs,
// the naming overlay and the generated billing package, so the guide cannot
// drift from the code:
//
//	cd internal/gen && go run ./migration [-old spec] [-new spec] [-out MIGRATING.md] [-check]
//
// Default paths are resolved against the module root, so the command works
// from any directory of the module. With -check it writes nothing and exits
// 1 when the committed guide differs from what it would write.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/clerkgo/clerk/internal/spec"
)

const (
	defaultOut = "MIGRATING.md"
	defaultSDK = "billing"
)

// errStale is returned by -check when the committed guide is out of date.
var errStale = errors.New("migration: MIGRATING.md is out of date; run cd internal/gen && go run ./migration")

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// config holds the resolved command-line settings.
type config struct {
	oldSpec, newSpec, out, sdk string
	check                      bool
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("migration", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.oldSpec, "old", "", "2025-04-10 Backend API spec (default ../shared/spec/"+spec.PreviousBAPI+" beside the module root)")
	fs.StringVar(&c.newSpec, "new", "", "2025-11-10 Backend API spec (default ../shared/spec/"+spec.BAPI+" beside the module root)")
	fs.StringVar(&c.out, "out", "", "guide to write (default "+defaultOut+" at the module root)")
	fs.StringVar(&c.sdk, "sdk", "", "directory of the generated billing package (default "+defaultSDK+" at the module root)")
	fs.BoolVar(&c.check, "check", false, "write nothing; exit 1 if the committed guide differs")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("migration: unexpected arguments %q", fs.Args())
	}
	if c.oldSpec == "" || c.newSpec == "" || c.out == "" || c.sdk == "" {
		root, err := spec.ModuleRoot()
		if err != nil {
			return c, fmt.Errorf("migration: %w", err)
		}
		fill := func(p *string, def string) {
			if *p == "" {
				*p = filepath.Join(root, def)
			}
		}
		if c.oldSpec == "" {
			c.oldSpec = spec.Beside(root, spec.PreviousBAPI)
		}
		if c.newSpec == "" {
			c.newSpec = spec.Beside(root, spec.BAPI)
		}
		fill(&c.out, defaultOut)
		fill(&c.sdk, defaultSDK)
	}
	return c, nil
}

func run(args []string, stdout io.Writer) error {
	c, err := parseFlags(args, stdout)
	if err != nil {
		return err
	}
	got, err := build(c.oldSpec, c.newSpec, c.sdk)
	if err != nil {
		return err
	}
	if c.check {
		committed, err := os.ReadFile(c.out)
		if err != nil {
			return fmt.Errorf("migration: reading the committed guide: %w", err)
		}
		if !bytes.Equal(committed, got) {
			return fmt.Errorf("%w (%s)", errStale, c.out)
		}
		fmt.Fprintf(stdout, "migration: %s is up to date\n", c.out)
		return nil
	}
	if err := os.WriteFile(c.out, got, 0o644); err != nil {
		return fmt.Errorf("migration: writing the guide: %w", err)
	}
	return nil
}

// build loads the inputs and renders the guide.
func build(oldPath, newPath, sdkDir string) ([]byte, error) {
	oldDoc, err := loadSpec(oldPath)
	if err != nil {
		return nil, err
	}
	newDoc, err := loadSpec(newPath)
	if err != nil {
		return nil, err
	}
	sdk, err := parseSDK(sdkDir)
	if err != nil {
		return nil, err
	}
	g, err := derive(oldDoc, newDoc, sdk, knownDecisions())
	if err != nil {
		return nil, err
	}
	return render(g)
}
