// Package transport runs the SDK's HTTP attempts: retry.go holds the whole
// retry policy (what is retried, how many times, with what wait) on top of
// go-retryablehttp, and limiter.go the client-side rate limiter.
package transport
