package clerk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/clerkgo/clerk/internal/encode"
	"github.com/clerkgo/clerk/internal/transport"
	"github.com/hashicorp/go-retryablehttp"
)

// Request describes one Backend API call for Client.Do.
type Request struct {
	// Method is the HTTP method, e.g. http.MethodGet.
	Method string
	// Path is the route template relative to the base URL, with {name}
	// placeholders, e.g. "/users/{user_id}".
	Path string
	// PathParams fill the placeholders of Path in order. Each is escaped as
	// one path segment; empty, "." and ".." are refused with
	// ErrInvalidParams before any I/O.
	PathParams []string
	// Query is nil, a url.Values, or a struct with `url` tags.
	Query any
	// Body is nil for no body, a *Form for multipart/form-data, or any
	// value to send as JSON.
	Body any
}

// Response is the raw answer of a call, filled by WithResponse.
type Response struct {
	// StatusCode is the HTTP status of the last attempt.
	StatusCode int
	// Header holds the answer's headers (Clerk-Trace-Id, Retry-After, ...).
	Header http.Header
	// TraceID is Clerk's ID of the request, for support: the body's
	// clerk_trace_id on errors, else the Clerk-Trace-Id header.
	TraceID string
	// Body is the answer's body as read, up to the client's bound.
	Body []byte
}

// File is a file to upload in a multipart request.
type File struct {
	// Name is the file name sent to the server, e.g. "avatar.png".
	Name string
	// ContentType is the file's media type; empty sends
	// application/octet-stream.
	ContentType string
	// Content is read once, fully, before the first attempt.
	Content io.Reader
}

// Form is a multipart/form-data request body.
type Form struct {
	// Fields are plain form fields.
	Fields url.Values
	// Files are uploaded files, keyed by form field name.
	Files map[string]File
}

// maxErrorBody bounds how much of an error body is read.
const maxErrorBody = 1 << 20

// Do sends req and decodes a 2xx JSON answer into out, a pointer (or nil to
// discard the body). A non-2xx answer is an *APIError. Invalid input is
// refused before any I/O with an error matching ErrInvalidParams or
// ErrInvalidOption: when req.Query or req.Body has a Validate() error
// method (every generated params type has one), Do runs it first. The
// context bounds the whole call, retries included.
func (c *Client) Do(ctx context.Context, req *Request, out any, opts ...RequestOption) error {
	if req == nil || req.Method == "" {
		return fmt.Errorf("%w: a request needs a method and a path", ErrInvalidParams)
	}
	if err := validateParams(req); err != nil {
		return err
	}
	var call callConfig
	for _, o := range opts {
		if o != nil {
			o.applyRequest(&call)
		}
	}
	if call.err != nil {
		return call.err
	}
	hreq, err := c.build(ctx, req, &call)
	if err != nil {
		return err
	}
	var oc *observedCall // nil unless WithObserver was given (observer.go)
	if c.observer != nil {
		oc, hreq = c.observe(req, hreq)
	}
	start := time.Now()
	resp, err := oc.retryClient(c, transport.Call{
		Method:             req.Method,
		Route:              req.Path,
		MaxRetries:         call.maxRetries,
		RetryNonIdempotent: call.retryUnsafe,
	}).Do(hreq)
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return oc.end(nil, c.transportError(ctx, req, err))
	}
	defer resp.Body.Close()
	return oc.end(resp, c.finish(ctx, req, &call, resp, out, start))
}

// build checks the request and turns it into an HTTP request.
func (c *Client) build(ctx context.Context, req *Request, call *callConfig) (*retryablehttp.Request, error) {
	path, err := encode.Path(req.Path, req.PathParams)
	if err != nil {
		return nil, invalidParams(req, err)
	}
	query, err := encode.Query(req.Query, call.query)
	if err != nil {
		return nil, invalidParams(req, err)
	}
	var body []byte
	contentType := ""
	if form, ok := req.Body.(*Form); ok {
		body, contentType, err = encodeForm(form)
	} else {
		body, err = encode.JSON(req.Body, call.jsonFields)
		if body != nil {
			contentType = "application/json"
		}
	}
	if err != nil {
		return nil, invalidParams(req, err)
	}
	if err := c.checkVersion(req, body, query); err != nil {
		return nil, err
	}
	u := c.baseURL + path
	if query != "" {
		u += "?" + query
	}
	ctx = transport.WithRoute(ctx, req.Method, req.Path)
	var raw any
	if body != nil {
		raw = body
	}
	hreq, err := retryablehttp.NewRequestWithContext(ctx, req.Method, u, raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %s %s: cannot build the request", ErrInvalidParams, req.Method, req.Path)
	}
	h := hreq.Header
	bearer := c.key.value
	if call.bearer != "" {
		bearer = call.bearer
	}
	h["Authorization"] = []string{"Bearer " + bearer}
	h["Clerk-Api-Version"] = []string{c.apiVersion}
	h["User-Agent"] = []string{c.userAgent}
	h["Accept"] = []string{"application/json"}
	if contentType != "" {
		h["Content-Type"] = []string{contentType}
	}
	for k, v := range call.header {
		h[k] = v
	}
	return hreq, nil
}

