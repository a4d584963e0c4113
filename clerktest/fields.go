package clerktest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
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

// page reads limit (default 10, 1..max) and offset (default 0, >= 0).
func page(q url.Values, max int) (limit, offset int, err error) {
	limit, offset = 10, 0
	if s := q.Get("limit"); s != "" {
		n, perr := strconv.ParseFloat(s, 64)
		if perr != nil || n < 1 || n > float64(max) || n != float64(int(n)) {
			return 0, 0, invalidParam("limit", "limit must be an integer between 1 and "+strconv.Itoa(max)+".")
		}
		limit = int(n)
	}
	if s := q.Get("offset"); s != "" {
		n, perr := strconv.ParseFloat(s, 64)
		if perr != nil || n < 0 || n != float64(int(n)) {
			return 0, 0, invalidParam("offset", "offset must be a non-negative integer.")
		}
		offset = int(n)
	}
	return limit, offset, nil
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

// queryBool reads an optional boolean query parameter.
func queryBool(q url.Values, k string) (val, present bool, err error) {
	s := q.Get(k)
	if s == "" {
		return false, false, nil
	}
	b, perr := strconv.ParseBool(s)
	if perr != nil {
		return false, true, invalidParam(k, k+" must be true or false.")
	}
	return b, true, nil
}

// queryInt reads an optional integer query parameter.
func queryInt(q url.Values, k string) (val int64, present bool, err error) {
	s := q.Get(k)
	if s == "" {
		return 0, false, nil
	}
	n, perr := strconv.ParseInt(s, 10, 64)
	if perr != nil {
		return 0, true, invalidParam(k, k+" must be an integer.")
	}
	return n, true, nil
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
