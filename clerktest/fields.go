package clerktest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
)

// fields is a decoded JSON object body that keeps the difference between an
// absent key and an explicit null. Handlers decode bodies into the SDK's
// params types (decode); fields serves what those cannot say: the keys of a
// bulk item before it is decoded, whether a required integer was sent at
// all (a machine secret's previous_token_ttl), and an open object (an actor
// token's actor).
type fields map[string]json.RawMessage

func parseFields(body []byte) (fields, error) {
	f := fields{}
	if len(bytes.TrimSpace(body)) == 0 {
		return f, nil
	}
	if err := json.Unmarshal(body, &f); err != nil || f == nil {
		return nil, invalidBody()
	}
	return f, nil
}

// raw is the object encoded again, to decode into a params type.
func (f fields) raw() []byte {
	b, _ := json.Marshal(map[string]json.RawMessage(f))
	return b
}

func (f fields) has(k string) bool { _, ok := f[k]; return ok }

func badType(k, want string) error {
	e := failParam(http.StatusUnprocessableEntity, "form_param_type_invalid", "is invalid", k)
	e.detail.LongMessage = "`" + k + "` must be " + want + "."
	return e
}

// parseDateTime reads the RFC 3339 date-time v of parameter k as Unix
// milliseconds; another format is a 422 naming k.
func parseDateTime(k, v string) (*int64, error) {
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return nil, invalidParam(k, k+" must be an RFC 3339 date-time.")
	}
	return ptr(t.UnixMilli()), nil
}

// window returns the slice bounds of one page over n items.
func window(n, limit, offset int) (int, int) {
	if offset > n {
		offset = n
	}
	end := offset + limit
	if end > n {
		end = n
	}
	return offset, end
}

// queryList reads a repeated query parameter, also accepting the
// bracketed form name[]=.
func queryList(q url.Values, k string) []string {
	return append(append([]string(nil), q[k]...), q[k+"[]"]...)
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

// lower is strings.ToLower, for index keys.
func lower(s string) string { return strings.ToLower(s) }

// orNull is o, or null when the request left it out: an optional field
// the caller did not set answers null.
func orNull[T any](o clerk.Opt[T]) clerk.Opt[T] {
	if o.IsOmitted() {
		return clerk.Null[T]()
	}
	return o
}
