package auth_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
)

// ExampleMiddleware_cookieSession is a Go server that reads Clerk's cookie
// session, run against the emulator: the emulator's JWKS verifies the
// session token that Clerk's frontend would have stored in __session.
func ExampleMiddleware_cookieSession() {
	emu := clerktest.New()
	defer emu.Close()
	client := emu.Client()
	ctx := context.Background()
	u, err := users.New(client).Create(ctx, &users.CreateParams{EmailAddress: clerk.Value([]string{"ada@example.com"})})
	if err != nil {
		log.Fatal(err)
	}

	// In production: PublishableKey and Client (clerk.NewClientFromEnv())
	// come from the dashboard. The emulator's tokens name the Frontend API
	// host its publishable key encodes, as a development instance's do; a
	// live key for that host keeps the example free of the dev-browser flow.
	// The keys are checked with the JWKS the emulator serves.
	fapi := strings.TrimPrefix(emu.FrontendAPIURL(), "https://")
	v, err := auth.New(auth.Config{
		Client:         client,
		PublishableKey: "pk_live_" + base64.RawStdEncoding.EncodeToString([]byte(fapi+"$")),
	})
	if err != nil {
		log.Fatal(err)
	}
	app := httptest.NewServer(auth.Middleware(v)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a := auth.FromContext(r.Context()); a.IsAuthenticated {
			fmt.Fprint(w, "signed in")
			return
		}
		fmt.Fprint(w, "signed out")
	})))
	defer app.Close()

	// What Clerk's frontend leaves in the browser after sign-in.
	token, err := emu.MintSessionToken(u.ID)
	if err != nil {
		log.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	appURL, _ := url.Parse(app.URL)
	browser := &http.Client{Jar: jar}
	for _, cookies := range [][]*http.Cookie{
		nil, // before sign-in
		{{Name: "__session", Value: token}, {Name: "__client_uat", Value: fmt.Sprint(time.Now().Add(-time.Minute).Unix())}},
		{{Name: "__client_uat", Value: "0"}}, // signed out in another tab
	} {
		jar.SetCookies(appURL, cookies)
		resp, err := browser.Get(app.URL)
		if err != nil {
			log.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(strings.TrimSpace(string(body) + " " + resp.Header.Get("X-Clerk-Auth-Reason")))
	}
	// Output:
	// signed out session-token-and-uat-missing
	// signed in
	// signed out session-token-but-no-client-uat
}
