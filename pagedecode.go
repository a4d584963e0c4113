package clerk

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
)

// Large pages that the generated decoders give up on (fastdecode.go) are
// decoded by encoding/json on several cores. encoding/json decodes on one
// goroutine; a page of 500 users is a megabyte of JSON. The elements of a
// bare array are independent values, so they are split apart with a scan
// and decoded in parallel chunks: the same work, and the same result as
// one json.Unmarshal of the array, in less wall time where cores are free.
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
// trailing whitespace allowed), each checked to be well-formed JSON by the
// generated decoders' scanner. It reports false when b is not such an
// array, so the caller falls back to encoding/json and its precise errors.
func splitArray(b []byte) ([][]byte, bool) {
	d := decoder{data: b}
	elems := make([][]byte, 0, 64)
	for i := 0; d.element(i); i++ {
		d.ws()
		start := d.pos
		if !d.skipValue() {
			return nil, false
		}
		elems = append(elems, b[start:d.pos])
	}
	return elems, d.end()
}
