package clerktest

import (
	"net/http"
	"time"
)

// fault is the pending injected failure.
type fault struct {
	remaining  int
	status     int
	retryAfter time.Duration
}

// take consumes one injected failure, returning its status (0 for none).
func (f *fault) take() (int, time.Duration) {
	if f.remaining <= 0 {
		return 0, 0
	}
	f.remaining--
	return f.status, f.retryAfter
}

// FailNext makes the next n requests fail with status and a Clerk error,
// with a Retry-After header (in whole seconds, rounded up) when retryAfter
// is positive. It replaces any failure still pending.
func (e *Emulator) FailNext(n int, status int, retryAfter time.Duration) {
	e.mu.Lock()
	e.faults = fault{remaining: n, status: status, retryAfter: retryAfter}
	e.mu.Unlock()
}

func injectedError(status int) *apiError {
	switch {
	case status == http.StatusTooManyRequests:
		return fail(status, "too_many_requests", "Too many requests", "Too many requests, retry later (injected by clerktest).")
	case status >= 500:
		return fail(status, "internal_clerk_error", "Oops, an unexpected error occurred", "Injected server error (clerktest FailNext).")
	default:
		return fail(status, "injected_failure", "Injected failure", "Failure injected by clerktest FailNext.")
	}
}
