package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
)

// app holds what one invocation of the tool shares between its parts.
type app struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	env    func(string) string

	name       string // the running command, e.g. "users list"
	json       bool
	emulator   bool
	maxRetries int

	sub *app // the common flags of the subcommand's FlagSet, merged by parse

	em *clerktest.Emulator // started lazily by client when --emulator is set
	c  *clerk.Client
}

// usageError is a mistake in how the tool was called: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// errHelp reports that -h printed the help text: exit code 0.
var errHelp = errors.New("help requested")

// errBatchFailed means a batch finished with failed items; its summary was
// already printed, so nothing more is said: exit code 1.
var errBatchFailed = errors.New("some items failed")

// commonFlags registers the flags every command accepts, so they may come
// before or after the command name.
func (a *app) commonFlags(fs *flag.FlagSet) {
	fs.BoolVar(&a.json, "json", a.json, "print JSON instead of a table")
	fs.BoolVar(&a.emulator, "emulator", a.emulator, "use an in-process emulator with demo data")
	fs.IntVar(&a.maxRetries, "max-retries", a.maxRetries, "retries per call (-1: the SDK default)")
}

// flags returns a FlagSet for the running command with the common flags;
// parse merges them with the ones given before the command name.
func (a *app) flags() *flag.FlagSet {
	fs := flag.NewFlagSet("clerk "+a.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	sub := &app{maxRetries: -1}
	sub.commonFlags(fs)
	a.sub = sub
	return fs
}

// parse parses args and checks the number of positional arguments;
// names lists them for the error message (a trailing "..." means any number,
// at least len(names)-1).
func (a *app) parse(fs *flag.FlagSet, args []string, names ...string) ([]string, error) {
	// Flags may follow positional arguments (clerk users get ID --json):
	// parse, set the first positional aside, and go on, until "--" or the end.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				a.printHelp(fs, names)
				return nil, errHelp
			}
			return nil, usagef("%v (see clerk %s -h)", err, a.name)
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
	if a.sub != nil {
		a.json = a.json || a.sub.json
		a.emulator = a.emulator || a.sub.emulator
		if a.sub.maxRetries >= 0 {
			a.maxRetries = a.sub.maxRetries
		}
	}
	variadic := len(names) > 0 && names[len(names)-1] == "..."
	want := len(names)
	if variadic {
		want--
	}
	if len(pos) < want || (!variadic && len(pos) > want) {
		if want == 0 {
			return nil, usagef("unexpected argument %q (see clerk %s -h)", pos[0], a.name)
		}
		return nil, usagef("want %s (see clerk %s -h)", strings.Join(names, " "), a.name)
	}
	return pos, nil
}

func (a *app) printHelp(fs *flag.FlagSet, names []string) {
	fmt.Fprintf(a.stdout, "Usage: %s\n\nFlags:\n", strings.TrimSpace("clerk "+a.name+" [flags] "+strings.Join(names, " ")))
	fs.SetOutput(a.stdout)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// client returns the API client: the emulator's with --emulator, else one
// built from CLERK_SECRET_KEY and CLERK_API_URL.
func (a *app) client() (*clerk.Client, error) {
	if a.c != nil {
		return a.c, nil
	}
	var opts []clerk.Option
	if a.maxRetries >= 0 {
		opts = append(opts, clerk.WithMaxRetries(a.maxRetries))
	}
	if a.emulator {
		a.em = clerktest.New(clerktest.WithDemoData())
		a.c = a.em.Client(opts...)
		return a.c, nil
	}
	key := a.env("CLERK_SECRET_KEY")
	if key == "" {
		return nil, usagef("CLERK_SECRET_KEY is not set (or pass --emulator to use demo data)")
	}
	if u := a.env("CLERK_API_URL"); u != "" {
		opts = append(opts, clerk.WithBaseURL(u))
	}
	opts = append(opts, clerk.WithUserAgentSuffix("clerk-cli"))
	c, err := clerk.NewClient(key, opts...)
	if err != nil {
		return nil, usagef("%v", err)
	}
	a.c = c
	return c, nil
}

func (a *app) close() {
	if a.em != nil {
		a.em.Close()
	}
}

// report prints err as one line on stderr and returns the exit code.
func (a *app) report(name string, err error) int {
	if err == nil || errors.Is(err, errHelp) {
		return exitOK
	}
	if errors.Is(err, errBatchFailed) {
		return exitFail
	}
	prefix := "clerk: "
	if name != "" {
		prefix += name + ": "
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(a.stderr, prefix+oneLine(ue.msg))
		return exitUsage
	}
	fmt.Fprintln(a.stderr, prefix+oneLine(describeError(err)))
	return exitFail
}

// describeError renders an error for humans; API errors show the status,
// the error code, the message and the trace id.
func describeError(err error) string {
	var ae *clerk.APIError
	if !errors.As(err, &ae) {
		return err.Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d", ae.StatusCode)
	if code := ae.Code(); code != "" {
		b.WriteString(" " + code)
	}
	if len(ae.Errors) > 0 {
		msg := ae.Errors[0].LongMessage
		if msg == "" {
			msg = ae.Errors[0].Message
		}
		if msg != "" {
			b.WriteString(": " + msg)
		}
	}
	if ae.TraceID != "" {
		b.WriteString(" (trace " + ae.TraceID + ")")
	}
	return b.String()
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}
