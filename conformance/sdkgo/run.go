// Package sdkgo drives the standalone emulator with clerk-sdk-go v2, Clerk's
// Go SDK: every package function that maps to a Backend API operation,
// called through the package-level API (clerk.SetBackend) in a create,
// read, update, list, delete order. The version is the one the importing
// module selects: the conformance module pins v2.4.2, the sdkgo260 module
// v2.6.0, which adds the steps of the packages new in it.
package sdkgo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clerk/clerk-sdk-go/v2"

	"github.com/clerkgo/clerk/conformance"
)

// Step is one call of a package function.
type Step struct {
	Name    string                                    // "package.Function", with an optional "#variant"
	Expect  string                                    // "ok" (when empty), "error", or "error:<code>"
	Local   bool                                      // the call may make no request
	Run     func(ctx context.Context, s *State) error // the call itself; its error is judged against Expect
	Recover func(ctx context.Context, s *State) error // makes what later steps need when Run fails
}

// recorder is an http.RoundTripper that keeps every exchange.
type recorder struct {
	mu        sync.Mutex
	exchanges []conformance.Exchange
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	r.mu.Lock()
	r.exchanges = append(r.exchanges, conformance.Exchange{Method: req.Method, URL: req.URL.String(), Status: resp.StatusCode, Body: string(body)})
	r.mu.Unlock()
	return resp, nil
}

func (r *recorder) take() []conformance.Exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.exchanges
	r.exchanges = nil
	return out
}

// Run points clerk-sdk-go's default backend at the emulator, runs the steps
// in order and returns each call as the judge reads it.
func Run(t *testing.T, e *conformance.Emulator, steps []Step) []conformance.Call {
	t.Helper()
	rec := &recorder{}
	s := &State{Emulator: e, rec: rec, Extra: map[string]string{}}
	s.setBackend(e.SecretKey)
	calls := make([]conformance.Call, 0, len(steps))
	for _, st := range steps {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := guarded(ctx, s, st.Run)
		c := conformance.Call{Name: st.Name, Expect: st.Expect, Local: st.Local, Returned: err == nil, Exchanges: rec.take()}
		if c.Expect == "" {
			c.Expect = "ok"
		}
		if ce := (*checkError)(nil); errors.As(err, &ce) {
			c.CheckFailed = ce.Error()
		}
		if err != nil {
			c.Threw = thrown(err)
			if st.Recover != nil {
				if rerr := guarded(ctx, s, st.Recover); rerr != nil {
					t.Logf("%s: recovering: %v", st.Name, rerr)
				}
				rec.take()
			}
		}
		cancel()
		calls = append(calls, c)
	}
	return calls
}

// thrown describes an error of clerk-sdk-go as the judge reads it.
func thrown(err error) *conformance.Thrown {
	var apiErr *clerk.APIErrorResponse
	if errors.As(err, &apiErr) {
		th := &conformance.Thrown{Name: "APIErrorResponse", Status: apiErr.HTTPStatusCode}
		for _, e := range apiErr.Errors {
			th.Errors = append(th.Errors, conformance.ThrownError{Code: e.Code, LongMessage: e.LongMessage})
		}
		return th
	}
	return &conformance.Thrown{Name: "error", Message: strings.TrimSpace(err.Error())}
}

// guarded runs fn, turning a panic (a step whose prerequisite an earlier
// failed call did not make) into an error.
func guarded(ctx context.Context, s *State, fn func(context.Context, *State) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("a prerequisite is missing: %v", r)
		}
	}()
	return fn(ctx, s)
}
