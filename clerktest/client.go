package clerktest

import (
	"fmt"

	"github.com/clerkgo/clerk"
)

// Client returns a clerk.Client that talks to the emulator with its secret
// key; opts are applied after the base URL, so they may override it. It
// panics if an option is invalid, as only a programming error can cause that.
func (e *Emulator) Client(opts ...clerk.Option) *clerk.Client {
	c, err := clerk.NewClient(e.SecretKey(), append([]clerk.Option{clerk.WithBaseURL(e.URL())}, opts...)...)
	if err != nil {
		panic(fmt.Sprintf("clerktest: build client: %v", err))
	}
	return c
}
