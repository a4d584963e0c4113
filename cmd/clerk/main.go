package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sort"
	"strings"
	"syscall"

	"github.com/clerkgo/clerk"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first Ctrl-C stops the run cleanly; a second one kills the
	// process at once, as it would without this handler.
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// Exit codes of the tool.
const (
	exitOK          = 0
	exitFail        = 1
	exitUsage       = 2
	exitInterrupted = 130 // a batch stopped by Ctrl-C or SIGTERM (128 + SIGINT)
)

// version is the tool's version: the SDK's.
const version = clerk.Version

// handler runs one subcommand with the arguments that follow its name.
type handler func(a *app, args []string) error

// command is one entry of the dispatch table.
type command struct {
	summary string
	run     handler
}

// groupSummaries describes each command group for its help page.
var groupSummaries = map[string]string{
	"users":    "Manage users. The batch commands take many users, --concurrency, --journal and --dry-run",
	"orgs":     "Read organizations",
	"billing":  "Read billing plans, statements and subscription items",
	"apikeys":  "Create, list, revoke and verify API keys",
	"tokens":   "Verify session tokens",
	"webhooks": "Verify webhook deliveries",
}

// commands maps "group sub" (or a lone word) to its handler.
func commands() map[string]command {
	return map[string]command{
		"users list":                 {"list users", usersList},
		"users get":                  {"show one user", usersGet},
		"users create":               {"create a user", usersCreate},
		"users update":               {"update a user (values, or null with --unset)", usersUpdate},
		"users delete":               {"delete users (batch)", batchCommand(kindDelete)},
		"users ban":                  {"ban users (batch)", batchCommand(kindBan)},
		"users unban":                {"lift bans (batch)", batchCommand(kindUnban)},
		"users lock":                 {"lock users (batch)", batchCommand(kindLock)},
		"users unlock":               {"unlock users (batch)", batchCommand(kindUnlock)},
		"users update-metadata":      {"merge metadata into users (batch)", batchCommand(kindMetadata)},
		"users force-password-reset": {"mark passwords compromised and sign users out (batch)", batchCommand(kindReset)},
		"orgs list":                  {"list organizations", orgsList},
		"orgs get":                   {"show one organization (ID or slug)", orgsGet},
		"billing plans":              {"list billing plans with their fees", billingPlans},
		"billing statements":         {"list billing statements", billingStatements},
		"billing subscription-items": {"list subscription items", billingSubscriptionItems},
		"apikeys create":             {"create an API key", apikeysCreate},
		"apikeys list":               {"list API keys of a subject", apikeysList},
		"apikeys revoke":             {"revoke an API key", apikeysRevoke},
		"apikeys verify":             {"verify an API key secret", apikeysVerify},
		"tokens verify":              {"verify a session token without network (--jwt-key)", tokensVerify},
		"webhooks verify":            {"verify a saved webhook delivery", webhooksVerify},
		"emulator":                   {"serve an emulator on 127.0.0.1 until interrupted", emulatorServe},
		"completion":                 {"print a shell completion script: bash, zsh or fish", completionScript},
		"version":                    {"print the version", printVersion},
	}
}

// run is the whole program; main only wires it to the process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, env func(string) string) int {
	a := newApp(ctx, stdin, stdout, stderr, env)
	defer a.close()

	global := flag.NewFlagSet("clerk", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	a.commonFlags(global)
	showVersion := global.Bool("version", false, "print the version and exit")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(stdout)
			return exitOK
		}
		a.json = a.json || wantsJSON(args)
		return a.report("", usagef("%v", err))
	}
	if err := a.settle(); err != nil {
		return a.report("", err)
	}
	if *showVersion {
		return a.report("version", printVersion(a, nil))
	}
	rest := global.Args()
	if len(rest) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	table := commands()
	switch rest[0] {
	case "help":
		return a.report("help", help(a, table, rest[1:]))
	case "__complete":
		complete(a, table, rest[1:])
		return exitOK
	}
	name, tail := rest[0], rest[1:]
	cmd, ok := table[name]
	if !ok && hasGroup(table, name) {
		if len(tail) == 0 {
			printGroup(stderr, table, name)
			return exitUsage
		}
		if tail[0] == "-h" || tail[0] == "--help" || tail[0] == "-help" {
			printGroup(stdout, table, name)
			return exitOK
		}
		name, tail = name+" "+tail[0], tail[1:]
		cmd, ok = table[name]
		if !ok {
			return a.report("", usagef("unknown command %q (see clerk help %s)", name, rest[0]))
		}
	}
	if !ok {
		return a.report("", usagef("unknown command %q (see clerk help)", rest[0]))
	}
	a.name = name
	return a.report(name, cmd.run(a, tail))
}

// help prints the help of the tool, a group or a command.
func help(a *app, table map[string]command, words []string) error {
	switch {
	case len(words) == 0:
		printUsage(a.stdout)
		return nil
	case len(words) == 1 && hasGroup(table, words[0]):
		printGroup(a.stdout, table, words[0])
		return nil
	}
	name := strings.Join(words, " ")
	cmd, ok := table[name]
	if !ok {
		return usagef("no help for %q: unknown command (see clerk help)", name)
	}
	a.name = name
	return cmd.run(a, []string{"-h"})
}

func hasGroup(table map[string]command, group string) bool {
	for k := range table {
		if strings.HasPrefix(k, group+" ") {
			return true
		}
	}
	return false
}

func sortedNames(table map[string]command, prefix string) []string {
	var names []string
	for k := range table {
		if strings.HasPrefix(k, prefix) {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	return names
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: clerk [global flags] <command> [flags] [args]")
	fmt.Fprintln(w, "\nThe secret key comes from CLERK_SECRET_KEY (base URL: CLERK_API_URL);")
	fmt.Fprintln(w, "--emulator uses an in-process emulator seeded with demo data instead.")
	fmt.Fprintln(w, "\nCommands:")
	table := commands()
	for _, n := range sortedNames(table, "") {
		fmt.Fprintf(w, "  %-28s %s\n", n, table[n].summary)
	}
	fmt.Fprintln(w, "\nGlobal flags (also accepted after the command):")
	fs := flag.NewFlagSet("clerk", flag.ContinueOnError)
	newApp(context.Background(), nil, nil, nil, nil).commonFlags(fs)
	fs.Bool("version", false, "print the version")
	writeFlags(w, fs)
	fmt.Fprintln(w, "\nRun 'clerk help <group>' or 'clerk <command> -h' for details.")
	fmt.Fprintln(w, "Exit codes: 0 ok, 1 a failure (or some failed items), 2 usage error, 130 interrupted.")
}

func printGroup(w io.Writer, table map[string]command, group string) {
	fmt.Fprintf(w, "Usage: clerk %s <command> [flags] [args]\n\n%s.\n\nCommands:\n", group, groupSummaries[group])
	for _, n := range sortedNames(table, group+" ") {
		fmt.Fprintf(w, "  %-28s %s\n", n, table[n].summary)
	}
	fmt.Fprintf(w, "\nRun 'clerk %s <command> -h' for its flags.\n", group)
}

func printVersion(a *app, args []string) error {
	if _, err := a.parse(a.flags(), args); err != nil {
		return err
	}
	info := struct {
		Version    string `json:"version"`
		APIVersion string `json:"api_version"`
		Go         string `json:"go"`
	}{version, clerk.APIVersion, runtime.Version()}
	return a.output(info, func(w io.Writer) error {
		_, err := fmt.Fprintf(w, "clerk version %s (Backend API %s, %s)\n", info.Version, info.APIVersion, info.Go)
		return err
	})
}
