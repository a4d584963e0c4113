package webhooks

import (
	"encoding/json"
	"fmt"
)

// Event is one verified webhook delivery. Data holds the payload as sent;
// Decode, or the typed accessor named after the event type (e.g.
// UserCreated), turns it into a Go value.
type Event struct {
	// ID is the delivery's svix-id header: the same for every retry of one
	// delivery, so it is the key for de-duplication. Parse leaves it empty.
	ID string `json:"-"`
	// Type is the event type, e.g. "user.created" (see the constants).
	Type string `json:"type"`
	// Object is always "event".
	Object string `json:"object"`
	// Data is the raw payload, whose shape depends on Type.
	Data json.RawMessage `json:"data"`
	// Timestamp is the event's creation time as Clerk sends it, a Unix time
	// (milliseconds in live deliveries).
	Timestamp int64 `json:"timestamp"`
	// InstanceID is the Clerk instance that produced the event.
	InstanceID string `json:"instance_id"`
	// Attributes describes the request that caused the event, when known.
	Attributes *EventAttributes `json:"event_attributes,omitempty"`
}

// EventAttributes is context Clerk attaches to an event.
type EventAttributes struct {
	// HTTPRequest is the end-user request that triggered the event.
	HTTPRequest *HTTPRequest `json:"http_request,omitempty"`
}

// HTTPRequest identifies the client whose request triggered an event.
type HTTPRequest struct {
	// ClientIP is the client's IP address.
	ClientIP string `json:"client_ip,omitempty"`
	// UserAgent is the client's User-Agent header.
	UserAgent string `json:"user_agent,omitempty"`
}

// Parse decodes a webhook body into an Event without verifying it. Verify
// first (or use VerifyRequest); Parse is for bodies already trusted, such as
// test fixtures. A body that is not a JSON object with a "type" is an error
// wrapping ErrInvalidPayload; an unknown type is not an error.
func Parse(body []byte) (*Event, error) {
	var e Event
	if err := json.Unmarshal(body, &e); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidPayload, err)
	}
	if e.Type == "" {
		return nil, fmt.Errorf("%w: no event type", ErrInvalidPayload)
	}
	return &e, nil
}

// Decode returns the typed payload of the event: a pointer to the struct the
// event type carries (e.g. *User for user.created). For a type this version
// of the package does not know, it returns the raw Data as json.RawMessage
// and no error, so new Clerk events never break a receiver.
func (e *Event) Decode() (any, error) {
	v := newPayload(e.Type)
	if v == nil {
		return e.Data, nil
	}
	if err := json.Unmarshal(e.Data, v); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrInvalidPayload, e.Type, err)
	}
	return v, nil
}

// decodeAs unmarshals the data of an event of type want into a new T.
func decodeAs[T any](e *Event, want string) (*T, error) {
	if e.Type != want {
		return nil, fmt.Errorf("%w: %s is not %s", ErrEventType, e.Type, want)
	}
	v := new(T)
	if err := json.Unmarshal(e.Data, v); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrInvalidPayload, e.Type, err)
	}
	return v, nil
}
