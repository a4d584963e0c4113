package webhooks

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// HandlerFunc handles one verified event. Returning an error makes the
// Dispatcher answer 500, so Clerk delivers the event again later.
type HandlerFunc func(ctx context.Context, e *Event) error

// DispatcherOption configures a Dispatcher.
type DispatcherOption func(*Dispatcher)

// WithDeduplication makes the Dispatcher remember the svix-id of each event
// it handled successfully for window, keeping at most capacity ids, and
// answer 204 without calling the handler when the same delivery arrives
// again. A retry that arrives while the first attempt is still running is
// answered 409 so Clerk tries once more later; a delivery in flight is never
// forgotten to make room for others. Zero or negative values select
// DefaultDedupWindow and DefaultDedupCapacity. The ids are kept in memory
// unless WithDedupStore names a shared store.
func WithDeduplication(window time.Duration, capacity int) DispatcherOption {
	return func(d *Dispatcher) { d.dedupWindow, d.dedupCapacity, d.dedupOn = window, capacity, true }
}

// WithDedupStore turns de-duplication on (with the window of
// WithDeduplication, else DefaultDedupWindow) and keeps its claims in s, e.g. a
// redisstore.Store
// shared by every replica behind one webhook endpoint, so a delivery runs
// once across the fleet, even while its first attempt is still running. The
// capacity of WithDeduplication applies only to the in-memory store.
func WithDedupStore(s DedupStore) DispatcherOption {
	return func(d *Dispatcher) { d.store, d.dedupOn = s, true }
}

// WithLogger sets where the Dispatcher reports rejected deliveries and
// handler failures (default: nowhere). Messages never include the secret.
func WithLogger(l *slog.Logger) DispatcherOption {
	return func(d *Dispatcher) { d.log = l }
}

// Dispatcher is the http.Handler built by NewDispatcher: it verifies each
// delivery and calls the function registered for its event type.
//
// Answers: 405 for methods other than POST, 413 for bodies over the
// verifier's limit, 400 (with a JSON error) for bad signatures or payloads,
// 500 when the handler fails, 204 otherwise, including for event types with
// no registered function (unless a Fallback is set).
type Dispatcher struct {
	v             *Verifier
	log           *slog.Logger
	dedupOn       bool
	dedupWindow   time.Duration
	dedupCapacity int
	store         DedupStore
	seen          *dedup

	mu       sync.RWMutex
	handlers map[string]HandlerFunc
	fallback HandlerFunc
}

// NewDispatcher returns a Dispatcher that verifies deliveries with v. Register
// functions with On or the typed OnXxx methods before serving.
func NewDispatcher(v *Verifier, opts ...DispatcherOption) *Dispatcher {
	d := &Dispatcher{v: v, handlers: map[string]HandlerFunc{}}
	for _, opt := range opts {
		if opt != nil {
			opt(d)
		}
	}
	if d.dedupOn && v != nil {
		d.seen = newDedup(v, d.store, d.dedupWindow, d.dedupCapacity)
	}
	return d
}

// On registers fn for events of eventType (see the constants, e.g.
// UserCreated), replacing any earlier function; a nil fn removes it.
func (d *Dispatcher) On(eventType string, fn HandlerFunc) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if fn == nil {
		delete(d.handlers, eventType)
		return
	}
	d.handlers[eventType] = fn
}

// onTyped registers fn behind a decoding step; a payload that does not
// decode is a handler error (500), so the delivery is retried.
func onTyped[T any](d *Dispatcher, eventType string, decode func(*Event) (*T, error), fn func(context.Context, *Event, *T) error) {
	if fn == nil {
		d.On(eventType, nil)
		return
	}
	d.On(eventType, func(ctx context.Context, e *Event) error {
		data, err := decode(e)
		if err != nil {
			return err
		}
		return fn(ctx, e, data)
	})
}

// Fallback registers fn for events whose type has no function of its own,
// including types newer than this package; fn can use e.Data directly. A
// nil fn restores the default, answering 204 without a call.
func (d *Dispatcher) Fallback(fn HandlerFunc) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.fallback = fn
}

