package clerktest

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/clerkgo/clerk/webhooks"
)

// WebhookFunc receives a webhook delivery: the svix-id, the headers
// (svix-id, svix-timestamp, svix-signature, Content-Type) and the body.
type WebhookFunc func(id string, header http.Header, body []byte)

// event is a webhook waiting to be delivered once the handler returns.
type event struct {
	id   string
	typ  string
	ts   time.Time
	body []byte
}

// OnWebhook registers a URL that receives every later webhook as a signed
// POST, delivered asynchronously after the API response and retried on
// Svix's schedule when the receiver does not answer 2xx within 15 seconds.
// Flush waits for the deliveries; Deliveries lists them.
func (e *Emulator) OnWebhook(url string) { e.hooks.addEndpoint(&endpoint{url: url}) }

// OnWebhookFunc registers a callback that receives every later webhook, in
// order, asynchronously after the API response that caused it; a callback
// delivery always succeeds. Call Flush before looking at what it received.
func (e *Emulator) OnWebhookFunc(fn WebhookFunc) {
	if fn == nil {
		return
	}
	e.hooks.addEndpoint(&endpoint{fn: fn})
}

// Flush waits until every webhook delivery has succeeded or exhausted its
// retries, or until ctx ends (then it returns ctx's error). With Svix's
// real schedule a failing receiver keeps a delivery pending for more than
// a day: compress the schedule with WithWebhookRetrySchedule in tests.
func (e *Emulator) Flush(ctx context.Context) error { return e.hooks.flush(ctx) }

// Deliveries returns the webhook delivery log, oldest first: one entry per
// event and endpoint, with every attempt.
func (e *Emulator) Deliveries() []Delivery { return e.hooks.deliveries() }

// emit queues a webhook of type typ whose data is v, marshalled now so it
// reflects the state at the time of the mutation.
func (c *call) emit(typ string, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		return
	}
	c.events = append(c.events, c.e.newEvent(typ, data, c.r))
}

func (e *Emulator) newEvent(typ string, data []byte, r *http.Request) event {
	now := e.now()
	// The body is the webhooks package's event model; event_attributes
	// names the request that caused the event, empty for the Go API's.
	req := &webhooks.HTTPRequest{}
	env := webhooks.Event{Data: data, Object: "event", Type: typ, Timestamp: now.UnixMilli(), InstanceID: e.keys.instanceID,
		Attributes: &webhooks.EventAttributes{HTTPRequest: req}}
	if r != nil {
		host := r.RemoteAddr
		if i := strings.LastIndexByte(host, ':'); i > 0 {
			host = host[:i]
		}
		req.ClientIP, req.UserAgent = strings.Trim(host, "[]"), r.UserAgent()
	}
	body, _ := json.Marshal(env)
	return event{id: "msg_" + randomString(27), typ: typ, ts: now, body: body}
}
