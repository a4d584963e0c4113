package clerk

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/clerkgo/clerk/internal/transport"
)

// Sentinel errors. An *APIError matches the one for its status with
// errors.Is; the pre-flight ones are returned before any request is sent.
var (
	ErrBadRequest      = errors.New("clerk: bad request")
	ErrUnauthorized    = errors.New("clerk: unauthorized")
	ErrPaymentRequired = errors.New("clerk: payment required")
	ErrForbidden       = errors.New("clerk: forbidden")
	ErrNotFound        = errors.New("clerk: not found")
	ErrConflict        = errors.New("clerk: conflict")
	ErrGone            = errors.New("clerk: gone (deprecated endpoint)")
	ErrUnprocessable   = errors.New("clerk: unprocessable entity")
	ErrLocked          = errors.New("clerk: locked")
	ErrRateLimited     = errors.New("clerk: rate limited")
	ErrServer          = errors.New("clerk: server error")

	ErrMissingSecretKey = errors.New("clerk: missing secret key")
	ErrInvalidSecretKey = errors.New("clerk: invalid secret key")
	ErrInvalidParams    = errors.New("clerk: invalid parameters")
	ErrInvalidOption    = errors.New("clerk: invalid option")

	// ErrRedirect is returned when the server answers with a 3xx. The
	// Backend API never redirects, so a redirect is not followed: neither
	// the secret key nor the request body is sent to its target.
	ErrRedirect = errors.New("clerk: unexpected redirect (not followed)")
	// ErrResponseTooLarge is returned when a 2xx body is longer than the
	// client's bound (WithMaxResponseBytes).
	ErrResponseTooLarge = errors.New("clerk: answer larger than the client accepts")
)

// statusSentinels maps a status code to its sentinel; 5xx is handled apart.
func statusSentinel(status int) error {
	switch status {
	case http.StatusBadRequest:
		return ErrBadRequest
	case http.StatusUnauthorized:
		return ErrUnauthorized
	case http.StatusPaymentRequired:
		return ErrPaymentRequired
	case http.StatusForbidden:
		return ErrForbidden
	case http.StatusNotFound:
		return ErrNotFound
	case http.StatusConflict:
		return ErrConflict
	case http.StatusGone:
		return ErrGone
	case http.StatusUnprocessableEntity:
		return ErrUnprocessable
	case http.StatusLocked:
		return ErrLocked
	case http.StatusTooManyRequests:
		return ErrRateLimited
	}
	if status >= 500 && status <= 599 {
		return ErrServer
	}
	return nil
}

// ErrorDetail is one entry of the errors array of a Clerk error response,
// and the error a failed verification records (Verification.Error).
type ErrorDetail struct {
	// Code is Clerk's machine-readable error code, e.g. form_identifier_not_found.
	Code string `json:"code"`
	// Message is a short description for logs.
	Message string `json:"message"`
	// LongMessage explains the error in a full sentence.
	LongMessage string `json:"long_message"`
	// Meta holds error-specific details, such as the parameter at fault.
	Meta json.RawMessage `json:"meta,omitempty"`
}

// APIError is a non-2xx answer from the Backend API.
type APIError struct {
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// Errors holds the error objects of the body; it is empty when the body
	// was not a Clerk error (an HTML page from a proxy, say).
	Errors []ErrorDetail
	// TraceID identifies the request in Clerk's logs, from the body or the
	// Clerk-Trace-Id header.
	TraceID string
	// RetryAfter is the server's Retry-After, when it sent one.
	RetryAfter time.Duration
	// Method is the HTTP method of the call that failed.
	Method string
	// Path is the route template of the call (e.g. "/users/{user_id}"),
	// never the filled-in path or the query string, so that it is safe to
	// log and to group errors by.
	Path string
}

// Error describes the failure without secrets, headers or query values.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("clerk: ")
	b.WriteString(e.Method)
	b.WriteByte(' ')
	b.WriteString(e.Path)
	b.WriteString(": ")
	b.WriteString(strconv.Itoa(e.StatusCode))
	if t := http.StatusText(e.StatusCode); t != "" {
		b.WriteByte(' ')
		b.WriteString(t)
	}
	for i, d := range e.Errors {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(d.Code)
		if msg := d.LongMessage; msg != "" || d.Message != "" {
			if msg == "" {
				msg = d.Message
			}
			b.WriteString(" (")
			b.WriteString(msg)
			b.WriteByte(')')
		}
	}
	if e.TraceID != "" {
		b.WriteString(" [trace ")
		b.WriteString(e.TraceID)
		b.WriteByte(']')
	}
	return b.String()
}

// Is matches the sentinel of the error's status, e.g. ErrNotFound for 404.
func (e *APIError) Is(target error) bool {
	s := statusSentinel(e.StatusCode)
	return s != nil && s == target
}

// Code returns the code of the first error object, or "" when there is none.
func (e *APIError) Code() string {
	if len(e.Errors) == 0 {
		return ""
	}
	return e.Errors[0].Code
}

// HasCode reports whether any error object carries code.
func (e *APIError) HasCode(code string) bool {
	for _, d := range e.Errors {
		if d.Code == code {
			return true
		}
	}
	return false
}

// errorBody is the wire shape of a Clerk error response.
type errorBody struct {
	Errors  []ErrorDetail `json:"errors"`
	TraceID string        `json:"clerk_trace_id"`
}

// newAPIError builds the error for a non-2xx answer. It never fails: a body
// that is not a Clerk error leaves Errors empty.
func newAPIError(method, route string, status int, h http.Header, body []byte, now time.Time) *APIError {
	e := &APIError{StatusCode: status, Method: method, Path: route}
	if trimmed := bytes.TrimSpace(body); len(trimmed) > 0 && trimmed[0] == '{' {
		var eb errorBody
		if json.Unmarshal(trimmed, &eb) == nil {
			e.Errors = eb.Errors
			e.TraceID = eb.TraceID
		}
	}
	if e.TraceID == "" {
		e.TraceID = h.Get("Clerk-Trace-Id")
	}
	e.RetryAfter, _ = transport.RetryAfter(h, now)
	return e
}
