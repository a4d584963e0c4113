package clerktest

import (
	"crypto/rsa"
	"os"
	"time"
)

// Option configures an Emulator in New or Start.
type Option func(*config)

type config struct {
	seed           bool
	now            func() time.Time
	webhookSecret  string
	secretKey      string
	publishableKey string
	signingKey     *rsa.PrivateKey
	latency        time.Duration
	addr           string
	logSize        int
	retrySchedule  []time.Duration
	seedFile       string
	statePath      string
	instance       instanceSettings
	rateLimit      rateLimitParams // WithServerRateLimit, in ratelimit.go
	err            error
}

func defaultConfig() config {
	return config{now: time.Now, addr: "127.0.0.1:0", logSize: 1000,
		retrySchedule: SvixRetrySchedule(), instance: defaultInstanceSettings()}
}

// WithDemoData seeds the emulator with a handful of users, an organization,
// billing plans with fees (among them a default free plan for users and one
// for organizations, so users and organizations created later are put on
// them, as Clerk does with billing on), a subscription item per seeded
// user, statements and payment attempts. Seeding sends no webhooks.
func WithDemoData() Option { return func(c *config) { c.seed = true } }

// WithNow makes the emulator read the time from now: every timestamp it
// writes and every expiry it checks uses it. It has the signature of
// webhooks.WithNow; pass func() time.Time { return t } for a frozen clock.
func WithNow(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}

// WithWebhookSecret sets the whsec_ secret used to sign webhooks; by default
// each emulator generates its own.
func WithWebhookSecret(secret string) Option {
	return func(c *config) { c.webhookSecret = secret }
}

// WithSecretKey fixes the sk_test_ (or sk_live_) key the emulator accepts,
// so a test suite in another language can be configured in advance.
func WithSecretKey(key string) Option { return func(c *config) { c.secretKey = key } }

// WithPublishableKey fixes the pk_test_ key PublishableKey reports. The
// key must encode a Frontend API host (base64 of the host and "$"): the
// session tokens the emulator mints name it as their issuer.
func WithPublishableKey(key string) Option { return func(c *config) { c.publishableKey = key } }

// WithSigningKey makes the emulator sign tokens with the RSA private key in
// pemText (PKCS#1 or PKCS#8, at least 2048 bits) instead of a fresh one, so
// its JWT public key stays the same across runs.
func WithSigningKey(pemText []byte) Option {
	return func(c *config) {
		k, err := parseSigningKey(pemText)
		if err != nil {
			c.err = err
			return
		}
		c.signingKey = k
	}
}

// WithListenAddr makes the emulator listen on addr (host:port; port 0
// picks a free one) instead of a random loopback port.
func WithListenAddr(addr string) Option { return func(c *config) { c.addr = addr } }

// WithLatency delays every response by d.
func WithLatency(d time.Duration) Option { return func(c *config) { c.latency = d } }

// WithLogSize bounds the request log and the webhook delivery log to n
// entries each (default 1000); older entries are dropped first.
func WithLogSize(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.logSize = n
		}
	}
}

// WithWebhookRetrySchedule replaces Svix's retry schedule (SvixRetrySchedule)
// with delays: delays[i] is the wait before attempt i+2. Tests compress it,
// for example to five one-millisecond delays.
func WithWebhookRetrySchedule(delays ...time.Duration) Option {
	return func(c *config) { c.retrySchedule = append([]time.Duration(nil), delays...) }
}

// WithSeedFile loads users, organizations, memberships and plans from the
// JSON file at path when the emulator starts (see Seed for its shape).
func WithSeedFile(path string) Option { return func(c *config) { c.seedFile = path } }

// WithStateFile loads the emulator's state from path when it starts (a
// missing file means an empty start) and writes it back on Shutdown.
func WithStateFile(path string) Option { return func(c *config) { c.statePath = path } }

// WithInstanceSettings sets the instance-setting knobs that change answers
// (password rules, username length, membership limit, ...).
func WithInstanceSettings(s InstanceSettings) Option {
	return func(c *config) { c.instance = s.internal() }
}

// readFileOption reads a file named by an option, wrapping the error.
func readFileOption(name, path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &optionError{name: name, err: err}
	}
	return b, nil
}

type optionError struct {
	name string
	err  error
}

func (e *optionError) Error() string { return "clerktest: " + e.name + ": " + e.err.Error() }
func (e *optionError) Unwrap() error { return e.err }
