package tests

import (
	"bytes"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/clerkgo/clerk"
)

// recorded is a request as the server would see it, with its body.
type recorded struct {
	Req  *http.Request
	Body []byte
}

// recorder answers every request with a fixed body and keeps what it saw.
type recorder struct {
	mu     sync.Mutex
	reqs   []recorded
	answer []byte
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		req.Body.Close()
	}
	r.mu.Lock()
	r.reqs = append(r.reqs, recorded{Req: req, Body: body})
	answer := r.answer
	r.mu.Unlock()
	return &http.Response{
		StatusCode: 200,
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(bytes.NewReader(answer)),
		Request:    req,
	}, nil
}

// requests returns what the recorder saw.
func (r *recorder) requests() []recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]recorded(nil), r.reqs...)
}

// recordingClient returns a client whose requests land in a recorder, with
// the spec's server as base URL so the spec's router matches them.
func recordingClient(t *testing.T, answer string, opts ...clerk.Option) (*clerk.Client, *recorder) {
	t.Helper()
	rec := &recorder{answer: []byte(answer)}
	c, err := clerk.NewClient("sk_test_contract", append([]clerk.Option{clerk.WithHTTPClient(&http.Client{Transport: rec}), clerk.WithMaxRetries(0)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c, rec
}
