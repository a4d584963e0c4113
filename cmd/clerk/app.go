package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

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
	json       bool   // --json
	format     string // -o: "json" or "table" ("" until given)
	emulator   bool
	maxRetries int
	rate       string // --rate: auto, off or N/DURATION
	redis      string // --redis URL, else CLERK_REDIS_URL
	yes        bool
	hint       string // printed on stderr after the output: more pages

	listFlags bool // __complete: parse prints the command's flags instead
	sub       *app // the common flags of the subcommand's FlagSet, merged by parse

	em    *clerktest.Emulator // started lazily by client when --emulator is set
	c     *clerk.Client
	store *redisStore // --redis, closed at the end
}

func newApp(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, env func(string) string) *app {
	return &app{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, env: env, maxRetries: -1, rate: "auto"}
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

// errInterrupted means a batch was stopped by a signal; its summary was
// already printed: exit code 130.
var errInterrupted = errors.New("interrupted")

// commonFlags registers the flags every command accepts, so they may come
// before or after the command name.
func (a *app) commonFlags(fs *flag.FlagSet) {
	fs.BoolVar(&a.json, "json", a.json, "print JSON (JSON lines for batches; errors too)")
	fs.StringVar(&a.format, "o", a.format, "output format: table or json")
	fs.StringVar(&a.format, "output", a.format, "output format: table or json")
	fs.BoolVar(&a.emulator, "emulator", a.emulator, "use an in-process emulator with demo data")
	fs.IntVar(&a.maxRetries, "max-retries", a.maxRetries, "retries per call (-1: the SDK default; 10 for batches)")
	fs.StringVar(&a.rate, "rate", a.rate, "client-side rate limit: auto (Clerk's limit for the key), off, or N/DURATION such as 50/10s")
	fs.StringVar(&a.redis, "redis", a.redis, "share the rate limit with every client of the key through Redis: redis://[user:password@]host[:port][/db] (default $CLERK_REDIS_URL)")
	fs.BoolVar(&a.yes, "yes", a.yes, "do not ask for confirmation before destructive commands")
}

// settle checks and merges the common flags once they are parsed.
func (a *app) settle() error {
	switch a.format {
	case "":
	case "json":
		a.json = true
	case "table":
		if a.json {
			return usagef("-o table contradicts --json")
		}
	default:
		return usagef("-o %q: want table or json", a.format)
	}
	if _, _, err := parseRate(a.rate); err != nil {
		return err
	}
	return nil
}

// flags returns a FlagSet for the running command with the common flags;
// parse merges them with the ones given before the command name.
func (a *app) flags() *flag.FlagSet {
	fs := a.ownFlags()
	sub := &app{maxRetries: -1}
	sub.commonFlags(fs)
	a.sub = sub
	return fs
}

// ownFlags returns an empty FlagSet for a command on which the common flags
// would do nothing (the emulator calls no API and prints no table), so that
// its -h lists, and it accepts, only flags of its own.
func (a *app) ownFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("clerk "+a.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	a.sub = nil
	return fs
}

// parse parses args and checks the number of positional arguments;
// names lists them for the error message (a last name ending in "..."
// means any number, at least len(names)-1).
func (a *app) parse(fs *flag.FlagSet, args []string, names ...string) ([]string, error) {
	if a.listFlags {
		fs.VisitAll(func(f *flag.Flag) { fmt.Fprintln(a.stdout, "--"+f.Name) })
		return nil, errHelp
	}
	// Flags may follow positional arguments (clerk users get ID --json):
	// parse, set the first positional aside, and go on, until "--" or the end.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				a.printHelp(fs, names)
				return nil, errHelp
			}
			a.json = a.json || wantsJSON(args)
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
		a.yes = a.yes || a.sub.yes
		if a.sub.maxRetries >= 0 {
			a.maxRetries = a.sub.maxRetries
		}
		if a.sub.format != "" {
			a.format = a.sub.format
		}
		if a.sub.rate != "" {
			a.rate = a.sub.rate
		}
		if a.sub.redis != "" {
			a.redis = a.sub.redis
		}
		if err := a.settle(); err != nil {
			return nil, err
		}
	}
	variadic := len(names) > 0 && strings.Contains(names[len(names)-1], "...")
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

// wantsJSON reports whether args ask for JSON output, for a parse error
// that stopped before the flag was read.
func wantsJSON(args []string) bool {
	for i, arg := range args {
		if arg == "--" {
			return false
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !strings.HasPrefix(arg, "-") {
			continue
		}
		switch name {
		case "json":
			if !hasVal || val == "true" || val == "1" {
				return true
			}
		case "o", "output":
			if hasVal && val == "json" || !hasVal && i+1 < len(args) && args[i+1] == "json" {
				return true
			}
		}
	}
	return false
}

func (a *app) printHelp(fs *flag.FlagSet, names []string) {
	fmt.Fprintf(a.stdout, "Usage: %s\n\n", strings.TrimSpace("clerk "+a.name+" [flags] "+strings.Join(names, " ")))
	if s, ok := commands()[a.name]; ok {
		fmt.Fprintf(a.stdout, "%s.\n\n", strings.ToUpper(s.summary[:1])+s.summary[1:])
	}
	fmt.Fprintln(a.stdout, "Flags:")
	writeFlags(a.stdout, fs)
}

// writeFlags lists the flags of fs the way gh and kubectl do: --name, its
// kind, what it does and its default.
func writeFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		kind, usage := flag.UnquoteUsage(f)
		name := "--" + f.Name
		if len(f.Name) == 1 {
			name = "-" + f.Name
		}
		if kind != "" {
			name += " " + kind
		}
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "[]" {
			usage += " (default " + d + ")"
		}
		fmt.Fprintf(w, "  %-26s %s\n", name, usage)
	})
}

