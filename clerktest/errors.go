package clerktest

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/clerkgo/clerk"
)

// errorBody is Clerk's error envelope, its entries the root model's.
type errorBody struct {
	Errors  []clerk.ErrorDetail `json:"errors"`
	TraceID string              `json:"clerk_trace_id"`
}

// errMeta encodes an error's meta object.
func errMeta(m map[string]any) json.RawMessage { return json.RawMessage(metaJSON(m)) }

// apiError is a handler's failure: an HTTP status and one Clerk error,
// whose meta is {} when there is nothing to say, as Clerk sends it.
type apiError struct {
	status int
	detail clerk.ErrorDetail
}

func (e *apiError) Error() string { return e.detail.Code + ": " + e.detail.Message }

// fail builds an apiError.
func fail(status int, code, message, long string) *apiError {
	if long == "" {
		long = message
	}
	return &apiError{status: status, detail: clerk.ErrorDetail{Code: code, Message: message, LongMessage: long, Meta: json.RawMessage("{}")}}
}

// failParam builds an apiError whose meta names the offending parameter.
func failParam(status int, code, message, param string) *apiError {
	e := fail(status, code, message, "")
	e.detail.Meta = errMeta(map[string]any{"param_name": param})
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
