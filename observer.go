package clerk

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/clerkgo/clerk/internal/transport"
	"github.com/hashicorp/go-retryablehttp"
)

// Observer receives what the SDK does, for tracing and metrics: each
// Backend API call of a Client (its start and end, its retries, its
// rate-limiter waits), each request decision of an auth.Verifier and each
// verdict of a webhooks.Verifier. Install one with WithObserver on a
// Client, auth.Config.Observer on a Verifier and webhooks.WithObserver on a
// webhook Verifier; module github.com/clerkgo/clerk/clerkotel implements it
// with OpenTelemetry.
//
// Nothing an Observer receives is secret: no key, token, query string,
// header or body, and the route is the template ("/users/{user_id}"),
// never the filled path. Its methods are called synchronously on the
// caller's goroutine, from many goroutines at once, and must not block.
// Without an Observer nothing is measured and nothing extra is allocated.
//
// Embed NopObserver to implement only some of the methods, and to keep
// compiling when a later version adds one.
type Observer interface {
	// RequestStart is called once per call, after its parameters have been
	// checked and before its first attempt (a call refused before any I/O
	// is not reported). The context it returns becomes the call's: every
	// attempt is sent with it, and the call's other events get it.
	RequestStart(ctx context.Context, r RequestInfo) context.Context
	// RequestEnd is called once per started call, when Client.Do returns.
	RequestEnd(ctx context.Context, r RequestInfo, res RequestResult)
	// Retry is called when an attempt failed and another will be sent,
	// before the wait.
	Retry(ctx context.Context, r RequestInfo, retry RetryInfo)
	// LimiterWait is called when the client-side rate limiter (WithRateLimit)
	// holds an attempt back, before the wait.
	LimiterWait(ctx context.Context, r RequestInfo, wait time.Duration)
	// AuthDecision is called once per request an auth.Verifier
	// authenticates (AuthenticateRequest and Middleware).
	AuthDecision(ctx context.Context, d AuthDecision)
	// WebhookVerdict is called once per delivery a webhooks.Verifier
	// checks (Verify, VerifyRequest and the Dispatcher).
	WebhookVerdict(ctx context.Context, v WebhookVerdict)
}

// RequestInfo names one Backend API call.
type RequestInfo struct {
	// Method is the HTTP method, e.g. "GET".
	Method string
	// Route is the path template relative to the base URL, with its
	// placeholders unfilled, e.g. "/users/{user_id}".
	Route string
	// ServerAddress is the host of the client's base URL, e.g.
	// "api.clerk.com".
	ServerAddress string
	// ServerPort is the port of the base URL, explicit or implied by its
	// scheme (443 for https, 80 for http).
	ServerPort int
	// APIVersion is the Clerk-API-Version the call is sent with (see
	// WithAPIVersion), so a team moving between versions can tell their
	// calls apart.
	APIVersion string
}

// RequestResult is how a call ended.
type RequestResult struct {
	// StatusCode is the status of the last answer; 0 when none came.
	StatusCode int
	// ErrorType is empty when the call succeeded. Otherwise it is a short,
	// fixed word for the failure, fit to be a metric attribute: the status
	// code ("404", "429", "503") for an error answer, or one of
	// "canceled", "deadline_exceeded", "timeout", "redirect",
	// "response_too_large", "decode" and "transport".
	ErrorType string
	// TraceID is Clerk's ID of the request (the error body's
	// clerk_trace_id, else the Clerk-Trace-Id header); empty when the
	// answer carried none.
	TraceID string
	// Attempts is how many attempts were sent: 1 plus the retries.
	Attempts int
	// Duration is the whole call's time, retries and waits included.
	Duration time.Duration
	// Err is the error Client.Do returns, nil on success.
	Err error
}

// RetryInfo describes a retry about to be made.
type RetryInfo struct {
	// Retry counts the retries of the call: 1 for the first.
	Retry int
	// Wait is how long the client waits before sending it.
	Wait time.Duration
	// StatusCode is the status of the failed attempt; 0 when no answer
	// came.
	StatusCode int
	// ErrorType is why the attempt failed, in the words of
	// RequestResult.ErrorType.
	ErrorType string
}

// AuthDecision is the outcome of authenticating one request (package auth
// fills it from its Auth).
type AuthDecision struct {
	// Outcome is the request state: "signed-in", "signed-out" or
	// "handshake".
	Outcome string
	// Authenticated tells whether the request counts as signed in (a
	// pending session may be signed in without it).
	Authenticated bool
	// Reason is why the request is signed out or needs a handshake, in
	// Clerk's words (e.g. "token-expired"); empty when signed in.
	Reason string
	// TokenType is the token type the decision is about, as auth.Auth's
	// TokenType reports it, e.g. "session_token" or "api_key" (a request
	// without any token is about session tokens when they are accepted).
	TokenType string
}

// WebhookVerdict is the outcome of checking one webhook delivery.
type WebhookVerdict struct {
	// Verified tells whether the delivery's signature and timestamp were
	// accepted.
	Verified bool
	// Reason is why a delivery was refused: "missing_headers",
	// "invalid_timestamp", "timestamp_too_old", "timestamp_too_new",
	// "invalid_signature" or "body_too_large" (VerifyRequest and the
	// Dispatcher, which read the body); empty when verified.
	Reason string
}

