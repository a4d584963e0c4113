// Package clerk is a Go client for Clerk's Backend API, speaking API
// version 2025-11-10 by default and 2026-05-12 when WithAPIVersion asks
// for it; what a version lacks is refused before sending (VersionError).
//
// A Client holds the secret key, the base URL and the retry policy; it is
// immutable and safe for concurrent use. The resource packages (users,
// sessions, organizations, billing, ...) each take a Client and expose typed
// methods; Client.Do reaches any endpoint directly.
//
//	c, err := clerk.NewClientFromEnv() // CLERK_SECRET_KEY, and CLERK_API_URL when set
//	if err != nil {
//		return err
//	}
//	u, err := users.New(c).Get(ctx, "user_123")
//
// Optional request fields are Opt values, which tell "leave it" (omitted)
// from "clear it" (null). Params are validated against the API's
// constraints before anything is sent, by the services' methods and by
// Client.Do alike; a violation is ErrInvalidParams naming the field.
//
// # Errors
//
// A non-2xx answer is an *APIError (StatusCode, Errors with Clerk's codes,
// TraceID for support, RetryAfter, Method and Path), which errors.Is
// matches against a sentinel per status: ErrNotFound, ErrUnauthorized,
// ErrRateLimited, ErrServer for any 5xx, ... Input refused before any I/O
// matches ErrInvalidParams or ErrInvalidOption; a bad key, ErrMissingSecretKey
// or ErrInvalidSecretKey. Network and context errors come back wrapped, so
// errors.Is(err, context.DeadlineExceeded) works. No error shows the key.
//
// # Retries
//
// A call is retried up to 2 times (WithMaxRetries, per client or per call),
// waiting 500 ms doubling to 8 s with jitter (WithRetryWait), or the
// server's Retry-After up to 30 s (WithMaxRetryAfter; a longer one returns
// the APIError at once). A 429 and a connection that never opened are
// retried for every method; 408, 5xx and broken connections only for GET,
// HEAD, PUT and DELETE, since a POST or PATCH may have taken effect, unless
// the call passes WithRetryNonIdempotent. The context bounds the whole call.
// The whole policy is in one file, internal/transport/retry.go.
//
// # Pagination
//
// A list method returns one *Page: Data holds the items; TotalCount is set
// only when the endpoint reports one (HasTotalCount tells; users.List and
// the other lists the API answers as bare arrays have none). Its All
// counterpart is an iter.Seq2 that fetches every following page lazily
// and stops at the first error. The page size and offset are the Limit and
// Offset of the ListParams every list's params embed.
//
// # Rate limits
//
// Clerk allows 100 requests per 10 s to development (sk_test_) instances
// and 1000 to production ones. WithRateLimit(RateLimit{}) paces every call
// of a Client to that budget, and a 429 pauses the whole client until its
// Retry-After; a store shared by several processes (the redisstore module)
// spreads one budget over all of them. Without it, 429 answers are only
// retried.
//
// # Observability
//
// WithObserver reports every call to an Observer: its start and end (with
// the route template, never the filled path, and Clerk's trace ID), its
// retries and its rate-limiter waits; auth and webhooks report their
// decisions to the same interface. Module
// github.com/clerkgo/clerk/clerkotel implements it with OpenTelemetry.
// Without an Observer nothing extra is done or allocated.
//
// # Testing
//
// Package clerktest emulates the whole Backend API in memory:
// clerktest.New() starts one in the test process, and its Client method
// returns a *Client pointed at it, so tests run with no account and no
// network. For unit tests of your own code, WithHTTPClient takes an
// *http.Client whose transport answers as you want (httptest, httpmock).
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
// receiver. Slices and maps are never wrapped: nil means absent or null.
// Free-form objects (public, private and unsafe metadata, JWT claims) are
// JSON values kept as the API sent them; decode them into your own type
// with Decode, and tell absent from null with IsAbsent and IsNull.
//
// Client.Do decodes answers into the models with code generated for each
// of them: one pass, no reflection. Its result is always the one
// json.Unmarshal gives; whatever the generated code does not reproduce
// exactly (escaped or uppercase keys, duplicate keys, out-of-range
// numbers, type mismatches) is decoded by encoding/json instead, which
// also reports the errors. json.Unmarshal of a model works as usual.
package clerk

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/clerkgo/clerk/internal/transport"
	"github.com/clerkgo/clerk/internal/versions"
)

// APIVersion is the Backend API version a client speaks unless
// WithAPIVersion selects another; it is sent as the Clerk-API-Version
// header on every request.
const APIVersion = APIVersion20251110

// DefaultBaseURL is the Backend API's address.
const DefaultBaseURL = "https://api.clerk.com/v1"

// Version is this SDK's version, reported in the User-Agent header.
const Version = "0.2.0"

// Defaults of the client options.
const (
	DefaultTimeout       = 30 * time.Second
	DefaultMaxRetries    = 2
	DefaultRetryWaitMin  = 500 * time.Millisecond
	DefaultRetryWaitMax  = 8 * time.Second
	DefaultMaxRetryAfter = 30 * time.Second
)

