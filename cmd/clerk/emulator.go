package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// emulatorServe runs a standalone emulator until the context ends (Ctrl-C),
// then writes the state file if one was given.
func emulatorServe(a *app, args []string) error {
	fs := a.ownFlags()
	listen := fs.String("listen", "", "listen address host:port (default 127.0.0.1:8787)")
	port := fs.Int("port", -1, "port on 127.0.0.1, shorthand for --listen 127.0.0.1:PORT (0 picks a free one)")
	secretKey := fs.String("secret-key", "", "fixed sk_test_ secret key the emulator accepts (default: a random one)")
	publishableKey := fs.String("publishable-key", "", "fixed pk_test_ publishable key")
	jwtKeyFile := fs.String("jwt-key", "", "PEM file of the RSA private key that signs tokens (default: a fresh key)")
	webhookSecret := fs.String("webhook-secret", "", "fixed whsec_ secret that signs webhooks")
	seedFile := fs.String("seed", "", "JSON seed file of users, organizations, memberships and plans")
	stateFile := fs.String("state", "", "JSON state file, loaded at start (if present) and written on exit")
	noDemo := fs.Bool("no-demo-data", false, "start without the demo users, organization and billing data")
	logSize := fs.Int("log-size", 1000, "entries kept in the request log and in the webhook delivery log (memory grows as they fill: 1000000 keeps a whole job)")
	rateLimit := fs.String("rate-limit", "off", "answer 429 past a per-instance limit, as Clerk does: off, dev (100/10s), prod (1000/10s) or N/DURATION")
	var hooks stringList
	fs.Var(&hooks, "webhook-url", "URL that receives every webhook (repeatable)")
	saveDir := fs.String("save-webhooks", "", "directory (created if missing) where each webhook is saved as <svix-id>.json and .headers")
	keyOut := fs.String("jwt-key-out", "", "also write the JWT public key (PEM) to this file")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	addr, err := listenAddr(*listen, *port)
	if err != nil {
		return err
	}
	if *saveDir != "" {
		// The folder is created when missing (with its parents), as a user
		// expects from "save them there"; an existing file is refused.
		if err := os.MkdirAll(*saveDir, 0o755); err != nil {
			return usagef("--save-webhooks %s: cannot create the directory: %v", *saveDir, err)
		}
	}
	if *logSize < 1 {
		return usagef("--log-size %d: must be at least 1", *logSize)
	}
	limit, per, err := parseServerRate(*rateLimit)
	if err != nil {
		return err
	}
	opts := []clerktest.Option{clerktest.WithListenAddr(addr), clerktest.WithLogSize(*logSize), clerktest.WithServerRateLimit(limit, per)}
	if !*noDemo && *stateFile == "" {
		opts = append(opts, clerktest.WithDemoData())
	}
	for _, o := range []struct {
		val string
		opt func(string) clerktest.Option
	}{{*secretKey, clerktest.WithSecretKey}, {*publishableKey, clerktest.WithPublishableKey},
		{*webhookSecret, clerktest.WithWebhookSecret}, {*seedFile, clerktest.WithSeedFile}, {*stateFile, clerktest.WithStateFile}} {
		if o.val != "" {
			opts = append(opts, o.opt(o.val))
		}
	}
	if *jwtKeyFile != "" {
		pemText, err := os.ReadFile(*jwtKeyFile)
		if err != nil {
			return usagef("--jwt-key: %v", err)
		}
		opts = append(opts, clerktest.WithSigningKey(pemText))
	}
	em, err := clerktest.Start(opts...)
	if err != nil {
		return usagef("%v", err)
	}
	for _, h := range hooks {
		em.OnWebhook(h)
	}
	if *saveDir != "" {
		dir := *saveDir
		em.OnWebhookFunc(func(id string, header http.Header, body []byte) {
			if err := saveDelivery(dir, id, header, body); err != nil {
				fmt.Fprintf(a.stderr, "clerk: emulator: save webhook %s: %v\n", id, err)
			}
		})
	}
	if *keyOut != "" {
		if err := os.WriteFile(*keyOut, []byte(em.JWTKey()), 0o600); err != nil {
			em.Close()
			return usagef("--jwt-key-out: %v", err)
		}
	}
	fmt.Fprintf(a.stdout, "Clerk emulator listening on %s\n\n", em.URL())
	fmt.Fprintf(a.stdout, "export CLERK_API_URL=%s\n", em.URL())
	fmt.Fprintf(a.stdout, "export CLERK_SECRET_KEY=%s\n", em.SecretKey())
	fmt.Fprintf(a.stdout, "export CLERK_PUBLISHABLE_KEY=%s\n", em.PublishableKey())
	fmt.Fprintf(a.stdout, "export CLERK_WEBHOOK_SIGNING_SECRET=%s\n\n", em.WebhookSecret())
	if limit > 0 {
		fmt.Fprintf(a.stdout, "Rate limit: %d requests per %s, answered 429 with Retry-After beyond it\n\n", limit, per)
	}
	fmt.Fprintf(a.stdout, "Control API: %s%s (config, reset, state, seed, requests, deliveries, flush, faults, session_tokens)\n\n",
		em.Origin(), clerktest.ControlPrefix)
	fmt.Fprintf(a.stdout, "JWT public key (for tokens verify --jwt-key):\n%s\n", em.JWTKey())
	if !*noDemo && *stateFile == "" {
		if err := printDemoToken(a.ctx, a, em); err != nil {
			fmt.Fprintf(a.stderr, "clerk: emulator: demo token: %v\n", describeError(err))
		}
	}
	fmt.Fprintln(a.stdout, "Press Ctrl-C to stop.")

	var serveErr error
	select {
	case <-a.ctx.Done():
	case serveErr = <-em.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := em.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if serveErr != nil && serveErr != http.ErrServerClosed {
		return fmt.Errorf("serve: %w", serveErr)
	}
	fmt.Fprintln(a.stderr, "emulator stopped")
	return nil
}

// parseServerRate reads the emulator's --rate-limit; n is 0 for off.
func parseServerRate(s string) (n int, per time.Duration, err error) {
	switch s {
	case "", "off":
		return 0, 0, nil
	case "dev":
		return clerk.DevelopmentRateLimit, clerk.RateLimitWindow, nil
	case "prod":
		return clerk.ProductionRateLimit, clerk.RateLimitWindow, nil
	}
	rl, on, err := parseRate(s)
	if err != nil || !on || rl.Requests == 0 {
		return 0, 0, usagef("--rate-limit %q: want off, dev, prod or N/DURATION such as 100/10s", s)
	}
	return rl.Requests, rl.Per, nil
}

// listenAddr reconciles --listen and --port.
func listenAddr(listen string, port int) (string, error) {
	switch {
	case listen != "" && port >= 0:
		return "", usagef("--listen and --port are alternatives: give one")
	case port > 65535 || port < -1:
		return "", usagef("--port %d: out of range", port)
	case port >= 0:
		return net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), nil
	case listen == "":
		return "127.0.0.1:8787", nil
	}
	if _, _, err := net.SplitHostPort(listen); err != nil {
		return "", usagef("--listen %s: %v", listen, err)
	}
	return listen, nil
}

// printDemoToken mints a one-hour session token for the oldest demo user.
func printDemoToken(ctx context.Context, a *app, em *clerktest.Emulator) error {
	c := em.Client()
	page, err := users.New(c).List(ctx, &users.ListParams{OrderBy: clerk.String("+created_at"), ListParams: clerk.ListParams{Limit: clerk.Int64(1)}})
	if err != nil {
		return err
	}
	if len(page.Data) == 0 {
		return nil
	}
	u := page.Data[0]
	tok, err := em.MintSessionToken(u.ID, clerktest.WithExpiry(time.Hour))
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Session token for %s (%s), valid 1h:\n%s\n\n", primaryEmail(u), u.ID, tok)
	return nil
}
