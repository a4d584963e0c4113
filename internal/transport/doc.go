// Package transport wraps go-retryablehttp with the SDK's retry policy:
// which failures may be retried for which HTTP methods, how long to wait
// between attempts, and how far to trust a server's Retry-After.
//
// The policy of one call travels in its context (see WithPolicy), because
// retryablehttp hands CheckRetry only the context, the response and the error.
package transport
