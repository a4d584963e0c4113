package clerk

import (
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

// Page is one page of a list endpoint. The API lays list answers out in
// one of a few shapes (see PageShape); each generated List method knows
// its endpoint's shape from the spec and decodes that shape only.
type Page[T any] struct {
	// Data holds the items of this page.
	Data []T `json:"data"`
	// TotalCount is the number of items across all pages, for the endpoints
	// that report it; it is 0 for the others, which HasTotalCount tells
	// apart from an empty list. Bare-array lists (users.List among them)
	// have no count: the API counts those with a separate call, such as
	// users.Service.Count.
	TotalCount int64 `json:"total_count"`

	shape   PageShape
	counted bool
}

// PageShape is how a list endpoint lays out one page of its answer: the
// name of the object member holding the items, beside a total_count, or
// ArrayPage for a bare JSON array. The generated List methods pass the
// shape the spec declares; NewPage gives a Page for Client.Do.
type PageShape string

const (
	// DataPage is {"data": [...], "total_count": n}, the shape of most
	// lists and the one a zero Page decodes.
	DataPage PageShape = "data"
	// ArrayPage is a bare JSON array of items, with no count.
	ArrayPage PageShape = "[]"
)

// NewPage returns an empty Page that decodes answers of the given shape,
// for calling a list endpoint through Client.Do. A zero Page decodes
// DataPage answers.
func NewPage[T any](shape PageShape) *Page[T] { return &Page[T]{shape: shape} }

// member is the object member holding the items.
func (s PageShape) member() string {
	if s == "" {
		return string(DataPage)
	}
	return string(s)
}

// HasTotalCount reports whether the endpoint reported a total count.
func (p *Page[T]) HasTotalCount() bool { return p.counted }

// UnmarshalJSON decodes an answer of the page's shape (DataPage for a zero
// Page).
func (p *Page[T]) UnmarshalJSON(b []byte) error { return p.decodeAnswer(b) }

// decodeAnswer decodes a list answer of the page's shape in one pass over
// the body, with the generated decoders when the item type has one, else
// with encoding/json. Client.Do calls it directly instead of
// json.Unmarshal, which would validate the body once more before calling
// UnmarshalJSON.
func (p *Page[T]) decodeAnswer(b []byte) error {
	shape := p.shape
	*p = Page[T]{shape: shape}
	if shape == ArrayPage {
		if data, ok := fastArray[T](b); ok {
			p.Data = data
			return nil
		}
		data, err := decodeArray[T](b)
		p.Data = data
		return err
	}
	member := shape.member()
	if fastPage(b, member, p) {
		return nil
	}
	*p = Page[T]{shape: shape}
	return p.decodeObject(b, member)
}

// decodeObject decodes the object shape with encoding/json: the items in
// member, the count in total_count. An answer without the member is an
// error; a null one is an empty page.
func (p *Page[T]) decodeObject(b []byte, member string) error {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(b, &members); err != nil {
		return err
	}
	items, ok := members[member]
	if !ok {
		return fmt.Errorf("clerk: the list answer has no %q member", member)
	}
	data, err := decodeArray[T](items)
	if err != nil {
		return err
	}
	p.Data = data
	if raw, ok := members["total_count"]; ok {
		var n *totalCount
		if err := json.Unmarshal(raw, &n); err != nil {
			return err
		}
		if n != nil {
			p.TotalCount, p.counted = int64(*n), true
		}
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
