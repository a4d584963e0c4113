package clerktest

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// FaultKind says what an injected fault does to a request.
type FaultKind int

const (
	// FaultStatus answers Status with a Clerk error before the handler
	// runs: nothing changes.
	FaultStatus FaultKind = iota + 1
	// FaultStatusAfterWrite runs the handler (its write happens), then
	// answers Status with a Clerk error: the case where a retry duplicates.
	FaultStatusAfterWrite
	// FaultReset resets the connection before the handler runs.
	FaultReset
	// FaultResetAfterWrite runs the handler, then resets the connection
	// instead of answering.
	FaultResetAfterWrite
	// FaultTruncate runs the handler and sends the response headers with
	// the full Content-Length but only half the body, then closes.
	FaultTruncate
	// FaultLatency delays the response by Latency.
	FaultLatency
)

var faultNames = map[FaultKind]string{
	FaultStatus: "status", FaultStatusAfterWrite: "status_after_write", FaultReset: "reset",
	FaultResetAfterWrite: "reset_after_write", FaultTruncate: "truncate", FaultLatency: "latency",
}

// String returns the kind's name as the control API spells it.
func (k FaultKind) String() string {
	if n, ok := faultNames[k]; ok {
		return n
	}
	return fmt.Sprintf("FaultKind(%d)", int(k))
}

// ParseFaultKind reads a kind's name as String writes it.
func ParseFaultKind(s string) (FaultKind, error) {
	for k, n := range faultNames {
		if n == s {
			return k, nil
		}
	}
	return 0, fmt.Errorf("clerktest: unknown fault kind %q", s)
}

// Fault is a failure injected into the requests that match a route.
type Fault struct {
	// Method matches the HTTP method; empty matches every method.
	Method string `json:"method,omitempty"`
	// Path matches the path below /v1, segment by segment: a segment
	// written {name} or * matches any one segment, and a final ** matches
	// the rest ("/users/{user_id}", "/organizations/**"). Empty matches
	// every path.
	Path string `json:"path,omitempty"`
	// Count is how many matching requests the fault affects; 0 affects
	// every matching request until ClearFaults.
	Count int `json:"count,omitempty"`
	// Kind says what the fault does.
	Kind FaultKind `json:"-"`
	// Status is the HTTP status of FaultStatus and FaultStatusAfterWrite.
	Status int `json:"status,omitempty"`
	// RetryAfter, when positive, adds a Retry-After header (whole seconds,
	// rounded up) to a status fault.
	RetryAfter time.Duration `json:"-"`
	// Latency is the delay of FaultLatency.
	Latency time.Duration `json:"-"`
}

func (f Fault) validate() error {
	if f.Count < 0 {
		return errors.New("clerktest: fault count must not be negative")
	}
	switch f.Kind {
	case FaultStatus, FaultStatusAfterWrite:
		if f.Status < 400 || f.Status > 599 {
			return fmt.Errorf("clerktest: fault status %d: want 400 to 599", f.Status)
		}
	case FaultLatency:
		if f.Latency <= 0 {
			return errors.New("clerktest: a latency fault needs a positive latency")
		}
	case FaultReset, FaultResetAfterWrite, FaultTruncate:
	default:
		return fmt.Errorf("clerktest: fault kind %d is not one of the Fault constants", int(f.Kind))
	}
	return nil
}

// matches reports whether the fault targets method and the unescaped
// segments of a path below /v1.
func (f Fault) matches(method string, segs []string) bool {
	if f.Method != "" && !strings.EqualFold(f.Method, method) {
		return false
	}
	if f.Path == "" {
		return true
	}
	pat := strings.Split(strings.Trim(f.Path, "/"), "/")
	for i, p := range pat {
		if p == "**" && i == len(pat)-1 {
			return true
		}
		if i >= len(segs) {
			return false
		}
		if p != "*" && !strings.HasPrefix(p, "{") && p != segs[i] {
			return false
		}
	}
	return len(pat) == len(segs)
}

// faultTable holds the injected faults; it has its own lock.
type faultTable struct {
	mu      sync.Mutex
	latency time.Duration // SetLatency, every request
	list    []*pendingFault
}

type pendingFault struct {
	Fault
	used int
}

// effect is what the faults do to one request.
type effect struct {
	latency time.Duration
	fault   *Fault // the status, reset or truncate fault, if any
}

func (t *faultTable) setGlobalLatency(d time.Duration) {
	t.mu.Lock()
	t.latency = d
	t.mu.Unlock()
}

func (t *faultTable) add(f Fault) {
	t.mu.Lock()
	t.list = append(t.list, &pendingFault{Fault: f})
	t.mu.Unlock()
}

func (t *faultTable) clear() {
	t.mu.Lock()
	t.list = nil
	t.mu.Unlock()
}

func (t *faultTable) snapshot() []Fault {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]Fault, 0, len(t.list))
	for _, p := range t.list {
		f := p.Fault
		if f.Count > 0 {
			f.Count -= p.used
		}
		out = append(out, f)
	}
	return out
}

// take consumes the faults that match a request: every matching latency
// fault adds up, and the first matching other fault applies.
func (t *faultTable) take(method string, segs []string) effect {
	t.mu.Lock()
	defer t.mu.Unlock()
	ef := effect{latency: t.latency}
	keep := t.list[:0]
	for _, p := range t.list {
		hit := p.matches(method, segs) && (p.Kind == FaultLatency || ef.fault == nil)
		if hit {
			p.used++
			if p.Kind == FaultLatency {
				ef.latency += p.Latency
			} else {
				f := p.Fault
				ef.fault = &f
			}
		}
		if p.Count == 0 || p.used < p.Count {
			keep = append(keep, p)
		}
	}
	clear(t.list[len(keep):])
	t.list = keep
	return ef
}

// InjectFault adds a fault; faults added earlier apply first.
func (e *Emulator) InjectFault(f Fault) error {
	if err := f.validate(); err != nil {
		return err
	}
	e.faults.add(f)
	return nil
}

// Faults returns the faults still pending, with their remaining counts.
func (e *Emulator) Faults() []Fault { return e.faults.snapshot() }

// ClearFaults removes every injected fault (not the SetLatency delay).
func (e *Emulator) ClearFaults() { e.faults.clear() }

// FailNext makes the next n requests, whatever their route, fail with
// status and a Clerk error, with a Retry-After header (in whole seconds,
// rounded up) when retryAfter is positive. It replaces the faults still
// pending.
func (e *Emulator) FailNext(n int, status int, retryAfter time.Duration) {
	e.faults.clear()
	if n <= 0 {
		return
	}
	e.faults.add(Fault{Count: n, Kind: FaultStatus, Status: status, RetryAfter: retryAfter})
}

func injectedError(status int) *apiError {
	switch {
	case status == http.StatusTooManyRequests:
		return fail(status, "too_many_requests", "Too many requests", "Too many requests, retry later (injected by clerktest).")
	case status >= 500:
		return fail(status, "internal_clerk_error", "Oops, an unexpected error occurred", "Injected server error (clerktest fault).")
	default:
		return fail(status, "injected_failure", "Injected failure", "Failure injected by clerktest.")
	}
}
