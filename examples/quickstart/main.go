// Command quickstart walks through the SDK in a minute: users, explicit null,
// a forced password reset, billing plans, a session token verified without
// network, a signed webhook, and a typed API error.
//
// Without CLERK_SECRET_KEY it starts the clerktest emulator in-process, so it
// needs no account and no network:
//
//	go run ./examples/quickstart
//
// With CLERK_SECRET_KEY it talks to your Clerk instance, read-only unless
// --write is given (then it creates two users and deletes them at the end).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"strings"
	"sync"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth"
	"github.com/clerkgo/clerk/billing"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
	"github.com/clerkgo/clerk/webhooks"
)

func main() {
	write := flag.Bool("write", false, "allow changes when talking to a real Clerk instance")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, *write); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// demo carries what the steps share.
type demo struct {
	out   io.Writer
	c     *clerk.Client
	em    *clerktest.Emulator // nil against a real instance
	write bool
	step  int
	ids   []string // users created by the demo
}

func run(ctx context.Context, out io.Writer, write bool) error {
	d := &demo{out: out, write: write}
	if os.Getenv("CLERK_SECRET_KEY") == "" {
		d.em = clerktest.New(clerktest.WithDemoData())
		defer d.em.Close()
		d.c, d.write = d.em.Client(), true
		fmt.Fprintf(out, "No CLERK_SECRET_KEY set: using the in-process clerktest emulator at %s\n", d.em.URL())
	} else {
		c, err := clerk.NewClientFromEnv()
		if err != nil {
			return err
		}
		d.c = c
		mode := "read-only; pass --write to create and delete two demo users"
		if write {
			mode = "--write: two demo users will be created and deleted"
		}
		fmt.Fprintf(out, "Using your Clerk instance (%s)\n", mode)
	}
	defer d.cleanup()
	for _, s := range []func(context.Context) error{
		d.createUsers, d.listUsers, d.updateWithNull, d.forceReset,
		d.listPlans, d.verifyToken, d.receiveWebhook, d.typedError,
	} {
		if err := s(ctx); err != nil {
			return err
		}
	}
	fmt.Fprintln(out, "\nDone. Next: go run ./cmd/clerk --emulator users list")
	return nil
}

func (d *demo) title(s string) {
	d.step++
	fmt.Fprintf(d.out, "\n%d. %s\n", d.step, s)
}

func (d *demo) say(format string, args ...any) {
	fmt.Fprintf(d.out, "   "+format+"\n", args...)
}

func (d *demo) createUsers(ctx context.Context) error {
	d.title("Create users")
	if !d.write {
		d.say("skipped (read-only)")
		return nil
	}
	suffix := fmt.Sprint(time.Now().UnixNano() % 1e6)
	for _, p := range []struct{ first, last, email string }{
		{"Marie", "Curie", "marie+" + suffix + "@example.com"},
		{"Rosalind", "Franklin", "rosalind+" + suffix + "@example.com"},
	} {
		u, err := users.New(d.c).Create(ctx, &users.CreateParams{
			FirstName: clerk.String(p.first), LastName: clerk.String(p.last),
			EmailAddress: clerk.Value([]string{p.email}), Password: clerk.String("a-long-demo-passphrase-" + suffix),
		})
		if err != nil {
			return fmt.Errorf("create user: %w", err)
		}
		d.ids = append(d.ids, u.ID)
		d.say("created %s  %s %s <%s>", u.ID, p.first, p.last, p.email)
	}
	return nil
}

func (d *demo) listUsers(ctx context.Context) error {
	d.title("List users with All (pages of 2, fetched lazily)")
	n := 0
	params := &users.ListParams{OrderBy: clerk.String("-created_at")}
	params.Limit = clerk.Int64(2)
	for u, err := range users.New(d.c).All(ctx, params) {
		if err != nil {
			return fmt.Errorf("list users: %w", err)
		}
		d.say("%-34s %s %s", u.ID, deref(u.FirstName), deref(u.LastName))
		if n++; n == 6 {
			break // the newest six are enough for a demo; All sends no further request
		}
	}
	total, err := users.New(d.c).Count(ctx, nil)
	if err != nil {
		return fmt.Errorf("count users: %w", err)
	}
	d.say("the newest %d shown; %d users in all (users.Count)", n, total.TotalCount)
	return nil
}

func (d *demo) updateWithNull(ctx context.Context) error {
	d.title("Update: last_name set to null, first_name omitted")
	if len(d.ids) == 0 {
		d.say("skipped (read-only)")
		return nil
	}
	u, err := users.New(d.c).Update(ctx, d.ids[0], &users.UpdateParams{LastName: clerk.Null[string]()})
	if err != nil {
		return fmt.Errorf("update user: %w", err)
	}
	d.say("sent {\"last_name\": null}")
	d.say("first_name = %q (untouched), last_name = %s", deref(u.FirstName), quoteOrNull(u.LastName))
	return nil
}

