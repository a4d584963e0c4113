package auth

import (
	"bufio"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/auth/internal/instance"
)

// FuzzHandshakeRequest feeds arbitrary cookies, forwarded headers and
// query strings to a document request of a verifier that can build
// handshakes: never a panic, never signed in without a token the test key
// signed, and a redirect only ever goes to the Frontend API or to the
// request's own clean URL.
func FuzzHandshakeRequest(f *testing.F) {
	expired := mint(f, testKey(), baseHeader(), with(baseClaims(), "exp", testNow.Unix()-60))
	f.Add("__session="+expired+"; __client_uat=1", "app.example.com", "https", "tab=1")
	f.Add("__client_uat=5", "evil.com/@x", "javascript", "__clerk_handshake=a.b.c")
	f.Add("__session=x; __client_uat=0x10", "[::1]:99999", "http,https", "__clerk_handshake_nonce=n&__clerk_db_jwt=d")
	f.Add("__clerk_redirect_count=2; __client_uat=9", "b\u00fccher.example", "", "%zz&+=+&&")
	v := staticVerifier(f, Config{PublishableKey: "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k"})
	f.Fuzz(func(t *testing.T, cookie, fwdHost, fwdProto, query string) {
		raw := "GET /p?" + strings.Map(func(r rune) rune {
			if r <= ' ' || r == '#' || r >= 0x7f {
				return -1
			}
			return r
		}, query) + " HTTP/1.1\r\nHost: app.example.com\r\nAccept: text/html\r\nSec-Fetch-Dest: document\r\n\r\n"
		r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
		if err != nil {
			t.Skip()
		}
		r.Header["Cookie"] = []string{cookie}
		r.Header["X-Forwarded-Host"] = []string{fwdHost}
		r.Header["X-Forwarded-Proto"] = []string{fwdProto}
		a, _ := v.AuthenticateRequest(r)
		if a == nil {
			t.Fatal("nil Auth")
		}
		if a.IsAuthenticated {
			t.Fatalf("signed in from fuzzed input: %q %q", cookie, query)
		}
		loc := a.Headers.Get("Location")
		if loc == "" {
			return
		}
		u, err := url.Parse(loc)
		if err != nil {
			t.Fatalf("unparsable Location %q: %v", loc, err)
		}
		switch u.Host {
		case "clerk.example.com":
			back, err := url.Parse(u.Query().Get("redirect_url"))
			if err != nil || (back.Scheme != "http" && back.Scheme != "https") || back.User != nil {
				t.Fatalf("handshake back to %q", u.Query().Get("redirect_url"))
			}
			if _, ok := instance.CleanHost(back.Host, back.Scheme); !ok {
				t.Fatalf("handshake back to a bad host %q", back.Host)
			}
		default:
			if _, ok := instance.CleanHost(u.Host, u.Scheme); !ok || u.User != nil {
				t.Fatalf("redirect to %q", loc)
			}
		}
	})
}