// Client calls the Backend API. Build it with NewClient; it is immutable and
// safe for concurrent use. Printing a Client, or a *Client, with any verb
// (and logging it with slog) never shows its key.
type Client struct {
	// key is behind a pointer so that printing a value that embeds a Client
	// shows an address, never the key; the Client's own printing methods
	// redact it.
	key       *bearerKey
	baseURL   string
	userAgent string
	// inner performs each attempt; retry decides which attempts are made
	// (internal/transport/retry.go).
	inner            *http.Client
	retry            transport.Policy
	maxResponseBytes int64
	logger           *slog.Logger
	// apiVersion is the API version the client speaks (WithAPIVersion),
	// apiSet the same as a set of internal/versions.
	apiVersion string
	apiSet     versions.Set
	// bufs holds read buffers for reuse across calls (behind a pointer:
	// a sync.Pool must not be copied, and Client values may be).
	bufs *bufferPool
	// observer is told of every call (WithObserver); nil when none.
	observer Observer
}

// bearerKey is the key a Client sends as its bearer token.
type bearerKey struct {
	value string
	kind  keyKind
}

// keyKind tells the kinds of keys the Backend API accepts apart.
type keyKind int

const (
	testKey    keyKind = iota // sk_test_: a development instance
	liveKey                   // sk_live_: a production instance
	machineKey                // ak_: a machine secret key (M2M token endpoints)
)

// NewClient returns a Client authenticated with secretKey. The key must look
// like a Clerk secret key (sk_test_... or sk_live_...) or a machine secret
// key (ak_..., which the API accepts only on the M2M token endpoints: see
// WithMachineSecretKey); no request is sent.
func NewClient(secretKey string, opts ...Option) (*Client, error) {
	kind, err := checkSecretKey(secretKey)
	if err != nil {
		return nil, err
	}
	cfg := config{
		baseURL:          DefaultBaseURL,
		timeout:          DefaultTimeout,
		maxRetries:       DefaultMaxRetries,
		retryWaitMin:     DefaultRetryWaitMin,
		retryWaitMax:     DefaultRetryWaitMax,
		maxRetryAfter:    DefaultMaxRetryAfter,
		maxResponseBytes: DefaultMaxResponseBytes,
		apiVersion:       APIVersion,
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
	inner := &http.Client{Timeout: cfg.timeout, Transport: pooledTransport()}
	if cfg.httpClient != nil {
		copied := *cfg.httpClient
		inner = &copied
		if cfg.timeoutSet {
			inner.Timeout = cfg.timeout
		}
	}
	// The Backend API never redirects; a redirect is answered as an error
	// and never followed, whatever client the caller supplied, so the key
	// and the body cannot reach another host.
	inner.CheckRedirect = refuseRedirect
	cfg.installLimiter(inner, secretKey)
	ua := "clerkgo/" + Version + " (" + runtime.Version() + ")"
	if cfg.userAgentSuffix != "" {
		ua += " " + cfg.userAgentSuffix
	}
	return &Client{
		key:       &bearerKey{value: secretKey, kind: kind},
		baseURL:   cfg.baseURL,
		userAgent: ua,
		inner:     inner,
		retry: transport.Policy{
			MaxRetries:    cfg.maxRetries,
			WaitMin:       cfg.retryWaitMin,
			WaitMax:       cfg.retryWaitMax,
			MaxRetryAfter: cfg.maxRetryAfter,
			Logger:        cfg.logger,
		},
		maxResponseBytes: cfg.maxResponseBytes,
		logger:           cfg.logger,
		apiVersion:       cfg.apiVersion,
		apiSet:           versions.Parse(cfg.apiVersion),
		bufs:             newBufferPool(),
		observer:         cfg.observer,
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
// echoing the key in the error, and tells which kind a valid key is.
func checkSecretKey(key string) (keyKind, error) {
	if key == "" {
		return 0, ErrMissingSecretKey
	}
	kind, rest, ok := testKey, "", false
	for _, k := range []struct {
		prefix string
		kind   keyKind
	}{{"sk_test_", testKey}, {"sk_live_", liveKey}, {"ak_", machineKey}} {
		if rest, ok = strings.CutPrefix(key, k.prefix); ok {
			kind = k.kind
			break
		}
	}
	if !ok {
		return 0, fmt.Errorf("%w: it must start with sk_test_ or sk_live_ (or ak_ for a machine secret key)", ErrInvalidSecretKey)
	}
	if err := checkKeyChars(rest); err != nil {
		return 0, err
	}
	return kind, nil
}

// checkKeyChars refuses an empty key body or one with spaces or control
// characters, which no Clerk key has and which would corrupt the header.
func checkKeyChars(rest string) error {
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
func (c *Client) IsTestKey() bool { return c.key != nil && c.key.kind == testKey }

// IsMachineKey reports whether the client holds a machine secret key (ak_),
// which authenticates only the M2M token endpoints.
func (c *Client) IsMachineKey() bool { return c.key != nil && c.key.kind == machineKey }

// String describes the client without its secret key.
func (c Client) String() string {
	kind := "sk_live_"
	switch {
	case c.key == nil:
		kind = "none"
	case c.key.kind == testKey:
		kind = "sk_test_"
	case c.key.kind == machineKey:
		kind = "ak_"
	}
	return "clerk.Client{baseURL: " + c.baseURL + ", key: " + kind + "[redacted]}"
}

// Format prints the client for every fmt verb (%v, %+v, %#v, %s, %q, %x,
// ...) as String does, so no verb can reveal the key, whether the Client is
// printed as a value or through a pointer.
func (c Client) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", c.String())
		return
	}
	io.WriteString(f, c.String())
}

// LogValue lets slog print the client without its secret key.
func (c Client) LogValue() slog.Value { return slog.StringValue(c.String()) }

// GoString keeps %#v from printing the secret key.
func (c Client) GoString() string { return c.String() }
