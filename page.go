package clerk

import (
	"bytes"
	"encoding/json"
	"errors"
)

// ListParams are the paging parameters every list endpoint accepts. The
// params types of list methods embed it.
type ListParams struct {
	// Limit is the page size (the API allows 1 to 500; it defaults to 10).
	Limit Opt[int64] `url:"limit,omitempty" json:"limit,omitzero"`
	// Offset skips that many results.
	Offset Opt[int64] `url:"offset,omitempty" json:"offset,omitzero"`
}

// Page is one page of a list endpoint. The API answers lists in two shapes,
// a bare array and an object with data and total_count; Page decodes both
// (and the few lists that name their array other than data, such as
// m2m_tokens).
type Page[T any] struct {
	// Data holds the items of this page.
	Data []T `json:"data"`
	// TotalCount is the number of items across all pages, for the endpoints
	// that report it (see HasTotalCount); it is zero for the others.
	TotalCount int64 `json:"total_count"`

	counted bool
}

// HasTotalCount reports whether the endpoint reported a total count.
func (p *Page[T]) HasTotalCount() bool { return p.counted }

// UnmarshalJSON decodes either a bare array or a {data, total_count} object.
func (p *Page[T]) UnmarshalJSON(b []byte) error {
	trimmed := bytes.TrimSpace(b)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		*p = Page[T]{}
		return json.Unmarshal(trimmed, &p.Data)
	}
	var w struct {
		Data       []T         `json:"data"`
		TotalCount *totalCount `json:"total_count"`
	}
	if err := json.Unmarshal(trimmed, &w); err != nil {
		return err
	}
	if w.Data == nil {
		data, err := otherArray[T](trimmed)
		if err != nil {
			return err
		}
		w.Data = data
	}
	*p = Page[T]{Data: w.Data}
	if w.TotalCount != nil {
		p.TotalCount, p.counted = int64(*w.TotalCount), true
	}
	return nil
}

// otherArray decodes the one array-valued member of a list object that
// does not call its array data.
func otherArray[T any](b []byte) ([]T, error) {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(b, &members); err != nil {
		return nil, err
	}
	var data []T
	for k, v := range members {
		if k == "total_count" || k == "data" {
			continue
		}
		if v = bytes.TrimSpace(v); len(v) > 0 && v[0] == '[' {
			if data != nil {
				return nil, errors.New("clerk: a list answer with more than one array")
			}
			if err := json.Unmarshal(v, &data); err != nil {
				return nil, err
			}
		}
	}
	return data, nil
}

// DeletedObject is the answer of delete endpoints.
type DeletedObject struct {
	// Object names the kind of the deleted resource.
	Object string `json:"object"`
	// ID is the deleted resource's ID, when it has one.
	ID *string `json:"id,omitempty"`
	// Slug is the deleted resource's slug, when it has one.
	Slug *string `json:"slug,omitempty"`
	// ExternalID is the deleted resource's external ID, when it has one.
	ExternalID *string `json:"external_id,omitempty"`
	// Deleted is true when the resource is gone.
	Deleted bool `json:"deleted"`
}
