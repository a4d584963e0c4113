package webhooks

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// hugeTimestamp stands for a svix-timestamp with more digits than an int64
// holds; any such value is decades outside every tolerance.
const hugeTimestamp = 1 << 62

// parseTimestamp reads svix-timestamp the way svix does, with JavaScript's
// parseInt(text, 10): leading white space (tab, line feed, vertical tab,
// form feed, carriage return, space and no-break space, the header's bytes
// read as Latin-1 as Node reads them), an optional sign, then as many
// decimal digits as follow; whatever comes after the digits is ignored. It
// reports false when there is no digit. A value too large for an int64 is
// returned as ±hugeTimestamp.
func parseTimestamp(raw string) (int64, bool) {
	i := 0
	for i < len(raw) && isJSSpace(raw[i]) {
		i++
	}
	negative := false
	if i < len(raw) && (raw[i] == '+' || raw[i] == '-') {
		negative = raw[i] == '-'
		i++
	}
	start := i
	for i < len(raw) && raw[i] >= '0' && raw[i] <= '9' {
		i++
	}
	if i == start {
		return 0, false
	}
	digits := raw[start:i]
	for len(digits) > 1 && digits[0] == '0' {
		digits = digits[1:]
	}
	var ts int64 = hugeTimestamp
	if len(digits) <= 18 {
		ts, _ = strconv.ParseInt(digits, 10, 64) // at most 18 digits: cannot fail
	}
	if negative {
		ts = -ts
	}
	return ts, true
}

// isJSSpace reports whether the byte, read as a Latin-1 character, is white
// space to JavaScript's parseInt.
func isJSSpace(b byte) bool {
	switch b {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xA0:
		return true
	}
	return false
}

// checkTimestamp parses svix-timestamp and compares it with the clock, in
// whole seconds; a gap of exactly the tolerance is accepted. It returns the
// timestamp in seconds, which is what the signature covers.
func (v *Verifier) checkTimestamp(raw string) (int64, error) {
	ts, ok := parseTimestamp(raw)
	if !ok {
		return 0, fmt.Errorf("%w: svix-timestamp is not an integer", ErrInvalidTimestamp)
	}
	now := v.now().Unix()
	switch {
	case beyond(now-ts, v.tolerance):
		return 0, fmt.Errorf("%w: more than %s in the past", ErrTimestampTooOld, v.tolerance)
	case beyond(ts-now, v.tolerance):
		return 0, fmt.Errorf("%w: more than %s in the future", ErrTimestampTooNew, v.tolerance)
	}
	return ts, nil
}

// beyond reports whether a gap of seconds is more than tolerance.
func beyond(seconds int64, tolerance time.Duration) bool {
	if seconds <= 0 {
		return false
	}
	if seconds > int64(math.MaxInt64/time.Second) {
		return true
	}
	return time.Duration(seconds)*time.Second > tolerance
}