// finish reads the answer, fills WithResponse, and decodes or builds the
// APIError.
func (c *Client) finish(ctx context.Context, req *Request, call *callConfig, resp *http.Response, out any, start time.Time) error {
	ok := resp.StatusCode >= 200 && resp.StatusCode <= 299
	if resp.StatusCode >= 300 && resp.StatusCode <= 399 {
		return redirectError(req, resp)
	}
	limit := int64(maxErrorBody)
	var buf []byte
	if ok {
		limit = c.maxResponseBytes
		if call.response == nil {
			// The body is only decoded (encoding/json copies what it keeps),
			// so its buffer can serve the client's next calls.
			pooled := c.bufs.get()
			defer func() { c.releaseBuffer(pooled, buf) }()
			buf = (*pooled)[:0]
		}
	}
	body, err := readAll(resp.Body, resp.ContentLength, limit, buf)
	buf = body
	if errors.Is(err, errTooLong) {
		if !ok {
			// An error body is only read for its message: keep its start.
			err = nil
		} else {
			return fmt.Errorf("%w: %s %s: the answer is longer than %d bytes", ErrResponseTooLarge, req.Method, req.Path, limit)
		}
	}
	if err != nil {
		return fmt.Errorf("clerk: %s %s: reading the answer: %w", req.Method, req.Path, redactURLError(err))
	}
	if call.response != nil {
		*call.response = Response{StatusCode: resp.StatusCode, Header: resp.Header, TraceID: resp.Header.Get("Clerk-Trace-Id"), Body: body}
	}
	if !ok {
		apiErr := newAPIError(req.Method, req.Path, resp.StatusCode, resp.Header, body, time.Now())
		if call.response != nil && apiErr.TraceID != "" {
			call.response.TraceID = apiErr.TraceID
		}
		if c.logger != nil {
			c.logger.LogAttrs(ctx, slog.LevelDebug, "clerk: request failed",
				slog.String("method", req.Method), slog.String("route", req.Path),
				slog.Int("status", resp.StatusCode), slog.String("code", apiErr.Code()),
				slog.String("trace_id", apiErr.TraceID), slog.Duration("elapsed", time.Since(start)))
		}
		return apiErr
	}
	if out == nil || len(body) == 0 {
		return nil
	}
	switch d, isPage := out.(answerDecoder); {
	case isPage:
		err = d.decodeAnswer(body)
	case fastUnmarshal(body, out):
	default:
		err = json.Unmarshal(body, out)
	}
	if err != nil {
		return fmt.Errorf("clerk: %s %s: decoding the answer: %w", req.Method, req.Path, err)
	}
	return nil
}

// answerDecoder is implemented by answers that decode themselves in one
// pass over the body (Page); Do calls it instead of json.Unmarshal.
type answerDecoder interface {
	decodeAnswer([]byte) error
}

// transportError wraps a failure that produced no answer, keeping the
// context's error reachable with errors.Is and leaving out the URL (whose
// query may hold values the caller considers private).
func (c *Client) transportError(ctx context.Context, req *Request, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		err = ctxErr
	}
	return fmt.Errorf("clerk: %s %s: %w", req.Method, req.Path, redactURLError(err))
}

// redactURLError drops *url.Error's URL, keeping what it wraps.
func redactURLError(err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		return uerr.Err
	}
	return err
}

// errTooLong marks an answer longer than the bound readAll was given.
var errTooLong = errors.New("answer too long")

// readAll reads r up to limit bytes into buf (which may be nil), growing it
// to the Content-Length when that is known and within the bound, so a
// hostile Content-Length cannot make it reserve more. A longer body returns
// the first limit bytes and errTooLong.
func readAll(r io.Reader, size, limit int64, buf []byte) ([]byte, error) {
	if size <= 0 || size > limit {
		size = min(limit, 4096)
	}
	if int64(cap(buf)) < size+1 {
		buf = make([]byte, 0, size+1)
	}
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return buf[:limit], errTooLong
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// redirectError describes a 3xx answer, which is never followed. It names
// the status and where the server pointed, without the target's query
// (which could carry anything).
func redirectError(req *Request, resp *http.Response) error {
	target := "no Location"
	if loc, err := resp.Location(); err == nil {
		loc.RawQuery, loc.Fragment, loc.User = "", "", nil
		target = loc.String()
	}
	return fmt.Errorf("%w: %s %s: the server answered %d %s, pointing to %s", ErrRedirect, req.Method, req.Path, resp.StatusCode, http.StatusText(resp.StatusCode), target)
}

// encodeForm builds a multipart body from a Form.
func encodeForm(f *Form) ([]byte, string, error) {
	parts := make([]encode.Part, 0, len(f.Files))
	for field, file := range f.Files {
		parts = append(parts, encode.Part{Field: field, FileName: file.Name, ContentType: file.ContentType, Content: file.Content})
	}
	return encode.Multipart(f.Fields, parts)
}

// validator is implemented by every generated params type: Validate checks
// the API's constraints (required fields, enums, bounds, formats) and
// returns an ErrInvalidParams error naming the field.
type validator interface{ Validate() error }

// validateParams runs the Validate method of the request's query and body
// values, when they have one, so that a call made through Do is checked
// as the services' calls are.
func validateParams(req *Request) error {
	if v, ok := req.Body.(validator); ok {
		if err := v.Validate(); err != nil {
			return err
		}
	}
	// Query and Body are often the same params value; checking it twice is
	// cheaper than comparing interfaces that may hold uncomparable values.
	if v, ok := req.Query.(validator); ok {
		return v.Validate()
	}
	return nil
}

// invalidParams marks an encoding error as ErrInvalidParams, naming the call.
func invalidParams(req *Request, err error) error {
	return fmt.Errorf("%w: %s %s: %w", ErrInvalidParams, req.Method, req.Path, err)
}
