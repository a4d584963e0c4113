package webhooks

import (
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"hash"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/clerkgo/clerk"
)

// EnvSigningSecret is the environment variable NewVerifierFromEnv reads.
const EnvSigningSecret = "CLERK_WEBHOOK_SIGNING_SECRET"

// Default limits applied when no option overrides them.
const (
	DefaultTolerance   = 5 * time.Minute
	DefaultMaxBodySize = 1 << 20
)

const secretPrefix = "whsec_"

// Verifier checks the Svix signature Clerk puts on every webhook delivery.
// It is immutable after construction and safe for concurrent use.
type Verifier struct {
	tolerance time.Duration
	now       func() time.Time
	maxBody   int64
	macs      sync.Pool      // of *macState, each keyed with the secret
	observer  clerk.Observer // WithObserver; nil when none
}

// macState is the per-call scratch space of Verify, reused through a pool so
// that a verification allocates nothing once warm.
type macState struct {
	mac       hash.Hash
	prefix    []byte // "<id>.<timestamp>." of the delivery being checked
	sum       [sha256.Size]byte
	expected  [44]byte // base64 text of sum
	candidate [44]byte // a signature entry's text, copied for hmac.Equal
}

// Option configures a Verifier.
type Option func(*Verifier) error

// WithTolerance sets how far a delivery's timestamp may lie in the past or
// the future (default 5 minutes). Zero demands an exact match; negative is invalid.
func WithTolerance(d time.Duration) Option {
	return func(v *Verifier) error {
		if d < 0 {
			return fmt.Errorf("%w: negative tolerance", ErrInvalidOption)
		}
		v.tolerance = d
		return nil
	}
}

// WithNow replaces the clock the timestamp check uses (for tests).
func WithNow(now func() time.Time) Option {
	return func(v *Verifier) error {
		if now == nil {
			return fmt.Errorf("%w: nil clock", ErrInvalidOption)
		}
		v.now = now
		return nil
	}
}

// WithMaxBodySize caps the bytes VerifyRequest and the Dispatcher read from a
// request body (default 1 MiB). It must be positive.
func WithMaxBodySize(n int64) Option {
	return func(v *Verifier) error {
		if n <= 0 {
			return fmt.Errorf("%w: max body size must be positive", ErrInvalidOption)
		}
		v.maxBody = n
		return nil
	}
}

// WithObserver tells o of every delivery the Verifier checks: verified, or
// refused with the reason (see clerk.Observer). Nil reports nothing.
func WithObserver(o clerk.Observer) Option {
	return func(v *Verifier) error {
		v.observer = o
		return nil
	}
}

// NewVerifier returns a Verifier for the endpoint's signing secret, as shown
// in the Clerk dashboard ("whsec_" followed by base64; the prefix is optional).
// An empty or undecodable secret yields an error wrapping ErrInvalidSecret;
// the secret is decoded as svix decodes it (see decodeSecret), so white
// space around it is an error, not trimmed.
func NewVerifier(secret string, opts ...Option) (*Verifier, error) {
	key, err := decodeSecret(secret)
	if err != nil {
		return nil, err
	}
	v := &Verifier{tolerance: DefaultTolerance, now: time.Now, maxBody: DefaultMaxBodySize}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(v); err != nil {
			return nil, err
		}
	}
	v.macs.New = func() any {
		return &macState{mac: hmac.New(sha256.New, key), prefix: make([]byte, 0, 96)}
	}
	return v, nil
}

// NewVerifierFromEnv is NewVerifier with the secret read from
// CLERK_WEBHOOK_SIGNING_SECRET.
func NewVerifierFromEnv(opts ...Option) (*Verifier, error) {
	secret, ok := os.LookupEnv(EnvSigningSecret)
	if !ok || strings.TrimSpace(secret) == "" {
		return nil, fmt.Errorf("%w: %s is not set", ErrInvalidSecret, EnvSigningSecret)
	}
	return NewVerifier(secret, opts...)
}

// String describes the verifier without revealing its secret.
func (v *Verifier) String() string {
	return fmt.Sprintf("webhooks.Verifier{tolerance: %s, maxBodySize: %d}", v.tolerance, v.maxBody)
}
