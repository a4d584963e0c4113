package clerktest

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Emulator is a running in-memory Backend API. Its methods are safe for
// concurrent use.
type Emulator struct {
	srv        *http.Server
	ln         net.Listener
	base       string // http://host:port
	keys       keys
	now        func() time.Time
	routes     *router
	transport  *http.Transport // the pooled transport Client uses
	conns      atomic.Int64    // connections accepted, for diagnostics
	hooks      *hookHub
	reqLog     *ringLog[Request]
	faults     faultTable
	instance   instanceSettings
	statePath  string
	closeOnce  sync.Once
	serveErr   chan error
	maxEntries int
	limiter    *rateLimiter // WithServerRateLimit, in ratelimit.go

	mu sync.RWMutex // guards st; GET handlers hold it shared
	st *state
}

// New starts an emulator on a loopback port (or the address given with
// WithListenAddr). Call Close when done. It panics when an option is
// invalid (a malformed key, secret, seed or state file) or the address
// cannot be listened on, as only a programming or setup error can cause
// that; Start returns those as errors instead.
func New(opts ...Option) *Emulator {
	e, err := Start(opts...)
	if err != nil {
		panic(err.Error())
	}
	return e
}

// Start is New returning its setup failures as errors, for programs (such
// as the clerk emulator command) that must report them.
func Start(opts ...Option) (*Emulator, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if cfg.err != nil {
		return nil, cfg.err
	}
	k, err := newKeys(cfg)
	if err != nil {
		return nil, err
	}
	e := &Emulator{
		keys:       k,
		now:        cfg.now,
		hooks:      newHookHub(k.webhookSecret, cfg.retrySchedule, cfg.logSize),
		reqLog:     newRingLog[Request](cfg.logSize),
		instance:   cfg.instance,
		statePath:  cfg.statePath,
		maxEntries: cfg.logSize,
		st:         newState(),
		serveErr:   make(chan error, 1),
		limiter:    newRateLimiter(cfg.rateLimit),
	}
	e.faults.setGlobalLatency(cfg.latency)
	e.st = e.freshState()
	e.routes = newRouter(e.routeTable())
	if err := e.loadInitialState(cfg); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return nil, fmt.Errorf("clerktest: listen on %s: %w", cfg.addr, err)
	}
	e.ln = ln
	e.base = "http://" + ln.Addr().String()
	e.transport = &http.Transport{
		Proxy:               nil,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 256,
		IdleConnTimeout:     90 * time.Second,
	}
	e.srv = &http.Server{
		Handler:           e.limiter.wrap(http.HandlerFunc(e.serveHTTP)),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ConnState: func(_ net.Conn, s http.ConnState) {
			if s == http.StateNew {
				e.conns.Add(1)
			}
		},
	}
	go func() { e.serveErr <- e.srv.Serve(ln) }()
	return e, nil
}

// generateRSAKey makes the emulator's signing key when none is given.
func generateRSAKey() (*rsa.PrivateKey, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("clerktest: generate RSA key: %w", err)
	}
	return key, nil
}

// URL returns the base URL of the emulated API, ending in /v1: the value
// clerk.WithBaseURL and CLERK_API_URL take, and that a client built by
// Client reports from its BaseURL method.
func (e *Emulator) URL() string { return e.base + "/v1" }

// Origin returns the server's scheme, host and port, with no path (no /v1);
// the control API lives under Origin() + ControlPrefix.
func (e *Emulator) Origin() string { return e.base }

// SecretKey returns the sk_test_ key the emulator accepts; any other key is
// refused with 401 clerk_key_invalid.
func (e *Emulator) SecretKey() string { return e.keys.secret }

// PublishableKey returns the pk_test_ key that names the emulator's
// frontend API host, for SDKs that need one.
func (e *Emulator) PublishableKey() string { return e.keys.publishable }

// FrontendAPIURL returns the https URL of the Frontend API host the
// publishable key encodes: the iss of the session and JWT template tokens
// the emulator mints, as on a development instance. It need not resolve:
// verify networklessly with JWTKey, or fetch the JWKS from the emulator.
func (e *Emulator) FrontendAPIURL() string { return e.keys.frontendAPI }

// MachineSecretKey returns the ak_ machine secret key that may also
// authorize the /m2m_tokens routes, and MachineID the machine it belongs to.
// After a rotation (POST /machines/{id}/secret_key/rotate) it returns the
// new key.
func (e *Emulator) MachineSecretKey() string {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if m, ok := e.st.machines.get(e.keys.machineID); ok {
		return m.secret
	}
	return e.keys.machine
}

// MachineID returns the ID of the emulator's machine, the subject of the M2M
// tokens it creates.
func (e *Emulator) MachineID() string { return e.keys.machineID }

// InstanceID returns the emulated instance's ID.
func (e *Emulator) InstanceID() string { return e.keys.instanceID }

// JWTKey returns the PEM-encoded public key of the emulator's signing key,
// as the Clerk dashboard shows it, for networkless token verification.
func (e *Emulator) JWTKey() string { return e.keys.pubPEM }

// KeyID returns the kid of the emulator's signing key, as published by GET /jwks.
func (e *Emulator) KeyID() string { return e.keys.kid }

// WebhookSecret returns the whsec_ secret the emulator signs webhooks with.
func (e *Emulator) WebhookSecret() string { return e.keys.webhookSecret }

// Close stops the server, waits for in-flight requests and abandons webhook
// deliveries still pending (call Flush first to wait for them). It does not
// write the state file: Shutdown does.
func (e *Emulator) Close() {
	e.closeOnce.Do(func() {
		_ = e.srv.Close()
		e.hooks.close()
		e.transport.CloseIdleConnections()
	})
}

// Shutdown stops accepting requests, lets in-flight ones finish (until ctx
// ends), closes the emulator and, when WithStateFile was given, writes the
// state to that file. It returns the first error met.
func (e *Emulator) Shutdown(ctx context.Context) error {
	err := e.srv.Shutdown(ctx)
	e.Close()
	if e.statePath != "" {
		if serr := e.SaveState(e.statePath); err == nil {
			err = serr
		}
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// Done returns a channel that yields the server's error if it stops
// serving; after Close or Shutdown it yields http.ErrServerClosed.
func (e *Emulator) Done() <-chan error { return e.serveErr }

// SetLatency delays every later response by d (0 removes the delay). It
// replaces latency set earlier with SetLatency or WithLatency; latency faults
// on a route (InjectFault) add to it.
func (e *Emulator) SetLatency(d time.Duration) {
	e.faults.setGlobalLatency(d)
}

// ms returns the emulator clock in Unix milliseconds.
func (e *Emulator) ms() int64 { return e.now().UnixMilli() }