func (d *demo) forceReset(ctx context.Context) error {
	d.title("Force a password reset")
	if len(d.ids) == 0 {
		d.say("skipped (read-only)")
		return nil
	}
	p := &users.SetPasswordCompromisedParams{RevokeAllSessions: clerk.Bool(true)}
	if _, err := users.New(d.c).SetPasswordCompromised(ctx, d.ids[0], p); err != nil {
		return fmt.Errorf("set password compromised: %w", err)
	}
	d.say("%s must choose a new password at next sign-in; sessions revoked", d.ids[0])
	return nil
}

func (d *demo) listPlans(ctx context.Context) error {
	d.title("Billing plans and their fees")
	for p, err := range billing.New(d.c).AllPlans(ctx, nil) {
		if err != nil {
			return fmt.Errorf("list plans: %w", err)
		}
		d.say("%-5s %-10s fee %s/month, annual_fee %s/year", p.Name, "("+p.Slug+")", fee(p.Fee), fee(p.AnnualFee))
	}
	return nil
}

func (d *demo) verifyToken(ctx context.Context) error {
	d.title("Mint a session token and verify it without network")
	if d.em == nil || len(d.ids) == 0 {
		d.say("skipped (the emulator mints tokens; against Clerk, use auth.New with your JWT key)")
		return nil
	}
	token, err := d.em.MintSessionToken(d.ids[1])
	if err != nil {
		return err
	}
	v, err := auth.New(auth.Config{JWTKey: d.em.JWTKey()})
	if err != nil {
		return err
	}
	claims, err := v.VerifySessionToken(ctx, token)
	if err != nil {
		return fmt.Errorf("verify token: %w", err)
	}
	d.say("token %s... is valid: user %s, session %s", token[:16], claims.Subject, claims.SessionID)
	_, err = v.VerifySessionToken(ctx, token[:len(token)-4]+"AAAA")
	d.say("a tampered token is refused: %v", err)
	return nil
}

func (d *demo) receiveWebhook(ctx context.Context) error {
	d.title("Receive and verify a signed webhook")
	if d.em == nil || len(d.ids) == 0 {
		d.say("skipped (the emulator sends webhooks; see webhooks.NewVerifier)")
		return nil
	}
	v, err := webhooks.NewVerifier(d.em.WebhookSecret())
	if err != nil {
		return err
	}
	var got []string // the emulator delivers before the API call returns
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		msg := ""
		if ev, err := v.VerifyRequest(r); err != nil {
			http.Error(w, "bad signature", http.StatusBadRequest)
			msg = "refused: " + err.Error()
		} else {
			msg = fmt.Sprintf("received %s (svix-id %s), signature verified", ev.Type, ev.ID)
		}
		mu.Lock()
		got = append(got, msg)
		mu.Unlock()
	}))
	defer srv.Close()
	d.em.OnWebhook(srv.URL)
	if _, err := users.New(d.c).Delete(ctx, d.ids[1]); err != nil {
		return fmt.Errorf("delete user: %w", err)
	}
	d.say("deleted %s", d.ids[1])
	d.ids = d.ids[:1]
	if err := d.em.Flush(ctx); err != nil { // deliveries are asynchronous
		return fmt.Errorf("wait for webhooks: %w", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) == 0 {
		return errors.New("no webhook arrived")
	}
	for _, msg := range got {
		d.say("%s", msg)
	}
	return nil
}

func (d *demo) typedError(ctx context.Context) error {
	d.title("Handle a typed API error")
	_, err := users.New(d.c).Get(ctx, "user_does_not_exist")
	var apiErr *clerk.APIError
	if !errors.Is(err, clerk.ErrNotFound) || !errors.As(err, &apiErr) {
		return fmt.Errorf("expected a 404 APIError, got %v", err)
	}
	d.say("errors.Is(err, clerk.ErrNotFound) = true")
	d.say("status %d, code %s, trace id %s", apiErr.StatusCode, apiErr.Code(), apiErr.TraceID)
	return nil
}

// cleanup deletes the users the demo created on a real instance.
func (d *demo) cleanup() {
	if d.em != nil {
		return
	}
	for _, id := range d.ids {
		if _, err := users.New(d.c).Delete(context.Background(), id); err != nil {
			fmt.Fprintf(d.out, "cleanup: delete %s: %v\n", id, err)
		}
	}
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func quoteOrNull(p *string) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprintf("%q", *p)
}

// fee renders a fee object: amount in cents and the formatted value.
func fee(m *clerk.Money) string {
	if m == nil {
		return "none"
	}
	return strings.TrimSpace(m.CurrencySymbol + m.AmountFormatted)
}
