package transport

// This file is the SDK's whole retry policy. go-retryablehttp runs the
// attempts; everything it decides is decided here.
//
// What is retried, per HTTP method:
//
//	failure                                    GET HEAD PUT DELETE   POST PATCH
//	429 Too Many Requests                      yes                   yes (refused, not performed)
//	408, 500, 502, 503, 504                    yes                   only with RetryNonIdempotent
//	dial or DNS failure (never sent)           yes                   yes
//	connection broken mid-flight               yes                   only with RetryNonIdempotent
//	TLS certificate failure                    no                    no
//	anything else (4xx, 2xx, 3xx)              no                    no
//
// How many times: Policy.MaxRetries retries after the first attempt
// (clerk.DefaultMaxRetries, 2, unless WithMaxRetries says otherwise for
// the client or the call).
//
// With what wait: the server's Retry-After (seconds or an HTTP date) when
// it sends one, as long as it is within Policy.MaxRetryAfter (30 s by
// default); a longer one ends the call at once with the answer, whose
// APIError carries RetryAfter. Without Retry-After: WaitMin (500 ms)
// doubling per retry up to WaitMax (8 s), each wait drawn at random from
// its upper half so that clients do not retry in step.
//
// When it stops: the caller's context ends (cancellation stops at once),
// the policy says no, or the retries are used up; the last answer or error
// is then returned as it is, so the caller can build a typed error from it.

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Policy is a client's retry policy; Call adapts it to one call. It is a
// plain value, read and never changed once the client is built.
type Policy struct {
	// MaxRetries is how many times a call may be retried after its first
	// attempt.
	MaxRetries int
	// WaitMin and WaitMax bound the exponential backoff.
	WaitMin, WaitMax time.Duration
	// MaxRetryAfter caps how long a server's Retry-After may make a call
	// wait; a longer one stops retrying.
	MaxRetryAfter time.Duration
	// Logger receives one debug line per retry; nil logs nothing.
	Logger *slog.Logger
}

// Call describes one call for the policy.
type Call struct {
	// Method is the HTTP method; it decides which failures are safe to
	// retry.
	Method string
	// Route is the path template, used only for logging.
	Route string
	// MaxRetries overrides Policy.MaxRetries for this call when set.
	MaxRetries *int
	// RetryNonIdempotent allows POST and PATCH to be retried after they
	// may have reached the server.
	RetryNonIdempotent bool
}

// Client returns the go-retryablehttp client that performs one call with
// inner, following the policy. A new one per call keeps the call's retry
// count with the call instead of in shared state.
func (p Policy) Client(inner *http.Client, call Call) *retryablehttp.Client {
	max := p.MaxRetries
	if call.MaxRetries != nil {
		max = *call.MaxRetries
	}
	a := &attempts{policy: p, call: call, max: max}
	return &retryablehttp.Client{
		HTTPClient:   inner,
		RetryWaitMin: p.WaitMin,
		RetryWaitMax: p.WaitMax,
		// check stops at max itself, so that go-retryablehttp never takes
		// its "retries exhausted" path, which closes the shared client's
		// idle connections.
		RetryMax:   max,
		CheckRetry: a.check,
		Backoff:    Backoff,
		// The last answer (or error) goes back to the caller as it is,
		// not as a generic "giving up" error, so it becomes a typed one.
		ErrorHandler: func(resp *http.Response, err error, _ int) (*http.Response, error) { return resp, err },
	}
}

// attempts counts the retries of one call.
type attempts struct {
	policy  Policy
	call    Call
	max     int
	retries int
}

// check is go-retryablehttp's CheckRetry for one call: it applies the
// table at the top of this file.
func (a *attempts) check(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	if a.retries >= a.max {
		return false, nil
	}
	status := 0
	if err == nil && resp != nil {
		status = resp.StatusCode
	}
	if !Retryable(a.call.Method, a.call.RetryNonIdempotent, resp, err, a.policy.MaxRetryAfter) {
		return false, nil
	}
	a.retries++
	if l := a.policy.Logger; l != nil {
		l.LogAttrs(ctx, slog.LevelDebug, "clerk: retrying request",
			slog.String("method", a.call.Method), slog.String("route", a.call.Route),
			slog.Int("status", status), slog.Int("retry", a.retries))
	}
	return true, nil
}

// Retryable reports whether an attempt that ended with resp or err may be
// repeated, by the table at the top of this file.
func Retryable(method string, retryNonIdempotent bool, resp *http.Response, err error, maxRetryAfter time.Duration) bool {
	unsafeOK := idempotent(method) || retryNonIdempotent
	switch {
	case err != nil:
		// A certificate the client cannot trust will not become trusted by
		// asking again; a request that never left cannot be duplicated.
		return !certificateError(err) && (neverSent(err) || unsafeOK)
	case resp == nil:
		return false
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		// A 429 means the request was refused, not performed.
	case http.StatusRequestTimeout, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		if !unsafeOK {
			return false
		}
	default:
		return false
	}
	// A server that asks for a longer wait than we accept gets its answer
	// back to the caller, with its Retry-After.
	wait, ok := RetryAfter(resp.Header, time.Now())
	return !ok || wait <= maxRetryAfter
}

// idempotent reports whether repeating the method cannot duplicate an effect.
func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// neverSent reports whether err happened before the request could reach the
// server (a failed dial or name lookup), so retrying cannot duplicate it.
func neverSent(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr)
}

// certificateError reports whether err is a TLS certificate failure: an
// unknown authority, a name mismatch, an expired or otherwise invalid
// certificate.
func certificateError(err error) bool {
	var verify *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	return errors.As(err, &verify) || errors.As(err, &unknown) || errors.As(err, &host) || errors.As(err, &invalid)
}

// Backoff is the wait before retry number attempt+1: the server's
// Retry-After when it sent one (Retryable has already refused one over
// the cap), else min doubled per attempt up to max, drawn at random from
// the upper half of that value.
func Backoff(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if wait, ok := RetryAfter(resp.Header, time.Now()); ok {
			return wait
		}
	}
	wait := min
	for i := 0; i < attempt && wait < max; i++ {
		wait *= 2
	}
	if wait > max {
		wait = max
	}
	if wait <= 0 {
		return 0
	}
	half := wait / 2
	return half + rand.N(half+1)
}

// RetryAfter parses a Retry-After header given in seconds or as an HTTP
// date (a past date is zero; anything over a day is a day). It reports
// false when the header is absent or unreadable.
func RetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(24*time.Hour/time.Second) {
			secs = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(secs) * time.Second, true
	}
	if at, err := http.ParseTime(v); err == nil {
		d := at.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}
