package clerk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
)

// optState says which of its three states an Opt is in.
type optState uint8

const (
	omitted optState = iota
	null
	present
)

// Opt is a field that may be omitted, explicitly null, or set to a value.
//
// API version 2025-11-10 gives null and an absent field different meanings:
// null says "this does not exist" (or "clear it" in a request), absent says
// nothing at all. The zero Opt is omitted. In request params every Opt field
// is tagged `json:",omitzero"`, so an omitted Opt never reaches the wire.
type Opt[T any] struct {
	value T
	state optState
}

// Value returns an Opt holding v.
func Value[T any](v T) Opt[T] { return Opt[T]{value: v, state: present} }

// FromPointer turns an answer's *T field into a request field in one
// expression: nil (the API sent null) becomes Null, anything else its value.
// It is how a value read from a model is copied into params:
//
//	users.UpdateParams{FirstName: clerk.FromPointer(u.FirstName)}
func FromPointer[T any](p *T) Opt[T] {
	if p == nil {
		return Null[T]()
	}
	return Value(*p)
}

// Null returns an Opt that is explicitly null.
func Null[T any]() Opt[T] { return Opt[T]{state: null} }

// String returns an Opt holding s.
func String(s string) Opt[string] { return Value(s) }

// Bool returns an Opt holding b.
func Bool(b bool) Opt[bool] { return Value(b) }

// Int64 returns an Opt holding n.
func Int64(n int64) Opt[int64] { return Value(n) }

// Float64 returns an Opt holding f.
func Float64(f float64) Opt[float64] { return Value(f) }

// Get returns the value and true when the Opt holds one.
func (o Opt[T]) Get() (T, bool) { return o.value, o.state == present }

// Or returns the value when the Opt holds one, and def otherwise.
func (o Opt[T]) Or(def T) T {
	if o.state == present {
		return o.value
	}
	return def
}

// IsNull reports whether the Opt is explicitly null.
func (o Opt[T]) IsNull() bool { return o.state == null }

// IsOmitted reports whether the Opt is neither null nor set.
func (o Opt[T]) IsOmitted() bool { return o.state == omitted }

// IsSet reports whether the Opt holds a value.
func (o Opt[T]) IsSet() bool { return o.state == present }

// IsZero reports whether the Opt is omitted; encoding/json's omitzero and
// go-querystring's omitempty use it to leave the field out.
func (o Opt[T]) IsZero() bool { return o.state == omitted }

// MarshalJSON writes the value or null. Marshalling an omitted Opt is an
// error: it means the field lacks its omitzero tag, and sending null instead
// would silently clear data on the server.
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	switch o.state {
	case present:
		return json.Marshal(o.value)
	case null:
		return []byte("null"), nil
	}
	return nil, fmt.Errorf("clerk: an omitted Opt[%T] was marshalled; the field needs `json:\",omitzero\"`", o.value)
}

// UnmarshalJSON reads null as null and anything else as a value. A field
// absent from the JSON leaves the Opt omitted. Plain strings, integers and
// booleans, the bulk of a model's optional fields, are read directly; other
// values go through encoding/json.
func (o *Opt[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		var zero T
		*o = Opt[T]{value: zero, state: null}
		return nil
	}
	var zero T
	o.value = zero
	if decodeScalar(b, &o.value) {
		o.state = present
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*o = Opt[T]{value: v, state: present}
	return nil
}

// parseInt64 parses a JSON integer literal of at most 18 digits (every
// Unix millisecond timestamp and count the API sends) without allocating;
// longer or other literals report false and are left to encoding/json.
func parseInt64(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 || (b[0] == '0' && len(b) > 1) {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// decodeScalar decodes b into *dst without encoding/json when dst is a
// string, int64 or bool and b is a literal of that kind, with the
// generated decoders' scanner (fastdecode.go); it reports whether it did.
// Anything else (other types, exponents, numbers past 18 digits, a type
// mismatch) is left to encoding/json, which also produces the errors.
func decodeScalar[T any](b []byte, dst *T) bool {
	d := decoder{data: b}
	switch p := any(dst).(type) {
	case *string:
		s, ok := d.str()
		if ok = ok && d.end(); ok {
			*p = s
		}
		return ok
	case *int64:
		n, ok := d.int64()
		if ok = ok && d.end(); ok {
			*p = n
		}
		return ok
	case *bool:
		v, ok := d.bool()
		if ok = ok && d.end(); ok {
			*p = v
		}
		return ok
	}
	return false
}

// EncodeValues adds the Opt to a query string. An omitted Opt adds nothing;
// null cannot be said in a query string, so it is an error (Client.Do reports
// it as ErrInvalidParams before any I/O).
func (o Opt[T]) EncodeValues(key string, v *url.Values) error {
	switch o.state {
	case present:
		v.Add(key, fmt.Sprint(o.value))
	case null:
		return fmt.Errorf("query parameter %s cannot be null", key)
	}
	return nil
}
