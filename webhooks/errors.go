package webhooks

import "errors"

// Sentinel errors returned (wrapped) by the verifier; test them with errors.Is.
var (
	// ErrInvalidSecret means the signing secret is empty or not valid base64.
	ErrInvalidSecret = errors.New("webhooks: invalid signing secret")
	// ErrInvalidOption means an option was given a value out of range.
	ErrInvalidOption = errors.New("webhooks: invalid option")
	// ErrMissingHeaders means one or more of the svix-id, svix-timestamp and
	// svix-signature headers is absent or blank; the error names which.
	ErrMissingHeaders = errors.New("webhooks: missing required headers")
	// ErrInvalidTimestamp means svix-timestamp is not an integer number of seconds.
	ErrInvalidTimestamp = errors.New("webhooks: invalid timestamp")
	// ErrTimestampTooOld means the delivery is older than the tolerance allows.
	ErrTimestampTooOld = errors.New("webhooks: timestamp too old")
	// ErrTimestampTooNew means the delivery is dated further in the future than the tolerance allows.
	ErrTimestampTooNew = errors.New("webhooks: timestamp too new")
	// ErrNoMatchingSignature means no v1 signature in svix-signature matches the payload.
	ErrNoMatchingSignature = errors.New("webhooks: no matching signature")
	// ErrBodyTooLarge means the request body exceeds the configured maximum size.
	ErrBodyTooLarge = errors.New("webhooks: body too large")
	// ErrInvalidPayload means a verified body is not a well-formed event.
	ErrInvalidPayload = errors.New("webhooks: invalid event payload")
	// ErrEventType means a typed accessor was called on an event of another type.
	ErrEventType = errors.New("webhooks: unexpected event type")
)
