package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// Exit codes of the tool.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// handler runs one subcommand with the arguments that follow its name.
type handler func(a *app, args []string) error

// command is one entry of the dispatch table.
type command struct {
	summary string
	run     handler
}

// commands maps "group sub" (or a lone group) to its handler.
func commands() map[string]command {
	return map[string]command{
		"users list":                 {"list users", usersList},
		"users get":                  {"show one user", usersGet},
		"users create":               {"create a user", usersCreate},
		"users update":               {"update a user (values, or null with --unset)", usersUpdate},
		"users delete":               {"delete a user", usersAction("delete")},
		"users ban":                  {"ban a user", usersAction("ban")},
		"users unban":                {"lift a ban", usersAction("unban")},
		"users lock":                 {"lock a user", usersAction("lock")},
		"users unlock":               {"unlock a user", usersAction("unlock")},
		"users force-password-reset": {"mark passwords compromised for a batch of users", forcePasswordReset},
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
	}
}

// run is the whole program; main only wires it to the process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, env func(string) string) int {
	a := &app{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, env: env, maxRetries: -1}
	defer a.close()

	global := flag.NewFlagSet("clerk", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	a.commonFlags(global)
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(stdout)
			return exitOK
		}
		return a.report("", usagef("%v", err))
	}
	rest := global.Args()
	if len(rest) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	if rest[0] == "help" {
		printUsage(stdout)
		return exitOK
	}
	table := commands()
	name, tail := rest[0], rest[1:]
	cmd, ok := table[name]
	if !ok && len(tail) > 0 {
		name, tail = rest[0]+" "+rest[1], rest[2:]
		cmd, ok = table[name]
	}
	if !ok {
		if hasGroup(table, rest[0]) {
			return a.report("", usagef("unknown command %q (see clerk help)", strings.Join(rest[:min(2, len(rest))], " ")))
		}
		return a.report("", usagef("unknown command %q (see clerk help)", rest[0]))
	}
	a.name = name
	return a.report(name, cmd.run(a, tail))
}

func hasGroup(table map[string]command, group string) bool {
	for k := range table {
		if strings.HasPrefix(k, group+" ") {
			return true
		}
	}
	return false
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: clerk [--emulator] [--json] [--max-retries N] <command> [flags] [args]")
	fmt.Fprintln(w, "\nThe secret key comes from CLERK_SECRET_KEY (base URL: CLERK_API_URL);")
	fmt.Fprintln(w, "--emulator uses an in-process emulator seeded with demo data instead.")
	fmt.Fprintln(w, "\nCommands:")
	table := commands()
	names := make([]string, 0, len(table))
	for k := range table {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-28s %s\n", n, table[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'clerk <command> -h' for its flags. Exit codes: 0 ok, 1 failure, 2 usage error.")
}
