package proxy_test

import (
	"fmt"
	"log"
	"net/http"

	"github.com/clerkgo/clerk/auth/proxy"
)

// Example serves Clerk's Frontend API under /__clerk of the app's own
// domain; point the frontend's proxyUrl and auth.Config.ProxyURL at it.
func Example() {
	p, err := proxy.New(proxy.Config{
		PublishableKey: "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k",
		SecretKey:      "sk_live_example",
	})
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle(proxy.DefaultPath+"/", p)
	fmt.Println(p)
	// Output: proxy.Handler{path: /__clerk, upstream: https://frontend-api.clerk.dev}
}