func (d *Dispatcher) handler(eventType string) HandlerFunc {
	d.mu.RLock()
	defer d.mu.RUnlock()
	if fn, ok := d.handlers[eventType]; ok {
		return fn
	}
	return d.fallback
}

// ServeHTTP verifies the delivery and dispatches it.
func (d *Dispatcher) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "webhooks accept POST only")
		return
	}
	if d.v == nil {
		writeError(w, http.StatusInternalServerError, "not_configured", "webhooks: no verifier")
		return
	}
	body, err := d.readBody(w, r)
	if err != nil {
		d.v.refusedBody(r.Context(), err)
		if errors.Is(err, ErrBodyTooLarge) {
			d.warn(r, "webhook body too large", err)
			writeError(w, http.StatusRequestEntityTooLarge, "body_too_large", err.Error())
			return
		}
		writeError(w, http.StatusBadRequest, "unreadable_body", "webhooks: could not read body")
		return
	}
	e, err := d.v.verifyAndParse(r.Context(), body, r.Header)
	if err != nil {
		d.warn(r, "webhook rejected", err)
		writeError(w, http.StatusBadRequest, errorCode(err), err.Error())
		return
	}
	fn := d.handler(e.Type)
	if fn == nil {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	token := ""
	if d.seen != nil {
		state, tok, err := d.seen.begin(r.Context(), e.ID)
		switch {
		case err != nil:
			d.warn(r, "webhook de-duplication store failed", err)
			writeError(w, http.StatusServiceUnavailable, "store_unavailable", "webhooks: de-duplication store unavailable")
			return
		case state == ClaimDone:
			w.WriteHeader(http.StatusNoContent)
			return
		case state == ClaimInFlight:
			writeError(w, http.StatusConflict, "in_progress", "webhooks: this delivery is being handled")
			return
		}
		token = tok
	}
	if err := d.run(r.Context(), fn, e, token); err != nil {
		if d.log != nil {
			d.log.ErrorContext(r.Context(), "webhook handler failed", "type", e.Type, "svix_id", e.ID, "error", err)
		}
		writeError(w, http.StatusInternalServerError, "handler_failed", "webhooks: handler failed")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// run calls fn, turning a panic into an error, and records the outcome in
// the de-duplication window.
func (d *Dispatcher) run(ctx context.Context, fn HandlerFunc, e *Event, token string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("webhooks: handler panicked: %v", p)
		}
		if d.seen != nil {
			if ferr := d.seen.finish(ctx, e.ID, token, err == nil); ferr != nil && d.log != nil {
				d.log.ErrorContext(ctx, "webhook de-duplication store failed", "svix_id", e.ID, "error", ferr)
			}
		}
	}()
	return fn(ctx, e)
}

// readBody reads at most the verifier's limit, reporting ErrBodyTooLarge beyond it.
func (d *Dispatcher) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	if r.ContentLength > d.v.maxBody {
		return nil, fmt.Errorf("%w: limit %d bytes", ErrBodyTooLarge, d.v.maxBody)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, d.v.maxBody))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, fmt.Errorf("%w: limit %d bytes", ErrBodyTooLarge, d.v.maxBody)
	}
	return body, err
}

func (d *Dispatcher) warn(r *http.Request, msg string, err error) {
	if d.log != nil {
		d.log.WarnContext(r.Context(), msg, "error", err)
	}
}

// errorCode is the machine-readable code of a rejected delivery.
func errorCode(err error) string {
	switch {
	case errors.Is(err, ErrMissingHeaders):
		return "missing_headers"
	case errors.Is(err, ErrInvalidTimestamp):
		return "invalid_timestamp"
	case errors.Is(err, ErrTimestampTooOld):
		return "timestamp_too_old"
	case errors.Is(err, ErrTimestampTooNew):
		return "timestamp_too_new"
	case errors.Is(err, ErrNoMatchingSignature):
		return "invalid_signature"
	default:
		return "invalid_payload"
	}
}

// errorBody is the JSON the Dispatcher answers with on failure.
type errorBody struct {
	Error   string `json:"error"`
	Message string `json:"message"`
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(errorBody{Error: code, Message: msg})
}
