package clerktest

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/clerkgo/clerk/webhooks"
)

// SvixRetrySchedule returns the waits Svix documents between delivery
// attempts after the first, immediate one: 5 seconds, 5 minutes, 30
// minutes, 2 hours, 5 hours, 10 hours and 10 hours.
func SvixRetrySchedule() []time.Duration {
	return []time.Duration{5 * time.Second, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour,
		5 * time.Hour, 10 * time.Hour, 10 * time.Hour}
}

// deliveryTimeout is how long Svix waits for a receiver's answer.
const deliveryTimeout = 15 * time.Second

// Delivery is one event sent to one endpoint, as Deliveries reports it.
type Delivery struct {
	MessageID string    `json:"message_id"` // the svix-id
	EventType string    `json:"event_type"` // e.g. "user.created"
	Endpoint  string    `json:"endpoint"`   // the URL, or "func" for an OnWebhookFunc callback
	Attempts  []Attempt `json:"attempts"`   // every try so far, oldest first
	// State is "pending" while attempts remain, then "succeeded" or
	// "failed" (the schedule is exhausted or the emulator closed).
	State string `json:"state"`
}

// Attempt is one try of a delivery.
type Attempt struct {
	At     time.Time `json:"at"`              // when the try was made
	Status int       `json:"status"`          // the receiver's HTTP status, 0 when none
	Error  string    `json:"error,omitempty"` // why no status, or why it failed
}

// endpoint receives deliveries in order from its own worker.
type endpoint struct {
	url   string
	fn    WebhookFunc
	queue []*job
	wake  chan struct{}
}

func (ep *endpoint) name() string {
	if ep.fn != nil {
		return "func"
	}
	return ep.url
}

// job is a delivery waiting for its next attempt.
type job struct {
	ev  event
	ep  *endpoint
	rec *Delivery
}

// hookHub queues, sends, retries and logs webhook deliveries.
type hookHub struct {
	mu        sync.Mutex
	endpoints []*endpoint
	schedule  []time.Duration
	log       []*Delivery
	logSize   int
	pending   int
	idle      chan struct{} // closed when pending drops to 0
	timers    map[*time.Timer]struct{}
	closed    bool
	stop      chan struct{}
	workers   sync.WaitGroup
	client    *http.Client
	secret    string
}

func newHookHub(secret string, schedule []time.Duration, logSize int) *hookHub {
	h := &hookHub{secret: secret, schedule: schedule, logSize: logSize, timers: map[*time.Timer]struct{}{},
		stop: make(chan struct{}), client: &http.Client{Timeout: deliveryTimeout}}
	h.idle = make(chan struct{})
	close(h.idle)
	return h
}

func (h *hookHub) addEndpoint(ep *endpoint) {
	ep.wake = make(chan struct{}, 1)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.endpoints = append(h.endpoints, ep)
	h.workers.Add(1)
	go h.work(ep)
}

