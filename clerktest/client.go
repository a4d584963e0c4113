package clerktest

import (
	"fmt"
	"net/http"

	"github.com/clerkgo/clerk"
)

// Client returns a clerk.Client that talks to the emulator with its secret
// key over the emulator's own pooled transport (which keeps up to 256 idle
// connections, so concurrent tests reuse connections instead of dialling
// anew); opts are applied after, so they may override both. It panics if an
// option is invalid, as only a programming error can cause that.
func (e *Emulator) Client(opts ...clerk.Option) *clerk.Client {
	base := []clerk.Option{clerk.WithBaseURL(e.URL()), clerk.WithHTTPClient(&http.Client{Transport: e.transport})}
	c, err := clerk.NewClient(e.SecretKey(), append(base, opts...)...)
	if err != nil {
		panic(fmt.Sprintf("clerktest: build client: %v", err))
	}
	return c
}

// HTTPClient returns an http.Client over the emulator's pooled transport,
// for tests that send raw requests.
func (e *Emulator) HTTPClient() *http.Client { return &http.Client{Transport: e.transport} }
