package clerk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
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
func (p *Page[T]) UnmarshalJSON(b []byte) error { return p.decodeAnswer(b) }

// pageObject is the object shape of a list answer. The M2M token list names
// its array m2m_tokens; every other list calls it data.
type pageObject[T any] struct {
	Data       []T         `json:"data"`
	M2MTokens  []T         `json:"m2m_tokens"`
	TotalCount *totalCount `json:"total_count"`
}

// decodeAnswer decodes a list answer in one pass over the body, with the
// generated decoders when the item type has one, else with encoding/json:
// Client.Do calls it directly instead of json.Unmarshal, which would
// validate the body once more before calling UnmarshalJSON.
func (p *Page[T]) decodeAnswer(b []byte) error {
	*p = Page[T]{}
	if isArrayText(b) {
		if data, ok := fastArray[T](b); ok {
			p.Data = data
			return nil
		}
	} else if fastPage(b, p) {
		return nil
	}
	*p = Page[T]{}
	return p.decodeWithJSON(b)
}

// isArrayText reports whether b's first non-space byte opens an array.
func isArrayText(b []byte) bool {
	d := decoder{data: b}
	return d.ws() == '['
}

// decodeWithJSON decodes either shape with encoding/json into the zero
// Page p.
func (p *Page[T]) decodeWithJSON(b []byte) error {
	if isArrayText(b) {
		data, err := decodeArray[T](b)
		p.Data = data
		return err
	}
	var w pageObject[T]
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	p.Data = w.Data
	if p.Data == nil {
		p.Data = w.M2MTokens
	}
	if p.Data == nil {
		data, err := otherArray[T](b)
		if err != nil {
			return err
		}
		p.Data = data
	}
	if w.TotalCount != nil {
		p.TotalCount, p.counted = int64(*w.TotalCount), true
	}
	return nil
}

// totalCount decodes a list's total_count. Two lists declare it a JSON
// number rather than an integer, so a whole number in any notation (3,
// 3.0, 3e0) is accepted; a fraction or a value outside int64 is an error
// that names the field.
type totalCount int64

// UnmarshalJSON implements the rule above; null leaves the count unset.
func (n *totalCount) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		return nil
	}
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		*n = totalCount(v)
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil && !errors.Is(err, strconv.ErrRange):
		return fmt.Errorf("clerk: total_count: %.40q is not a number", s)
	case err != nil || f < math.MinInt64 || f >= math.MaxInt64:
		return fmt.Errorf("clerk: total_count: %.40s is out of range", s)
	case f != math.Trunc(f):
		return fmt.Errorf("clerk: total_count: %.40s is not a whole number", s)
	}
	*n = totalCount(f)
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
