package clerk

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Option configures a Client in NewClient.
type Option interface {
	applyClient(*config)
}

// RequestOption configures one call (Client.Do and every service method).
type RequestOption interface {
	applyRequest(*callConfig)
}

// config collects the client options; the first invalid one is kept in err.
type config struct {
	baseURL         string
	httpClient      *http.Client
	timeout         time.Duration
	timeoutSet      bool
	maxRetries      int
	retryWaitMin    time.Duration
	retryWaitMax    time.Duration
	maxRetryAfter   time.Duration
	logger          *slog.Logger
	userAgentSuffix string
	observer        Observer // set by WithObserver
	// maxResponseBytes bounds a 2xx body (WithMaxResponseBytes).
	maxResponseBytes int64
	rateLimit        *RateLimit // set by WithRateLimit
	apiVersion       string     // set by WithAPIVersion
	err              error
}

func (c *config) fail(format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf("%w: "+format, append([]any{ErrInvalidOption}, args...)...)
	}
}

type clientOption func(*config)

func (f clientOption) applyClient(c *config) { f(c) }

// WithBaseURL sends requests to u instead of DefaultBaseURL, e.g. to the
// clerktest emulator. It must be an absolute http or https URL.
func WithBaseURL(u string) Option {
	return clientOption(func(c *config) {
		parsed, err := url.Parse(u)
		if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
			c.fail("WithBaseURL needs an absolute http(s) URL")
			return
		}
		if parsed.RawQuery != "" || parsed.Fragment != "" {
			c.fail("WithBaseURL must not have a query or fragment")
			return
		}
		c.baseURL = strings.TrimRight(u, "/")
	})
}

// WithHTTPClient sets the http.Client that performs each attempt; the
// retrying layer wraps it. The client is copied, not modified, and the copy
// never follows redirects (its CheckRedirect is replaced): the Backend API
// does not redirect, and the secret key must not travel to another host.
// Without this option the client uses a transport with a connection pool
// sized for concurrent use (the standard library keeps only two idle
// connections per host).
func WithHTTPClient(hc *http.Client) Option {
	return clientOption(func(c *config) {
		if hc == nil {
			c.fail("WithHTTPClient needs a non-nil client")
			return
		}
		c.httpClient = hc
	})
}

// WithMaxResponseBytes bounds how many bytes of a successful answer the
// client reads (DefaultMaxResponseBytes unless set); a longer answer fails
// with ErrResponseTooLarge, and a Content-Length never makes the client
// reserve more than the bound. Error answers are always read up to 1 MiB.
func WithMaxResponseBytes(n int64) Option {
	return clientOption(func(c *config) {
		if n <= 0 {
			c.fail("WithMaxResponseBytes needs a positive byte count")
			return
		}
		c.maxResponseBytes = n
	})
}

// WithTimeout bounds each attempt (not the whole call, which the context
// bounds). Zero means no per-attempt limit.
func WithTimeout(d time.Duration) Option {
	return clientOption(func(c *config) {
		if d < 0 {
			c.fail("WithTimeout needs a non-negative duration")
			return
		}
		c.timeout, c.timeoutSet = d, true
	})
}

// WithRetryWait sets the first and the longest wait between attempts.
func WithRetryWait(min, max time.Duration) Option {
	return clientOption(func(c *config) {
		if min < 0 || max < min {
			c.fail("WithRetryWait needs 0 <= min <= max")
			return
		}
		c.retryWaitMin, c.retryWaitMax = min, max
	})
}

// WithMaxRetryAfter caps how long a server's Retry-After may make a call
// wait; past the cap the call stops and returns the APIError with its
// RetryAfter set.
func WithMaxRetryAfter(d time.Duration) Option {
	return clientOption(func(c *config) {
		if d < 0 {
			c.fail("WithMaxRetryAfter needs a non-negative duration")
			return
		}
		c.maxRetryAfter = d
	})
}

// WithLogger logs retries and failed calls at debug level. Secret keys,
// headers and query values are never logged.
func WithLogger(l *slog.Logger) Option {
	return clientOption(func(c *config) { c.logger = l })
}

// WithUserAgentSuffix appends s to the User-Agent header, e.g. "myapp/1.2".
func WithUserAgentSuffix(s string) Option {
	return clientOption(func(c *config) {
		if strings.ContainsAny(s, "\r\n\x00") {
			c.fail("WithUserAgentSuffix must not contain line breaks")
			return
		}
		c.userAgentSuffix = s
	})
}

