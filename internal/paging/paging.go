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

// Fetch loads one page for the given params.
type Fetch[P, T any] func(ctx context.Context, params *P) (*clerk.Page[T], error)

// All yields every item of a list, one request per page, starting from the
// offset in params. Each range over the sequence works on its own copy of
// *params (list returns the paging part of that copy, whose offset All
// moves between pages), so the sequence can be ranged over again, or by
// several goroutines at once, and the caller's params are never changed.
// It stops at the first error, which it yields once, and sends no further
// request once the caller stops ranging.
func All[P, T any](ctx context.Context, params *P, list func(*P) *clerk.ListParams, fetch Fetch[P, T]) iter.Seq2[T, error] {
	var start P
	if params != nil {
		start = *params
	}
	return func(yield func(T, error) bool) {
		p := start
		lp := list(&p)
		limit := lp.Limit.Or(DefaultPageSize)
		offset := lp.Offset.Or(0)
		lp.Limit = clerk.Int64(limit)
		for {
			lp.Offset = clerk.Int64(offset)
			page, err := fetch(ctx, &p)
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
func Once[T any](ctx context.Context, fetch func(ctx context.Context) (*clerk.Page[T], error)) iter.Seq2[T, error] {
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
