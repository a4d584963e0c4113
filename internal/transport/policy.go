package transport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Policy is the retry policy of one call. A fresh Policy is made per call
// because it counts that call's attempts.
type Policy struct {
	// Method is the HTTP method of the call; it decides which failures are
	// safe to retry.
	Method string
	// Route is the path template, used only for logging.
	Route string
	// MaxRetries is how many times the call may be retried after the first
	// attempt.
	MaxRetries int
	// RetryNonIdempotent allows POST and PATCH to be retried after they may
	// have reached the server.
	RetryNonIdempotent bool
	// MaxRetryAfter caps how long a server's Retry-After may make us wait;
	// a longer one stops retrying.
	MaxRetryAfter time.Duration
	// Logger receives one debug line per retry; nil logs nothing.
	Logger *slog.Logger

	retries int
}

type policyKey struct{}

// WithPolicy returns a context carrying p for CheckRetry.
func WithPolicy(ctx context.Context, p *Policy) context.Context {
	return context.WithValue(ctx, policyKey{}, p)
}

func policyFrom(ctx context.Context) *Policy {
	p, _ := ctx.Value(policyKey{}).(*Policy)
	return p
}

// idempotent reports whether repeating the method cannot duplicate an effect.
func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// retryableStatus reports whether a status may be retried for the method.
func retryableStatus(status int, method string, allowUnsafe bool) bool {
	switch status {
	case http.StatusTooManyRequests:
		// A 429 means the request was refused, not performed.
		return true
	case http.StatusRequestTimeout, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return idempotent(method) || allowUnsafe
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
// certificate. Retrying one only delays the same answer.
func certificateError(err error) bool {
	var verify *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	return errors.As(err, &verify) || errors.As(err, &unknown) || errors.As(err, &host) || errors.As(err, &invalid)
}

// CheckRetry decides whether retryablehttp should try again. It follows the
// Policy in ctx; without one it never retries.
func CheckRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	p := policyFrom(ctx)
	if p == nil || p.retries >= p.MaxRetries {
		return false, nil
	}
	retry := false
	status := 0
	switch {
	case err != nil:
		// A certificate the client cannot trust will not become trusted
		// by asking again; every other failure is retried when it cannot
		// duplicate an effect.
		retry = !certificateError(err) && (neverSent(err) || idempotent(p.Method) || p.RetryNonIdempotent)
	case resp != nil:
		status = resp.StatusCode
		retry = retryableStatus(status, p.Method, p.RetryNonIdempotent)
		if retry {
			if wait, ok := RetryAfter(resp.Header, time.Now()); ok && wait > p.MaxRetryAfter {
				// The server asks for longer than we are willing to wait:
				// give the caller the answer, with its Retry-After.
				retry = false
			}
		}
	}
	if !retry {
		return false, nil
	}
	p.retries++
	if p.Logger != nil {
		p.Logger.LogAttrs(ctx, slog.LevelDebug, "clerk: retrying request",
			slog.String("method", p.Method), slog.String("route", p.Route),
			slog.Int("status", status), slog.Int("retry", p.retries))
	}
	return true, nil
}
