// Package paging is the one iterator engine behind every All method: it
// walks a list endpoint page by page, lazily, for both list shapes the API
// uses (a bare array and {data, total_count}).
package paging

import (
	"context"
	"iter"

	"github.com/clerkgo/clerk"
)

// DefaultPageSize is the page size All asks for when the caller set none.
const DefaultPageSize = 100

// Fetch loads the page that params currently describe.
type Fetch[T any] func(ctx context.Context) (*clerk.Page[T], error)

// All yields every item of a list, one request per page, starting from the
// caller's offset. params is the paging part of the params that fetch
// sends; All moves its offset between pages and restores it when an
// iteration starts, so the sequence can be ranged over more than once. It
// stops at the first error, which it yields once, and sends no further
// request once the caller stops ranging.
func All[T any](ctx context.Context, params *clerk.ListParams, fetch Fetch[T]) iter.Seq2[T, error] {
	start := *params
	return func(yield func(T, error) bool) {
		*params = start
		limit := params.Limit.Or(DefaultPageSize)
		offset := params.Offset.Or(0)
		params.Limit = clerk.Int64(limit)
		for {
			params.Offset = clerk.Int64(offset)
			page, err := fetch(ctx)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, item := range page.Data {
				if !yield(item, nil) {
					return
				}
			}
			n := int64(len(page.Data))
			offset += n
			if n == 0 || n < limit || (page.HasTotalCount() && offset >= page.TotalCount) {
				return
			}
		}
	}
}

// Once yields the items of a list endpoint that has no paging parameters:
// one request, every item.
func Once[T any](ctx context.Context, fetch Fetch[T]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		page, err := fetch(ctx)
		if err != nil {
			var zero T
			yield(zero, err)
			return
		}
		for _, item := range page.Data {
			if !yield(item, nil) {
				return
			}
		}
	}
}
