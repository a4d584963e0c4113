package clerktest_test

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"

	"github.com/clerkgo/clerk/auth"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/webhooks"
)

// TestInteropWithAuth checks that minted tokens verify with package auth,
// networklessly and through GET /jwks, with the v2 org claims decoded.
func TestInteropWithAuth(t *testing.T) {
	t.Parallel()
	e := newEmu(t, clerktest.WithDemoData())
	user := callList(t, e, "GET", "/users?username=ada", 200)[0]["id"].(string)
	org := call(t, e, "GET", "/organizations/acme", nil, 200)["id"].(string)
	tok, err := e.MintSessionToken(user, clerktest.WithOrganization(org, "org:admin", "org:invoices:read", "org:invoices:manage", "org:reports:read"))
	if err != nil {
		t.Fatal(err)
	}
	for name, cfg := range map[string]auth.Config{"pem": {JWTKey: e.JWTKey()}, "jwks": {Client: e.Client()}} {
		v, err := auth.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		c, err := v.VerifySessionToken(context.Background(), tok)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		perms := slices.Sorted(slices.Values(c.OrgPermissions))
		want := []string{"org:invoices:manage", "org:invoices:read", "org:reports:read"}
		if c.Subject != user || c.OrgID != org || c.OrgRole != "org:admin" || c.OrgSlug != "acme" ||
			c.SessionStatus != "active" || !slices.Equal(perms, want) {
			t.Errorf("%s: claims %+v", name, c)
		}
	}
}

// TestInteropWithWebhooks checks that deliveries verify with package webhooks.
func TestInteropWithWebhooks(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	v, err := webhooks.NewVerifier(e.WebhookSecret())
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var errs []error
	n := 0
	e.OnWebhookFunc(func(_ string, h http.Header, body []byte) {
		mu.Lock()
		defer mu.Unlock()
		n++
		if err := v.Verify(body, h); err != nil {
			errs = append(errs, err)
		}
	})
	id := createUser(t, e, map[string]any{"username": "verified"})
	call(t, e, "DELETE", "/users/"+id, nil, 200)
	flush(t, e)
	mu.Lock()
	defer mu.Unlock()
	if n != 2 || len(errs) != 0 {
		t.Errorf("%d deliveries, errors %v", n, errs)
	}
}
