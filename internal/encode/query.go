package encode

import (
	"fmt"
	"net/url"

	"github.com/google/go-querystring/query"
)

// Query encodes q, which is nil, url.Values (or its map type), or a struct (or pointer to one)
// with `url` tags, and merges extra on top. It returns "" when there is
// nothing to send.
func Query(q any, extra url.Values) (string, error) {
	var vals url.Values
	switch v := q.(type) {
	case nil:
	case url.Values:
		vals = v
	case map[string][]string:
		vals = url.Values(v)
	default:
		enc, err := query.Values(q)
		if err != nil {
			return "", fmt.Errorf("query: %w", err)
		}
		vals = enc
	}
	if len(extra) > 0 {
		merged := make(url.Values, len(vals)+len(extra))
		for k, v := range vals {
			merged[k] = v
		}
		for k, v := range extra {
			merged[k] = append(merged[k], v...)
		}
		vals = merged
	}
	if len(vals) == 0 {
		return "", nil
	}
	return vals.Encode(), nil
}
