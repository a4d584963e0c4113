package clerktest

import (
	"net/http"
	"net/url"
	"slices"
)

// Request is one request the emulator received, as Requests reports it.
type Request struct {
	Method string
	Path   string     // escaped path, /v1 included
	Query  url.Values // parsed query string
	// Header holds the request headers; the Authorization value is replaced
	// by "[redacted]" so the log never holds a key.
	Header     http.Header
	APIVersion string // the Clerk-API-Version header
	KeyValid   bool   // whether the Authorization header carried an accepted key
	Body       []byte
}

func newRequest(r *http.Request, body []byte, keyOK bool) Request {
	h := r.Header.Clone()
	if h.Get("Authorization") != "" {
		h.Set("Authorization", "[redacted]")
	}
	return Request{
		Method:     r.Method,
		Path:       r.URL.EscapedPath(),
		Query:      r.URL.Query(),
		Header:     h,
		APIVersion: r.Header.Get("Clerk-API-Version"),
		KeyValid:   keyOK,
		Body:       slices.Clone(body),
	}
}

// Requests returns a copy of the log of requests received so far, oldest first.
func (e *Emulator) Requests() []Request {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]Request, len(e.log))
	for i, r := range e.log {
		r.Query = cloneValues(r.Query)
		r.Header = r.Header.Clone()
		r.Body = slices.Clone(r.Body)
		out[i] = r
	}
	return out
}

// ResetRequests empties the request log.
func (e *Emulator) ResetRequests() {
	e.mu.Lock()
	e.log = nil
	e.mu.Unlock()
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}