// MaxRetriesOption is returned by WithMaxRetries; it works both as a client
// Option and as a per-call RequestOption.
type MaxRetriesOption struct{ n int }

// WithMaxRetries sets how many times a failed call may be retried (the
// default is 2). Given to NewClient it sets the default; given to a call it
// overrides the default for that call. Zero disables retries.
func WithMaxRetries(n int) MaxRetriesOption { return MaxRetriesOption{n: n} }

func (o MaxRetriesOption) applyClient(c *config) {
	if o.n < 0 {
		c.fail("WithMaxRetries needs a non-negative count")
		return
	}
	c.maxRetries = o.n
}

func (o MaxRetriesOption) applyRequest(c *callConfig) {
	if o.n < 0 {
		c.fail("WithMaxRetries needs a non-negative count")
		return
	}
	n := o.n
	c.maxRetries = &n
}

// callConfig collects the options of one call.
type callConfig struct {
	header      http.Header
	query       url.Values
	jsonFields  map[string]any
	maxRetries  *int // nil: the client's
	retryUnsafe bool
	response    *Response
	// bearer replaces the client's key for this call (WithMachineSecretKey).
	bearer string
	err    error
}

func (c *callConfig) fail(format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf("%w: "+format, append([]any{ErrInvalidOption}, args...)...)
	}
}

type requestOption func(*callConfig)

func (f requestOption) applyRequest(c *callConfig) { f(c) }

// WithHeader sets a header on the call, replacing any the SDK would send
// (Authorization included).
func WithHeader(key, value string) RequestOption {
	return requestOption(func(c *callConfig) {
		if key == "" || strings.ContainsAny(key, "\r\n: ") || strings.ContainsAny(value, "\r\n") {
			c.fail("WithHeader needs a header name and a value without line breaks")
			return
		}
		if c.header == nil {
			c.header = make(http.Header)
		}
		c.header.Set(key, value)
	})
}

// WithQuery adds a query parameter to the call, e.g. one the SDK does not
// model yet.
func WithQuery(key, value string) RequestOption {
	return requestOption(func(c *callConfig) {
		if key == "" {
			c.fail("WithQuery needs a parameter name")
			return
		}
		if c.query == nil {
			c.query = make(url.Values)
		}
		c.query.Add(key, value)
	})
}

// WithJSONField sets a top-level field of the JSON body, e.g. one the SDK
// does not model yet. A nil value sends null.
func WithJSONField(key string, value any) RequestOption {
	return requestOption(func(c *callConfig) {
		if key == "" {
			c.fail("WithJSONField needs a field name")
			return
		}
		if c.jsonFields == nil {
			c.jsonFields = make(map[string]any)
		}
		c.jsonFields[key] = value
	})
}

// WithRetryNonIdempotent lets a POST or PATCH be retried after a server
// error or a broken connection, when the caller knows repeating it is safe.
func WithRetryNonIdempotent() RequestOption {
	return requestOption(func(c *callConfig) { c.retryUnsafe = true })
}

// WithResponse fills r with the raw answer of the call (status, headers,
// trace ID and body), whether it succeeded or not.
func WithResponse(r *Response) RequestOption {
	return requestOption(func(c *callConfig) { c.response = r })
}

// WithMachineSecretKey authenticates this one call with a machine secret key
// (ak_...) instead of the client's key. The M2M token endpoints take one:
// creating an M2M token requires it, and listing, revoking or verifying
// tokens with it limits the call to the machine that owns the key. A service
// that also holds its instance's secret key keeps one Client and passes
// this option on those calls; a process that holds only a machine secret key
// can instead give it to NewClient. The key is checked before any I/O and is
// never shown in errors.
func WithMachineSecretKey(key string) RequestOption {
	return requestOption(func(c *callConfig) {
		rest, ok := strings.CutPrefix(key, "ak_")
		if !ok {
			c.fail("WithMachineSecretKey needs a machine secret key (ak_...)")
			return
		}
		if err := checkKeyChars(rest); err != nil {
			c.fail("WithMachineSecretKey: the key is malformed")
			return
		}
		c.bearer = key
	})
}
