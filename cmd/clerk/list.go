package main

import (
	"context"
	"flag"
	"fmt"
	"iter"

	"github.com/clerkgo/clerk"
)

// paging holds the --limit, --offset and --all flags every list command has.
type paging struct {
	limit, offset *int64
	all           *bool
}

func addPaging(fs *flag.FlagSet, noun string) paging {
	return paging{
		limit:  fs.Int64("limit", 20, "page size (1-500)"),
		offset: fs.Int64("offset", 0, "number of "+noun+" to skip"),
		all:    fs.Bool("all", false, "fetch every page"),
	}
}

// check refuses out-of-range values before any request.
func (p paging) check() error {
	if *p.limit < 1 || *p.limit > 500 {
		return usagef("--limit %d: want 1 to 500", *p.limit)
	}
	if *p.offset < 0 {
		return usagef("--offset %d: want 0 or more", *p.offset)
	}
	return nil
}

// fetch fills lp and returns one page, or every page with --all. When a
// single page may not be the last, a hint (printed on stderr after the
// output) says how to get more.
func fetch[T any](a *app, p paging, lp *clerk.ListParams,
	one func(context.Context) (*clerk.Page[T], error), all func(context.Context) iter.Seq2[T, error]) ([]T, error) {
	if *p.offset > 0 {
		lp.Offset = clerk.Int64(*p.offset)
	}
	if *p.all {
		lp.Limit = clerk.Int64(100)
		var out []T
		for v, err := range all(a.ctx) {
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
	lp.Limit = clerk.Int64(*p.limit)
	page, err := one(a.ctx)
	if err != nil {
		return nil, err
	}
	n := int64(len(page.Data))
	more := n == *p.limit
	if page.HasTotalCount() {
		more = page.TotalCount > *p.offset+n
	}
	if more {
		next := *p.offset + n
		if page.HasTotalCount() {
			a.hint = fmt.Sprintf("Showing %d-%d of %d: --offset %d for the next page, or --all.", *p.offset+1, next, page.TotalCount, next)
		} else {
			a.hint = fmt.Sprintf("There may be more: --offset %d for the next page, or --all.", next)
		}
	}
	return page.Data, nil
}
