package clerk

import (
	"bytes"
	"encoding/json"
	"errors"
)

// JSON is a free-form JSON value of an answer, such as a user's public,
// private and unsafe metadata or a JWT template's claims, kept exactly as
// the API sent it: numbers keep their precision, keys their order, and
// nothing is decoded until the caller asks. It tells the three states of
// an optional, nullable field apart by itself: nil when the field was
// absent, the literal null when it was null, the value otherwise.
//
// Decode it into the caller's own type:
//
//	var meta struct{ Plan string `json:"plan"` }
//	err := u.PublicMetadata.Decode(&meta)
type JSON []byte

// MarshalJSON writes the value as it was received; an absent value is
// written as null.
func (j JSON) MarshalJSON() ([]byte, error) {
	if len(j) == 0 {
		return []byte("null"), nil
	}
	return j, nil
}

// UnmarshalJSON keeps a copy of the value's bytes.
func (j *JSON) UnmarshalJSON(b []byte) error {
	if j == nil {
		return errors.New("clerk: JSON.UnmarshalJSON on a nil pointer")
	}
	*j = append((*j)[:0], b...)
	return nil
}

// IsAbsent reports whether the field was left out of the answer.
func (j JSON) IsAbsent() bool { return len(j) == 0 }

// IsNull reports whether the field was the JSON literal null.
func (j JSON) IsNull() bool { return string(bytes.TrimSpace(j)) == "null" }

// Decode decodes the value into v, as json.Unmarshal does. An absent or
// null value leaves v unchanged.
func (j JSON) Decode(v any) error {
	if j.IsAbsent() || j.IsNull() {
		return nil
	}
	return json.Unmarshal(j, v)
}

// Map decodes an object into a map (numbers become float64, as
// encoding/json makes them). An absent or null value is a nil map.
func (j JSON) Map() (map[string]any, error) {
	var m map[string]any
	err := j.Decode(&m)
	return m, err
}

// String returns the JSON text ("" when absent).
func (j JSON) String() string { return string(j) }