// NopObserver is an Observer that does nothing. Embedding it in a struct
// makes that struct an Observer that handles only the methods it defines.
type NopObserver struct{}

// RequestStart returns ctx.
func (NopObserver) RequestStart(ctx context.Context, _ RequestInfo) context.Context { return ctx }

// RequestEnd does nothing.
func (NopObserver) RequestEnd(context.Context, RequestInfo, RequestResult) {}

// Retry does nothing.
func (NopObserver) Retry(context.Context, RequestInfo, RetryInfo) {}

// LimiterWait does nothing.
func (NopObserver) LimiterWait(context.Context, RequestInfo, time.Duration) {}

// AuthDecision does nothing.
func (NopObserver) AuthDecision(context.Context, AuthDecision) {}

// WebhookVerdict does nothing.
func (NopObserver) WebhookVerdict(context.Context, WebhookVerdict) {}

// WithObserver reports every call of the client, and of every service
// built on it, to o (see Observer). A nil o reports nothing.
func WithObserver(o Observer) Option {
	return clientOption(func(c *config) { c.observer = o })
}

// observedCall is the state of one call made while an Observer is
// installed, and the transport's Hooks for that call. Its retryClient and
// end methods accept a nil *observedCall, so Client.Do calls them whether
// or not there is an Observer.
type observedCall struct {
	obs      Observer
	ctx      context.Context
	info     RequestInfo
	start    time.Time
	attempts int
}

// observe reports the start of a call and returns its state, with the
// request carrying the context the Observer returned.
func (c *Client) observe(req *Request, hreq *retryablehttp.Request) (*observedCall, *retryablehttp.Request) {
	oc := &observedCall{
		obs:      c.observer,
		info:     RequestInfo{Method: req.Method, Route: req.Path, ServerAddress: hreq.URL.Hostname(), ServerPort: port(hreq.URL.Scheme, hreq.URL.Port()), APIVersion: c.apiVersion},
		start:    time.Now(),
		attempts: 1,
	}
	ctx := c.observer.RequestStart(hreq.Context(), oc.info)
	if ctx == nil {
		ctx = hreq.Context()
	}
	oc.ctx = transport.WithHooks(ctx, oc)
	return oc, hreq.WithContext(oc.ctx)
}

// port is the number of an URL's port, or its scheme's default.
func port(scheme, p string) int {
	if n, err := strconv.Atoi(p); err == nil {
		return n
	}
	if scheme == "http" {
		return 80
	}
	return 443
}

// retryClient returns the client that performs the call's attempts: the
// policy's, told of retries when the call is observed.
func (oc *observedCall) retryClient(c *Client, call transport.Call) *retryablehttp.Client {
	if oc == nil {
		return c.retry.Client(c.inner, call)
	}
	return c.retry.ObservedClient(c.inner, call, oc)
}

// end reports the end of the call and returns err unchanged.
func (oc *observedCall) end(resp *http.Response, err error) error {
	if oc == nil {
		return err
	}
	res := RequestResult{Attempts: oc.attempts, Duration: time.Since(oc.start), Err: err}
	if resp != nil {
		res.StatusCode = resp.StatusCode
		res.TraceID = resp.Header.Get("Clerk-Trace-Id")
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.TraceID != "" {
		res.TraceID = apiErr.TraceID
	}
	res.ErrorType = errorType(res.StatusCode, err)
	oc.obs.RequestEnd(oc.ctx, oc.info, res)
	return err
}

// Retry implements transport.Hooks.
func (oc *observedCall) Retry(retry int, wait time.Duration, resp *http.Response, err error) {
	info := RetryInfo{Retry: retry, Wait: wait}
	if resp != nil && err == nil {
		info.StatusCode = resp.StatusCode
	}
	info.ErrorType = errorType(info.StatusCode, err)
	if info.ErrorType == "" {
		info.ErrorType = strconv.Itoa(info.StatusCode)
	}
	oc.obs.Retry(oc.ctx, oc.info, info)
}

// Resend implements transport.Hooks.
func (oc *observedCall) Resend() { oc.attempts++ }

// LimiterWait implements transport.Hooks.
func (oc *observedCall) LimiterWait(wait time.Duration) { oc.obs.LimiterWait(oc.ctx, oc.info, wait) }

// errorType names a failure as RequestResult.ErrorType documents.
func errorType(status int, err error) string {
	var apiErr *APIError
	var netErr net.Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &apiErr):
		return strconv.Itoa(apiErr.StatusCode)
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, context.DeadlineExceeded):
		return "deadline_exceeded"
	case errors.Is(err, ErrRedirect):
		return "redirect"
	case errors.Is(err, ErrResponseTooLarge):
		return "response_too_large"
	case errors.As(err, &netErr) && netErr.Timeout():
		return "timeout"
	case status >= 200 && status <= 299 && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.As(err, &netErr):
		// The answer was read but could not be decoded into the result.
		return "decode"
	}
	return "transport"
}
