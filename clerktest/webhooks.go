package clerktest

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
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
	ts   time.Time
	body []byte
}

// envelope is the JSON body of a webhook.
type envelope struct {
	Data            json.RawMessage `json:"data"`
	Object          string          `json:"object"`
	Type            string          `json:"type"`
	Timestamp       int64           `json:"timestamp"`
	InstanceID      string          `json:"instance_id"`
	EventAttributes eventAttributes `json:"event_attributes"`
}

type eventAttributes struct {
	HTTPRequest struct {
		ClientIP  string `json:"client_ip"`
		UserAgent string `json:"user_agent"`
	} `json:"http_request"`
}

// OnWebhook registers a URL that receives every later webhook as a signed
// POST. Deliveries happen before the API response that caused them is sent;
// a failing receiver does not fail the API call.
func (e *Emulator) OnWebhook(url string) {
	e.mu.Lock()
	e.hookURLs = append(e.hookURLs, url)
	e.mu.Unlock()
}

// OnWebhookFunc registers a callback that receives every later webhook,
// called before the API response that caused it is sent.
func (e *Emulator) OnWebhookFunc(fn WebhookFunc) {
	if fn == nil {
		return
	}
	e.mu.Lock()
	e.hookFns = append(e.hookFns, fn)
	e.mu.Unlock()
}

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
	env := envelope{Data: data, Object: "event", Type: typ, Timestamp: now.UnixMilli(), InstanceID: e.instanceID}
	if r != nil {
		host := r.RemoteAddr
		if i := strings.LastIndexByte(host, ':'); i > 0 {
			host = host[:i]
		}
		env.EventAttributes.HTTPRequest.ClientIP = strings.Trim(host, "[]")
		env.EventAttributes.HTTPRequest.UserAgent = r.UserAgent()
	}
	body, _ := json.Marshal(env)
	return event{id: "msg_" + randomString(27), ts: now, body: body}
}

// deliver sends events to every registered URL and callback, in order.
func (e *Emulator) deliver(events []event) {
	if len(events) == 0 {
		return
	}
	e.mu.Lock()
	urls := append([]string(nil), e.hookURLs...)
	fns := append([]WebhookFunc(nil), e.hookFns...)
	e.mu.Unlock()
	if len(urls) == 0 && len(fns) == 0 {
		return
	}
	for _, ev := range events {
		sig, err := webhooks.Sign(e.webhookSecret, ev.id, ev.ts, ev.body)
		if err != nil {
			continue
		}
		h := http.Header{}
		h.Set("Content-Type", "application/json")
		h.Set("svix-id", ev.id)
		h.Set("svix-timestamp", strconv.FormatInt(ev.ts.Unix(), 10))
		h.Set("svix-signature", sig)
		for _, fn := range fns {
			fn(ev.id, h.Clone(), bytes.Clone(ev.body))
		}
		for _, u := range urls {
			e.post(u, h, ev.body)
		}
	}
}

func (e *Emulator) post(url string, h http.Header, body []byte) {
	ctx, cancel := context.WithTimeout(context.Background(), e.hookClient.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return
	}
	req.Header = h.Clone()
	resp, err := e.hookClient.Do(req)
	if err != nil {
		return
	}
	_ = resp.Body.Close()
}
