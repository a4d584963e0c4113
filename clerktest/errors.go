package clerktest

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strings"
)

// errorBody is Clerk's error envelope.
type errorBody struct {
	Errors  []errorDetail `json:"errors"`
	TraceID string        `json:"clerk_trace_id"`
}

// errorDetail is one entry of Clerk's errors array.
type errorDetail struct {
	Message     string         `json:"message"`
	LongMessage string         `json:"long_message"`
	Code        string         `json:"code"`
	Meta        map[string]any `json:"meta"` // {} when there is nothing to say, as Clerk sends it
}

// apiError is a handler's failure: an HTTP status and one Clerk error.
type apiError struct {
	status int
	detail errorDetail
}

func (e *apiError) Error() string { return e.detail.Code + ": " + e.detail.Message }

// fail builds an apiError.
func fail(status int, code, message, long string) *apiError {
	if long == "" {
		long = message
	}
	return &apiError{status: status, detail: errorDetail{Code: code, Message: message, LongMessage: long, Meta: map[string]any{}}}
}

// failParam builds an apiError whose meta names the offending parameter.
func failParam(status int, code, message, param string) *apiError {
	e := fail(status, code, message, "")
	e.detail.Meta = map[string]any{"param_name": param}
	return e
}

// invalidBody is the error for a body that is not a JSON object.
func invalidBody() *apiError {
	return fail(http.StatusBadRequest, "request_body_invalid", "Request body invalid",
		"The request body is invalid. Please consult the API documentation for more information.")
}

func notFound(what string) *apiError {
	return fail(http.StatusNotFound, "resource_not_found", "not found", what+" not found")
}

func invalidParam(param, long string) *apiError {
	e := failParam(http.StatusUnprocessableEntity, "form_param_value_invalid", "is invalid", param)
	e.detail.LongMessage = long
	return e
}

func missingParam(param string) *apiError {
	e := failParam(http.StatusUnprocessableEntity, "form_param_missing", "is missing", param)
	e.detail.LongMessage = param + " must be included."
	return e
}

// identifierExists is Clerk's answer for an identifier another user holds,
// worded as Clerk words it ("That email address is taken. Please try
// another.").
func identifierExists(param string) *apiError {
	e := failParam(http.StatusUnprocessableEntity, "form_identifier_exists",
		"That "+strings.ReplaceAll(param, "_", " ")+" is taken. Please try another.", param)
	return e
}

// newTraceID returns a random trace ID for an error body.
func newTraceID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// resourceParamNotFound is the error for a body parameter naming a
// resource that does not exist.
func resourceParamNotFound(param string) *apiError {
	e := failParam(http.StatusUnprocessableEntity, "form_resource_not_found", "is missing", param)
	e.detail.LongMessage = "The resource associated with the supplied " + param + " was not found."
	return e
}
