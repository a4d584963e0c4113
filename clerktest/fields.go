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
// absent key and an explicit null.
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

func (f fields) isNull(k string) bool {
	v, ok := f[k]
	return ok && bytes.Equal(bytes.TrimSpace(v), []byte("null"))
}

func badType(k, want string) error {
	e := failParam(http.StatusUnprocessableEntity, "form_param_type_invalid", "is invalid", k)
	e.detail.LongMessage = "`" + k + "` must be " + want + "."
	return e
}

// str decodes a string or null. present is false when the key is absent;
// val is nil for null.
func (f fields) str(k string) (val *string, present bool, err error) {
	if !f.has(k) {
		return nil, false, nil
	}
	if f.isNull(k) {
		return nil, true, nil
	}
	var s string
	if json.Unmarshal(f[k], &s) != nil {
		return nil, true, badType(k, "a string")
	}
	return &s, true, nil
}

func (f fields) boolean(k string) (val *bool, present bool, err error) {
	if !f.has(k) {
		return nil, false, nil
	}
	if f.isNull(k) {
		return nil, true, nil
	}
	var b bool
	if json.Unmarshal(f[k], &b) != nil {
		return nil, true, badType(k, "a boolean")
	}
	return &b, true, nil
}

func (f fields) integer(k string) (val *int64, present bool, err error) {
	if !f.has(k) {
		return nil, false, nil
	}
	if f.isNull(k) {
		return nil, true, nil
	}
	var n int64
	if json.Unmarshal(f[k], &n) != nil {
		return nil, true, badType(k, "an integer")
	}
	return &n, true, nil
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

// object decodes a JSON object or null (nil map).
func (f fields) object(k string) (val map[string]any, present bool, err error) {
	if !f.has(k) {
		return nil, false, nil
	}
	if f.isNull(k) {
		return nil, true, nil
	}
	var m map[string]any
	if json.Unmarshal(f[k], &m) != nil {
		return nil, true, badType(k, "an object")
	}
	return m, true, nil
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