// parseRate reads --rate: ok is false for "off"; a zero RateLimit means
// Clerk's limit for the key.
func parseRate(s string) (clerk.RateLimit, bool, error) {
	switch s {
	case "", "auto":
		return clerk.RateLimit{}, true, nil
	case "off":
		return clerk.RateLimit{}, false, nil
	}
	n, per, ok := strings.Cut(s, "/")
	count, err := strconv.Atoi(n)
	if !ok || err != nil || count <= 0 {
		return clerk.RateLimit{}, false, usagef("--rate %q: want auto, off or N/DURATION such as 100/10s", s)
	}
	d, err := time.ParseDuration(per)
	if err != nil || d <= 0 {
		return clerk.RateLimit{}, false, usagef("--rate %q: want auto, off or N/DURATION such as 100/10s", s)
	}
	return clerk.RateLimit{Requests: count, Per: d}, true, nil
}

// client returns the API client: the emulator's with --emulator, else one
// built from CLERK_SECRET_KEY and CLERK_API_URL. It paces its calls with
// the rate limiter unless --rate off.
func (a *app) client() (*clerk.Client, error) {
	if a.c != nil {
		return a.c, nil
	}
	var opts []clerk.Option
	if a.maxRetries >= 0 {
		opts = append(opts, clerk.WithMaxRetries(a.maxRetries))
	}
	rl, on, err := parseRate(a.rate)
	if err != nil {
		return nil, err
	}
	redisURL := a.redis
	if redisURL == "" {
		redisURL = a.env("CLERK_REDIS_URL")
	}
	switch {
	case redisURL != "" && !on && a.redis != "":
		return nil, usagef("--redis shares the rate limit: it cannot go with --rate off")
	case redisURL != "" && on:
		window := rl.Per
		if rl.Requests == 0 {
			window = clerk.RateLimitWindow
		}
		store, err := newRedisStore(redisURL, window)
		if err != nil {
			return nil, usagef("--redis / CLERK_REDIS_URL: %v", err)
		}
		a.store = store
		rl.Store = store
	}
	if on {
		opts = append(opts, clerk.WithRateLimit(rl))
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
	opts = append(opts, clerk.WithUserAgentSuffix("clerk-cli/"+version))
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
	if a.store != nil {
		a.store.close()
	}
}

// confirm asks before a destructive command, unless --yes or a dry run. It
// needs a terminal on stdin to ask; otherwise --yes is required.
func (a *app) confirm(what string, stdinBusy bool) error {
	if a.yes {
		return nil
	}
	if stdinBusy || !isTerminal(a.stdin) {
		return usagef("refusing to %s without confirmation: pass --yes (or run it on a terminal)", what)
	}
	fmt.Fprintf(a.stderr, "About to %s. Type yes to go on: ", what)
	// The answer is read aside, so that Ctrl-C (which ends a.ctx) stops
	// the wait at once; the reader is left blocked, and the process ends.
	type answer struct {
		line string
		err  error
	}
	got := make(chan answer, 1)
	go func() {
		line, err := readLine(a.stdin)
		got <- answer{line, err}
	}()
	select {
	case <-a.ctx.Done():
		fmt.Fprintln(a.stderr)
		return errInterrupted
	case ans := <-got:
		if ans.err != nil || strings.TrimSpace(strings.ToLower(ans.line)) != "yes" {
			return errors.New("not confirmed, nothing done")
		}
	}
	return nil
}

// report prints err on stderr (one line, or a JSON object under --json)
// and returns the exit code.
func (a *app) report(name string, err error) int {
	if err == nil || errors.Is(err, errHelp) {
		return exitOK
	}
	if errors.Is(err, errInterrupted) {
		return exitInterrupted
	}
	if errors.Is(err, errBatchFailed) {
		return exitFail
	}
	code := exitFail
	msg := describeError(err)
	var ue *usageError
	if errors.As(err, &ue) {
		code, msg = exitUsage, ue.msg
	}
	if a.json {
		a.reportJSON(name, err, oneLine(msg), code)
		return code
	}
	prefix := "clerk: "
	if name != "" {
		prefix += name + ": "
	}
	fmt.Fprintln(a.stderr, prefix+oneLine(msg))
	return code
}

// jsonError is the shape of an error under --json.
type jsonError struct {
	Error struct {
		Command string `json:"command,omitempty"`
		Message string `json:"message"`
		Kind    string `json:"kind"` // usage, api or other
		Status  int    `json:"status,omitempty"`
		Code    string `json:"code,omitempty"`
		TraceID string `json:"trace_id,omitempty"`
	} `json:"error"`
	ExitCode int `json:"exit_code"`
}

func (a *app) reportJSON(name string, err error, msg string, code int) {
	var out jsonError
	out.Error.Command, out.Error.Message, out.ExitCode = name, msg, code
	out.Error.Kind = "other"
	var ae *clerk.APIError
	switch {
	case code == exitUsage:
		out.Error.Kind = "usage"
	case errors.As(err, &ae):
		out.Error.Kind, out.Error.Status, out.Error.Code, out.Error.TraceID = "api", ae.StatusCode, ae.Code(), ae.TraceID
	}
	b, _ := json.Marshal(out)
	fmt.Fprintln(a.stderr, string(b))
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

// readLine returns the first line of r without its line ending.
func readLine(r io.Reader) (string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 256), 4096)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return "", err
		}
		return "", io.ErrUnexpectedEOF
	}
	return strings.TrimRight(sc.Text(), "\r"), nil
}

// isTerminal reports whether v is a terminal: a file on which the
// terminal-attributes ioctl succeeds (a character device such as /dev/null
// is not one).
func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && isTerminalFd(f.Fd())
}
