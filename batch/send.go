package batch

import (
	"context"
	"errors"
	"net"
	"net/http/httptrace"
	"sync"
	"sync/atomic"

	"github.com/clerkgo/clerk"
)

// sendWatch learns when an item's request is about to leave: the HTTP
// transport asks for a connection only after the client's rate limiter has
// let the request go, so the journal's start record is written then, and a
// run killed while requests wait for their slot leaves none of them in
// doubt. A transport that does not report connections (a test double, for
// instance) is detected on the first item that finishes without a report;
// from then on the start record is written before Apply, as a safe fallback.
type sendWatch struct {
	// traced is set once a request of the run reported its connection;
	// untraced once one finished without.
	traced, untraced atomic.Bool
}

// itemSend tracks one item's request.
type itemSend struct {
	once    sync.Once
	started bool // the start record was written
	err     error
	sent    atomic.Bool
}

// context returns ctx with a trace that writes the start record, through
// start, before the first connection of the item's request is asked for.
func (w *sendWatch) context(ctx context.Context, s *itemSend, start func() error) context.Context {
	trace := &httptrace.ClientTrace{GetConn: func(string) {
		w.traced.Store(true)
		s.sent.Store(true)
		s.begin(start)
	}}
	return httptrace.WithClientTrace(ctx, trace)
}

// begin writes the start record once.
func (s *itemSend) begin(start func() error) error {
	s.once.Do(func() {
		s.err = start()
		s.started = s.err == nil
	})
	return s.err
}

// upfront reports whether the start record must be written before Apply:
// until the run has seen the transport report a connection, and for good
// once a request finished without reporting one.
func (w *sendWatch) upfront() bool { return !w.traced.Load() || w.untraced.Load() }

// mayHaveSent reports whether the item's request may have reached the
// server: always, unless the transport is known to report connections and
// this request never asked for one.
func (w *sendWatch) mayHaveSent(s *itemSend) bool {
	return s.sent.Load() || !w.traced.Load() || w.untraced.Load()
}

// effect is what an Apply error says about the change.
type effect int

const (
	// notMade: refused, or never sent. The change was not made.
	notMade effect = iota
	// refusedForNow: rate limited (429). Not made; may be tried again.
	refusedForNow
	// mayBeMade: the request may have reached the server and been acted
	// on (a 5xx or 408, a connection broken after writing, a short
	// answer, a timeout after sending). The item is in doubt.
	mayBeMade
)

// classify decides what err, returned by a change whose request was sent
// or not, says about the change.
func classify(err error, sent bool) effect {
	var ae *clerk.APIError
	if errors.As(err, &ae) {
		switch {
		case ae.StatusCode == 429:
			return refusedForNow
		case ae.StatusCode == 408 || ae.StatusCode >= 500:
			return mayBeMade
		case ae.StatusCode >= 400:
			return notMade
		}
		return mayBeMade
	}
	if !sent || errors.Is(err, clerk.ErrInvalidParams) || isDialError(err) {
		return notMade
	}
	return mayBeMade
}

// isDialError reports a connection that could not be opened: nothing was
// sent.
func isDialError(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}
