package paging_test

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"sync"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/internal/paging"
)

// server serves n items in pages, as a bare array or with a total count.
type server struct {
	n       int
	counted bool
	failAt  int

	mu    sync.Mutex
	calls int
}

// listParams stands for a generated list params type: filters plus the
// embedded paging part.
type listParams struct {
	Query string
	clerk.ListParams
}

func paged(p *listParams) *clerk.ListParams { return &p.ListParams }

// all ranges over the server's items with the given params.
func (s *server) all(p *clerk.ListParams) iter.Seq2[int, error] {
	var lp *listParams
	if p != nil {
		lp = &listParams{ListParams: *p}
	}
	return paging.All(context.Background(), lp, paged, s.fetch)
}

func (s *server) fetch(ctx context.Context, lp *listParams) (*clerk.Page[int], error) {
	s.mu.Lock()
	s.calls++
	calls := s.calls
	s.mu.Unlock()
	if s.failAt > 0 && calls == s.failAt {
		return nil, errors.New("boom")
	}
	limit, offset := lp.Limit.Or(10), lp.Offset.Or(0)
	page := &clerk.Page[int]{}
	for i := offset; i < offset+limit && i < int64(s.n); i++ {
		page.Data = append(page.Data, int(i))
	}
	if s.counted {
		// Round-trip through JSON so HasTotalCount is set as in real use.
		b, _ := json.Marshal(map[string]any{"data": page.Data, "total_count": s.n})
		_ = page.UnmarshalJSON(b)
	}
	return page, nil
}

func TestAllWalksEveryPage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		n         int
		limit     int64
		counted   bool
		wantCalls int
	}{
		{"bare, partial last page", 25, 10, false, 3},
		{"bare, full last page needs one empty page", 20, 10, false, 3},
		{"counted, full last page stops on the total", 20, 10, true, 2},
		{"counted, empty", 0, 10, true, 1},
		{"default page size", 150, 0, false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := &server{n: tt.n, counted: tt.counted}
			p := &clerk.ListParams{}
			if tt.limit > 0 {
				p.Limit = clerk.Int64(tt.limit)
			}
			var got []int
			for v, err := range s.all(p) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, v)
			}
			if len(got) != tt.n || s.calls != tt.wantCalls {
				t.Fatalf("got %d items in %d calls, want %d in %d", len(got), s.calls, tt.n, tt.wantCalls)
			}
			for i, v := range got {
				if v != i {
					t.Fatalf("item %d = %d", i, v)
				}
			}
		})
	}
}

func TestAllStopsOnBreakWithoutAnotherRequest(t *testing.T) {
	t.Parallel()
	s := &server{n: 100}
	p := &clerk.ListParams{Limit: clerk.Int64(10)}
	n := 0
	for _, err := range s.all(p) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n == 10 {
			break
		}
	}
	if s.calls != 1 {
		t.Fatalf("calls = %d after breaking inside the first page", s.calls)
	}
}

func TestAllYieldsTheErrorOnce(t *testing.T) {
	t.Parallel()
	s := &server{n: 100, failAt: 2}
	p := &clerk.ListParams{Limit: clerk.Int64(10)}
	items, errs := 0, 0
	for _, err := range s.all(p) {
		if err != nil {
			errs++
			continue
		}
		items++
	}
	if items != 10 || errs != 1 || s.calls != 2 {
		t.Fatalf("items=%d errs=%d calls=%d", items, errs, s.calls)
	}
}

func TestAllCanBeRangedTwiceFromTheCallersOffset(t *testing.T) {
	t.Parallel()
	s := &server{n: 30}
	p := &clerk.ListParams{Limit: clerk.Int64(10), Offset: clerk.Int64(5)}
	seq := s.all(p)
	for round := 0; round < 2; round++ {
		count := 0
		for _, err := range seq {
			if err != nil {
				t.Fatal(err)
			}
			count++
		}
		if count != 25 {
			t.Fatalf("round %d: %d items, want 25", round, count)
		}
	}
}

func TestOnceYieldsOnePage(t *testing.T) {
	t.Parallel()
	calls := 0
	seq := paging.Once(context.Background(), func(ctx context.Context) (*clerk.Page[int], error) {
		calls++
		return &clerk.Page[int]{Data: []int{1, 2, 3}}, nil
	})
	sum := 0
	for v, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		sum += v
	}
	if sum != 6 || calls != 1 {
		t.Fatalf("sum=%d calls=%d", sum, calls)
	}
}

// Two goroutines ranging over one sequence each see every item once: every
// range pages with its own copy of the params (this raced when the engine
// moved the offset in the params it was given).
func TestAllRangedFromTwoGoroutinesAtOnce(t *testing.T) {
	t.Parallel()
	s := &server{n: 95}
	caller := &listParams{Query: "q", ListParams: clerk.ListParams{Limit: clerk.Int64(10)}}
	seq := paging.All(context.Background(), caller, paged, s.fetch)
	var wg sync.WaitGroup
	counts := make([]int, 2)
	for g := range counts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen := map[int]bool{}
			for v, err := range seq {
				if err != nil || seen[v] {
					t.Errorf("goroutine %d: item %d again or error %v", g, v, err)
					return
				}
				seen[v] = true
			}
			counts[g] = len(seen)
		}()
	}
	wg.Wait()
	if counts[0] != 95 || counts[1] != 95 {
		t.Fatalf("items seen: %v, want 95 each", counts)
	}
	if caller.Offset.IsOmitted() != true || caller.Limit.Or(0) != 10 {
		t.Fatalf("the caller's params changed: %+v", caller.ListParams)
	}
}