// enqueue schedules the first attempt of each event to each endpoint.
func (h *hookHub) enqueue(events []event) {
	if len(events) == 0 {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed || len(h.endpoints) == 0 {
		return
	}
	for _, ev := range events {
		for _, ep := range h.endpoints {
			rec := &Delivery{MessageID: ev.id, EventType: ev.typ, Endpoint: ep.name(), State: "pending"}
			h.record(rec)
			h.push(&job{ev: ev, ep: ep, rec: rec})
		}
	}
}

// record appends to the bounded delivery log. The hub's lock is held.
func (h *hookHub) record(d *Delivery) {
	if len(h.log) >= h.logSize {
		h.log = slices.Delete(h.log, 0, len(h.log)-h.logSize+1)
	}
	h.log = append(h.log, d)
}

// push queues j on its endpoint. The hub's lock is held.
func (h *hookHub) push(j *job) {
	if j.rec.State == "pending" && len(j.rec.Attempts) == 0 {
		if h.pending == 0 {
			h.idle = make(chan struct{})
		}
		h.pending++
	}
	j.ep.queue = append(j.ep.queue, j)
	select {
	case j.ep.wake <- struct{}{}:
	default:
	}
}

// done marks j finished. The hub's lock is held.
func (h *hookHub) done(j *job, state string) {
	j.rec.State = state
	h.pending--
	if h.pending == 0 {
		close(h.idle)
	}
}

func (h *hookHub) work(ep *endpoint) {
	defer h.workers.Done()
	for {
		h.mu.Lock()
		var j *job
		if len(ep.queue) > 0 {
			j = ep.queue[0]
			ep.queue = slices.Delete(ep.queue, 0, 1)
		}
		h.mu.Unlock()
		if j == nil {
			select {
			case <-ep.wake:
				continue
			case <-h.stop:
				return
			}
		}
		a := h.attempt(j)
		h.mu.Lock()
		j.rec.Attempts = append(j.rec.Attempts, a)
		switch n := len(j.rec.Attempts); {
		case a.Error == "":
			h.done(j, "succeeded")
		case h.closed || n > len(h.schedule):
			h.done(j, "failed")
		default:
			h.retryLater(j, h.schedule[n-1])
		}
		h.mu.Unlock()
	}
}

// retryLater requeues j after d. The hub's lock is held.
func (h *hookHub) retryLater(j *job, d time.Duration) {
	var t *time.Timer
	t = time.AfterFunc(d, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		delete(h.timers, t)
		if h.closed {
			return
		}
		h.push(j)
	})
	h.timers[t] = struct{}{}
}

// attempt sends j once.
func (h *hookHub) attempt(j *job) Attempt {
	a := Attempt{At: time.Now()}
	hdr, err := j.ev.header(h.secret)
	if err != nil {
		a.Error = err.Error()
		return a
	}
	if j.ep.fn != nil {
		j.ep.fn(j.ev.id, hdr, bytes.Clone(j.ev.body))
		a.Status = http.StatusOK
		return a
	}
	ctx, cancel := context.WithTimeout(context.Background(), deliveryTimeout)
	defer cancel()
	go func() {
		select {
		case <-h.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, j.ep.url, bytes.NewReader(j.ev.body))
	if err != nil {
		a.Error = err.Error()
		return a
	}
	req.Header = hdr
	resp, err := h.client.Do(req)
	if err != nil {
		a.Error = err.Error()
		return a
	}
	_ = resp.Body.Close()
	a.Status = resp.StatusCode
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		a.Error = "receiver answered " + strconv.Itoa(resp.StatusCode)
	}
	return a
}

func (h *hookHub) flush(ctx context.Context) error {
	h.mu.Lock()
	idle := h.idle
	h.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (h *hookHub) deliveries() []Delivery {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]Delivery, len(h.log))
	for i, d := range h.log {
		out[i] = *d
		out[i].Attempts = slices.Clone(d.Attempts)
	}
	return out
}

// close stops the workers and abandons pending deliveries.
func (h *hookHub) close() {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return
	}
	h.closed = true
	close(h.stop)
	for t := range h.timers {
		t.Stop()
	}
	h.timers = nil
	h.mu.Unlock()
	h.workers.Wait()
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, ep := range h.endpoints {
		ep.queue = nil
	}
	for _, d := range h.log {
		if d.State == "pending" {
			d.State = "failed"
		}
	}
	if h.pending > 0 {
		h.pending = 0
		close(h.idle)
	}
	h.client.CloseIdleConnections()
}

// header signs ev with secret and returns the Svix headers.
func (ev event) header(secret string) (http.Header, error) {
	sig, err := webhooks.Sign(secret, ev.id, ev.ts, ev.body)
	if err != nil {
		return nil, err
	}
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("svix-id", ev.id)
	h.Set("svix-timestamp", strconv.FormatInt(ev.ts.Unix(), 10))
	h.Set("svix-signature", sig)
	return h, nil
}
