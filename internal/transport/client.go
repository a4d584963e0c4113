package transport

import (
	"math"
	"net/http"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Config is what New needs to build the retrying client.
type Config struct {
	// HTTPClient is the client that performs each attempt.
	HTTPClient *http.Client
	// RetryWaitMin and RetryWaitMax bound the exponential backoff.
	RetryWaitMin, RetryWaitMax time.Duration
}

// New returns a retryablehttp client that defers every decision to the
// Policy carried by each request's context. Its attempt ceiling is
// effectively unbounded because CheckRetry enforces the per-call limit, and
// its error handler passes the last response through so the caller can turn
// it into a typed error.
func New(cfg Config) *retryablehttp.Client {
	return &retryablehttp.Client{
		HTTPClient:   cfg.HTTPClient,
		RetryWaitMin: cfg.RetryWaitMin,
		RetryWaitMax: cfg.RetryWaitMax,
		RetryMax:     math.MaxInt32,
		CheckRetry:   CheckRetry,
		Backoff:      Backoff,
		ErrorHandler: passThrough,
	}
}

// passThrough returns the last response (or error) unchanged, so that the
// caller builds an APIError from it instead of a generic "giving up" error.
func passThrough(resp *http.Response, err error, _ int) (*http.Response, error) {
	return resp, err
}
