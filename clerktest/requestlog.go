package clerktest

import (
	"net/http"
	"net/url"
	"slices"
	"time"
)

// Request is one request the emulator received, as Requests reports it.
type Request struct {
	Time   time.Time  // when it arrived, by the wall clock
	Method string     // the HTTP method
	Path   string     // escaped path, /v1 included
	Query  url.Values // parsed query string
	// Header holds the request headers; the Authorization value is replaced
	// by "[redacted]" so the log never holds a key.
	Header     http.Header
	APIVersion string // the Clerk-API-Version header
	KeyValid   bool   // whether the Authorization header carried an accepted key
	Body       []byte // the request body as received
	// Status is the HTTP status the emulator answered (0 when an injected
	// fault reset the connection instead).
	Status int
	// Fault names the injected fault that affected the request, if any.
	Fault string
}

func newRequest(r *http.Request, body []byte, keyOK bool) Request {
	h := r.Header.Clone()
	if h.Get("Authorization") != "" {
		h.Set("Authorization", "[redacted]")
	}
	return Request{
		Time:       time.Now(),
		Method:     r.Method,
		Path:       r.URL.EscapedPath(),
		Query:      r.URL.Query(),
		Header:     h,
		APIVersion: r.Header.Get("Clerk-API-Version"),
		KeyValid:   keyOK,
		Body:       slices.Clone(body),
	}
}

// Requests returns a copy of the request log, oldest first. The log keeps
// the most recent requests only (1000 unless WithLogSize says otherwise).
func (e *Emulator) Requests() []Request {
	return e.reqLog.snapshot(func(r Request) Request {
		r.Query = cloneValues(r.Query)
		r.Header = r.Header.Clone()
		r.Body = slices.Clone(r.Body)
		return r
	})
}

// ResetRequests empties the request log.
func (e *Emulator) ResetRequests() { e.reqLog.reset() }

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}
