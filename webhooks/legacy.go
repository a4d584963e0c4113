package webhooks

import (
	"bytes"
	"encoding/json"
)

// renameKeys returns data (a JSON object) with the top-level keys named in
// names (old -> current) renamed, so payloads that still use an older name
// decode into the current field. When both names are present the current one
// wins. Data without any old key is returned unchanged, without copying.
func renameKeys(data []byte, names map[string]string) ([]byte, error) {
	found := false
	for old := range names {
		if bytes.Contains(data, []byte(`"`+old+`"`)) {
			found = true
			break
		}
	}
	if !found {
		return data, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil || fields == nil {
		// Not an object (or null): the caller's decoder reports the precise error.
		return data, nil
	}
	for old, current := range names {
		v, ok := fields[old]
		if !ok {
			continue
		}
		if _, has := fields[current]; !has {
			fields[current] = v
		}
		delete(fields, old)
	}
	return json.Marshal(fields)
}
