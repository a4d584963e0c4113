// Package clerk is a Go client for Clerk's Backend API, pinned to API
// version 2025-11-10.
//
// A Client holds the secret key, the base URL and the retry policy; it is
// immutable and safe for concurrent use. The resource packages (users,
// sessions, organizations, billing, ...) each take a Client and expose typed
// methods; Client.Do reaches any endpoint directly.
//
//	c, err := clerk.NewClient(os.Getenv("CLERK_SECRET_KEY"))
//	if err != nil { ... }
//	u, err := users.New(c).Get(ctx, "user_123")
//
// Optional request fields are Opt values, which tell "leave it" (omitted)
// from "clear it" (null). Params are validated against the API's
// constraints before anything is sent; a violation is ErrInvalidParams
// naming the field. Failures from the API are *APIError values that match
// sentinels such as ErrNotFound with errors.Is.
//
// # Models
//
// Every Clerk object has one Go type in this package (User, Organization,
// OrganizationMembership, SubscriptionItem, ...), returned by the resource
// packages and carried by the webhook events alike. An answer field is T
// when the API always sends a value, *T when it may send null or leave the
// field out, and Opt[T] when it may do either and the difference matters.
// Every *T and Opt[T] field has an accessor (u.GetUsername()) that returns
// the zero value when the field is absent or null, and is safe on a nil
// receiver.
package clerk

import (
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/clerkgo/clerk/internal/transport"
	"github.com/hashicorp/go-retryablehttp"
)

// APIVersion is the Backend API version this SDK speaks; it is sent as the
// Clerk-API-Version header on every request.
const APIVersion = "2025-11-10"

// DefaultBaseURL is the Backend API's address.
const DefaultBaseURL = "https://api.clerk.com/v1"

// Version is this SDK's version, reported in the User-Agent header.
const Version = "0.1.0"

// Defaults of the client options.
const (
	DefaultTimeout       = 30 * time.Second
	DefaultMaxRetries    = 2
	DefaultRetryWaitMin  = 500 * time.Millisecond
	DefaultRetryWaitMax  = 8 * time.Second
	DefaultMaxRetryAfter = 30 * time.Second
)

// Client calls the Backend API. Build it with NewClient; it is immutable and
// safe for concurrent use.
type Client struct {
	secretKey     string
	baseURL       string
	userAgent     string
	http          *retryablehttp.Client
	maxRetries    int
	maxRetryAfter time.Duration
	logger        *slog.Logger
}

// NewClient returns a Client authenticated with secretKey. The key must look
// like a Clerk secret key (sk_test_... or sk_live_...); no request is sent.
func NewClient(secretKey string, opts ...Option) (*Client, error) {
	if err := checkSecretKey(secretKey); err != nil {
		return nil, err
	}
	cfg := config{
		baseURL:       DefaultBaseURL,
		timeout:       DefaultTimeout,
		maxRetries:    DefaultMaxRetries,
		retryWaitMin:  DefaultRetryWaitMin,
		retryWaitMax:  DefaultRetryWaitMax,
		maxRetryAfter: DefaultMaxRetryAfter,
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		o.applyClient(&cfg)
	}
	if cfg.err != nil {
		return nil, cfg.err
	}
	inner := &http.Client{Timeout: cfg.timeout}
	if cfg.httpClient != nil {
		copied := *cfg.httpClient
		inner = &copied
		if cfg.timeoutSet {
			inner.Timeout = cfg.timeout
		}
	}
	ua := "clerkgo/" + Version + " (" + runtime.Version() + ")"
	if cfg.userAgentSuffix != "" {
		ua += " " + cfg.userAgentSuffix
	}
	return &Client{
		secretKey:     secretKey,
		baseURL:       cfg.baseURL,
		userAgent:     ua,
		http:          transport.New(transport.Config{HTTPClient: inner, RetryWaitMin: cfg.retryWaitMin, RetryWaitMax: cfg.retryWaitMax}),
		maxRetries:    cfg.maxRetries,
		maxRetryAfter: cfg.maxRetryAfter,
		logger:        cfg.logger,
	}, nil
}

// NewClientFromEnv returns a Client for the key in CLERK_SECRET_KEY, and the
// base URL in CLERK_API_URL when that is set. Options given here win over
// the environment.
func NewClientFromEnv(opts ...Option) (*Client, error) {
	if u := os.Getenv("CLERK_API_URL"); u != "" {
		opts = append([]Option{WithBaseURL(u)}, opts...)
	}
	return NewClient(os.Getenv("CLERK_SECRET_KEY"), opts...)
}

// checkSecretKey refuses keys that cannot be Clerk secret keys, without
// echoing the key in the error.
func checkSecretKey(key string) error {
	if key == "" {
		return ErrMissingSecretKey
	}
	rest, ok := strings.CutPrefix(key, "sk_test_")
	if !ok {
		rest, ok = strings.CutPrefix(key, "sk_live_")
	}
	if !ok {
		return fmt.Errorf("%w: it must start with sk_test_ or sk_live_", ErrInvalidSecretKey)
	}
	if rest == "" {
		return fmt.Errorf("%w: nothing follows the prefix", ErrInvalidSecretKey)
	}
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; c <= ' ' || c >= 0x7f {
			return fmt.Errorf("%w: it contains a space or control character", ErrInvalidSecretKey)
		}
	}
	return nil
}

// BaseURL returns the base URL the client sends requests to.
func (c *Client) BaseURL() string { return c.baseURL }

// IsTestKey reports whether the client holds a development (sk_test_) key.
func (c *Client) IsTestKey() bool { return strings.HasPrefix(c.secretKey, "sk_test_") }

// String describes the client without its secret key.
func (c *Client) String() string {
	kind := "live"
	if c.IsTestKey() {
		kind = "test"
	}
	return "clerk.Client{baseURL: " + c.baseURL + ", key: sk_" + kind + "_[redacted]}"
}

// LogValue lets slog print the client without its secret key.
func (c *Client) LogValue() slog.Value { return slog.StringValue(c.String()) }

// GoString keeps %#v from printing the secret key.
func (c *Client) GoString() string { return c.String() }
