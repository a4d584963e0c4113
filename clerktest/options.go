package clerktest

import "time"

// Option configures an Emulator in New.
type Option func(*config)

type config struct {
	seed          bool
	now           func() time.Time
	webhookSecret string
	latency       time.Duration
	rateLimit     rateLimitParams // WithRateLimit, in ratelimit.go
}

// WithDemoData seeds the emulator with a handful of users, an organization,
// billing plans with fees, a subscription item per seeded user, statements
// and payment attempts. Seeding sends no webhooks.
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

// WithLatency delays every response by d.
func WithLatency(d time.Duration) Option { return func(c *config) { c.latency = d } }
