package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"strconv"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// emulatorServe runs an emulator until the context ends (Ctrl-C). clerktest
// picks its own loopback port, so a small reverse proxy publishes it on the
// requested one.
func emulatorServe(a *app, args []string) error {
	fs := a.flags()
	port := fs.Int("port", 8787, "port on 127.0.0.1 (0 picks a free one)")
	noDemo := fs.Bool("no-demo-data", false, "start empty instead of with demo users, org and billing")
	var hooks stringList
	fs.Var(&hooks, "webhook-url", "URL that receives every webhook (repeatable)")
	saveDir := fs.String("save-webhooks", "", "directory where each webhook is saved as <svix-id>.json and .headers")
	keyOut := fs.String("jwt-key-out", "", "also write the JWT public key (PEM) to this file")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	if *port < 0 || *port > 65535 {
		return usagef("--port %d: out of range", *port)
	}
	if *saveDir != "" {
		if st, err := os.Stat(*saveDir); err != nil || !st.IsDir() {
			return usagef("--save-webhooks %s: not a directory", *saveDir)
		}
	}
	var opts []clerktest.Option
	if !*noDemo {
		opts = append(opts, clerktest.WithDemoData())
	}
	em := clerktest.New(opts...)
	defer em.Close()
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
			return usagef("--jwt-key-out: %v", err)
		}
	}

	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	target, err := url.Parse(em.URL())
	if err != nil {
		ln.Close()
		return fmt.Errorf("emulator URL: %w", err)
	}
	target.Path = ""
	srv := &http.Server{
		Handler:           &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) { r.SetURL(target) }},
		ReadHeaderTimeout: 10 * time.Second,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	base := "http://" + ln.Addr().String() + "/v1"
	fmt.Fprintf(a.stdout, "Clerk emulator listening on %s\n\n", base)
	fmt.Fprintf(a.stdout, "export CLERK_API_URL=%s\n", base)
	fmt.Fprintf(a.stdout, "export CLERK_SECRET_KEY=%s\n", em.SecretKey())
	fmt.Fprintf(a.stdout, "export CLERK_WEBHOOK_SIGNING_SECRET=%s\n\n", em.WebhookSecret())
	fmt.Fprintf(a.stdout, "JWT public key (for tokens verify --jwt-key):\n%s\n", em.JWTKey())
	if !*noDemo {
		if err := printDemoToken(a.ctx, a, em); err != nil {
			fmt.Fprintf(a.stderr, "clerk: emulator: demo token: %v\n", describeError(err))
		}
	}
	fmt.Fprintln(a.stdout, "Press Ctrl-C to stop.")

	select {
	case <-a.ctx.Done():
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	fmt.Fprintln(a.stderr, "emulator stopped")
	return nil
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
