package clerktest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/clerkgo/clerk/webhooks"
)

// Emulator is a running in-memory Backend API. Its methods are safe for
// concurrent use.
type Emulator struct {
	srv           *httptest.Server
	secretKey     string
	machineKey    string
	machineID     string
	instanceID    string
	webhookSecret string
	key           *rsa.PrivateKey
	kid           string
	pubPEM        string
	now           func() time.Time
	hookClient    *http.Client
	routes        []route
	limiter       *rateLimiter // WithRateLimit, in ratelimit.go

	mu       sync.Mutex // guards everything below
	st       *state
	latency  time.Duration
	faults   fault
	log      []Request
	hookURLs []string
	hookFns  []WebhookFunc
}

// New starts an emulator on a loopback port. Call Close when done.
// It panics if the webhook secret given with WithWebhookSecret is not a
// whsec_ base64 secret, or if the machine cannot generate an RSA key or
// listen on loopback (as httptest.NewServer does).
func New(opts ...Option) *Emulator {
	cfg := config{now: time.Now}
	for _, o := range opts {
		o(&cfg)
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(fmt.Sprintf("clerktest: generate RSA key: %v", err))
	}
	der, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		panic(fmt.Sprintf("clerktest: encode public key: %v", err))
	}
	secret := cfg.webhookSecret
	if secret == "" {
		raw := make([]byte, 24)
		_, _ = rand.Read(raw)
		secret = "whsec_" + base64.StdEncoding.EncodeToString(raw)
	}
	if _, err := webhooks.Sign(secret, "msg_check", time.Unix(0, 0), nil); err != nil {
		panic(fmt.Sprintf("clerktest: WithWebhookSecret: %v", err))
	}
	e := &Emulator{
		secretKey:     "sk_test_" + randomString(40),
		machineKey:    "ak_" + randomString(40),
		machineID:     newID("mch"),
		instanceID:    newID("ins"),
		webhookSecret: secret,
		key:           key,
		kid:           "ins_" + randomString(27),
		pubPEM:        string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})),
		now:           cfg.now,
		hookClient:    &http.Client{Timeout: 5 * time.Second},
		latency:       cfg.latency,
		limiter:       newRateLimiter(cfg.rateLimit),
	}
	e.st = newState()
	e.routes = e.routeTable()
	if cfg.seed {
		e.seed()
	}
	e.srv = httptest.NewServer(e.limiter.wrap(http.HandlerFunc(e.serveHTTP)))
	return e
}

// URL returns the base URL of the emulated API, ending in /v1.
func (e *Emulator) URL() string { return e.srv.URL + "/v1" }

// SecretKey returns the sk_test_ key the emulator accepts; any other key is
// refused with 401 clerk_key_invalid.
func (e *Emulator) SecretKey() string { return e.secretKey }

// MachineSecretKey returns the ak_ machine secret key that may also
// authorize the /m2m_tokens routes, and MachineID the machine it belongs to.
func (e *Emulator) MachineSecretKey() string { return e.machineKey }

// MachineID returns the ID of the emulator's machine, the subject of the M2M
// tokens it creates.
func (e *Emulator) MachineID() string { return e.machineID }

// InstanceID returns the emulated instance's ID.
func (e *Emulator) InstanceID() string { return e.instanceID }

// JWTKey returns the PEM-encoded public key of the emulator's signing key,
// as the Clerk dashboard shows it, for networkless token verification.
func (e *Emulator) JWTKey() string { return e.pubPEM }

// KeyID returns the kid of the emulator's signing key, as published by GET /jwks.
func (e *Emulator) KeyID() string { return e.kid }

// WebhookSecret returns the whsec_ secret the emulator signs webhooks with.
func (e *Emulator) WebhookSecret() string { return e.webhookSecret }

// Close shuts the server down and waits for in-flight requests.
func (e *Emulator) Close() {
	e.srv.Close()
	e.hookClient.CloseIdleConnections()
}

// SetLatency delays every later response by d (0 removes the delay).
func (e *Emulator) SetLatency(d time.Duration) {
	e.mu.Lock()
	e.latency = d
	e.mu.Unlock()
}

// ms returns the emulator clock in Unix milliseconds.
func (e *Emulator) ms() int64 { return e.now().UnixMilli() }
