// Command http-server protects net/http handlers with Clerk session tokens:
// auth.Middleware authenticates every request and auth.Require turns the
// result into 401 (signed out) or 403 (signed in without the role).
//
//	go run ./examples/http-server           # emulator: three requests, then exit
//	go run ./examples/http-server --serve   # keep serving on --addr
//
// Without CLERK_SECRET_KEY the tokens come from the clerktest emulator and
// are verified with its PEM key, without network. With CLERK_SECRET_KEY the
// verifier uses CLERK_JWT_KEY when set, else your instance's JWKS.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/organizations"
	"github.com/clerkgo/clerk/users"
)

func main() {
	serve := flag.Bool("serve", false, "keep serving until interrupted")
	addr := flag.String("addr", "", "listen address (default 127.0.0.1:8080 with --serve, else a free port)")
	flag.Parse()
	if *addr == "" {
		*addr = "127.0.0.1:0"
		if *serve {
			*addr = "127.0.0.1:8080"
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *addr, *serve); err != nil {
		fmt.Fprintln(os.Stderr, "http-server:", err)
		os.Exit(1)
	}
}

// routes builds the application: /api/me needs a session, /api/admin also
// the org:admin role.
func routes(v *auth.Verifier) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /api/me", auth.Require()(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a := auth.FromContext(r.Context())
		fmt.Fprintf(w, "hello %s (session %s)\n", a.UserID, a.SessionID)
	})))
	mux.Handle("GET /api/admin", auth.Require(auth.Role("org:admin"))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "admin of %s\n", auth.FromContext(r.Context()).OrgSlug)
	})))
	return auth.Middleware(v)(mux)
}

// call is one demo request.
type call struct{ label, path, token string }

func run(ctx context.Context, addr string, serve bool) error {
	var cfg auth.Config
	calls := []call{{"without a token", "/api/me", ""}}
	if os.Getenv("CLERK_SECRET_KEY") == "" {
		em := clerktest.New(clerktest.WithDemoData())
		defer em.Close()
		cfg.JWTKey = em.JWTKey()
		fmt.Println("No CLERK_SECRET_KEY: tokens are minted by the clerktest emulator")
		member, admin, err := demoTokens(ctx, em)
		if err != nil {
			return err
		}
		calls = append(calls, call{"with a session token", "/api/me", member},
			call{"as an org:member", "/api/admin", member}, call{"as an org:admin", "/api/admin", admin})
	} else {
		c, err := clerk.NewClientFromEnv()
		if err != nil {
			return err
		}
		cfg.Client, cfg.JWTKey = c, os.Getenv("CLERK_JWT_KEY")
	}
	v, err := auth.New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: routes(v), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	fmt.Printf("listening on %s\n\n", base)

	for _, c := range calls {
		status, body, err := get(ctx, base+c.path, c.token)
		if err != nil {
			return err
		}
		fmt.Printf("GET %-10s %-22s -> %d %s\n", c.path, c.label, status, body)
	}
	if !serve {
		return nil
	}
	if len(calls) > 1 {
		fmt.Printf("\ntry: curl -H 'Authorization: Bearer %s' %s/api/admin\n", calls[3].token, base)
	}
	fmt.Println("serving until Ctrl-C")
	<-ctx.Done()
	return nil
}

// demoTokens mints a token for a member and one for an admin of the demo org.
func demoTokens(ctx context.Context, em *clerktest.Emulator) (member, admin string, err error) {
	c := em.Client()
	org, err := organizations.New(c).Get(ctx, "acme", nil)
	if err != nil {
		return "", "", err
	}
	page, err := users.New(c).List(ctx, &users.ListParams{EmailAddress: []string{"grace@example.com", "ada@example.com"}})
	if err != nil || len(page.Data) < 2 {
		return "", "", errors.Join(errors.New("demo users not found"), err)
	}
	ids := map[string]string{} // email -> user ID
	for _, u := range page.Data {
		for _, e := range u.EmailAddresses {
			ids[e.EmailAddress] = u.ID
		}
	}
	if member, err = em.MintSessionToken(ids["grace@example.com"], clerktest.WithOrganization(org.ID, "org:member")); err != nil {
		return "", "", err
	}
	admin, err = em.MintSessionToken(ids["ada@example.com"], clerktest.WithOrganization(org.ID, "org:admin"), clerktest.WithExpiry(time.Hour))
	return member, admin, err
}

func get(ctx context.Context, url, token string) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, "", err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 1<<10))
	return res.StatusCode, strings.TrimSpace(string(b)), err
}
