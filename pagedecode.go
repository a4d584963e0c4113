package clerk

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
)

// Large pages are decoded on several cores. encoding/json decodes on one
// goroutine; a page of 500 users is a megabyte of JSON, and decoding it is
// most of the time a list call takes. The elements of a bare array are
// independent values, so they are split apart with a quick scan and
// decoded in parallel chunks: the same work, and the same result as one
// json.Unmarshal of the array, in less wall time where cores are free.
const (
	// parallelPageBytes is the size from which a page is split; below it
	// the goroutines cost more than they save.
	parallelPageBytes = 64 << 10
	// maxDecodeWorkers bounds the goroutines one page uses.
	maxDecodeWorkers = 4
	// minItemsPerWorker keeps chunks large enough to be worth a goroutine.
	minItemsPerWorker = 8
)

// decodeArray decodes the JSON array b into a new slice, in parallel when
// it is large and more than one core is available.
func decodeArray[T any](b []byte) ([]T, error) {
	return decodeArrayWith[T](b, parallelPageBytes, min(runtime.GOMAXPROCS(0), maxDecodeWorkers), minItemsPerWorker)
}

// decodeArrayWith is decodeArray with the size threshold, the worker count
// and the smallest chunk as parameters, for tests.
func decodeArrayWith[T any](b []byte, threshold, workers, perWorker int) ([]T, error) {
	if len(b) < threshold || workers < 2 {
		var out []T
		return out, json.Unmarshal(b, &out)
	}
	elems, ok := splitArray(b)
	if !ok || len(elems) < 2*perWorker {
		// Malformed or small: let encoding/json decode it, and report any
		// error with its usual precision.
		var out []T
		return out, json.Unmarshal(b, &out)
	}
	workers = min(workers, len(elems)/perWorker)
	chunk := (len(elems) + workers - 1) / workers
	workers = (len(elems) + chunk - 1) / chunk // no empty chunk at the end
	parts := make([][]T, workers)
	errs := make([]error, workers)
	decode := func(w int) {
		lo, hi := w*chunk, min((w+1)*chunk, len(elems))
		// The chunk's elements are contiguous in b, commas included:
		// bracketed, they are an array of their own.
		body := subArray(b, elems[lo], elems[hi-1])
		if err := json.Unmarshal(body, &parts[w]); err != nil {
			errs[w] = fmt.Errorf("items %d to %d: %w", lo, hi-1, err)
		}
	}
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			decode(w)
		}()
	}
	// The calling goroutine decodes the first chunk itself: it is already
	// running, while a new goroutine may wait for an idle thread to wake.
	decode(0)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	out := make([]T, 0, len(elems))
	for _, part := range parts {
		out = append(out, part...)
	}
	return out, nil
}

// subArray returns the array text "[first ... last]": the elements from
// first to last as they stand in b, between brackets. first and last are
// subslices of b.
func subArray(b, first, last []byte) []byte {
	start := cap(b) - cap(first)
	end := cap(b) - cap(last) + len(last)
	out := make([]byte, 0, end-start+2)
	out = append(out, '[')
	out = append(out, b[start:end]...)
	return append(out, ']')
}

// splitArray returns the elements of the JSON array b (leading and
// trailing whitespace allowed), without validating them: each element is
// validated when it is decoded. It reports false when b is not an array it
// can split (unbalanced brackets, an unterminated string, text after the
// closing bracket), so the caller falls back to encoding/json.
func splitArray(b []byte) ([][]byte, bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return nil, false
	}
	i = skipSpace(b, i+1)
	elems := make([][]byte, 0, 64)
	if i < len(b) && b[i] == ']' {
		return elems, skipSpace(b, i+1) == len(b)
	}
	for {
		start := i
		end, ok := skipValue(b, i)
		if !ok || end == start {
			return nil, false
		}
		elems = append(elems, b[start:end])
		i = skipSpace(b, end)
		if i >= len(b) {
			return nil, false
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case ']':
			return elems, skipSpace(b, i+1) == len(b)
		default:
			return nil, false
		}
	}
}

// skipValue returns the index just past the JSON value that starts at i:
// a string, an object or array (brackets balanced, strings skipped), or a
// literal (up to the next delimiter).
func skipValue(b []byte, i int) (int, bool) {
	depth := 0
	for i < len(b) {
		switch c := b[i]; c {
		case '"':
			end, ok := skipString(b, i)
			if !ok {
				return 0, false
			}
			i = end
			if depth == 0 {
				return i, true
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i, true // the end of the enclosing array: a literal ended
			}
			depth--
			if depth == 0 {
				return i + 1, true
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return i, true
			}
		}
		i++
	}
	return i, depth == 0
}

// skipString returns the index just past the string that starts at b[i].
func skipString(b []byte, i int) (int, bool) {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1, true
		}
	}
	return 0, false
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}
