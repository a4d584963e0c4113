package webhooks

import (
	"hash"
	"strconv"
	"unicode/utf8"
)

// What a signature covers. Svix signs "<id>.<timestamp>.<body>" as text:
// svix's JavaScript library (2.5.0, the reference) builds that string from
// the svix-id header as Node reads it (bytes as Latin-1 characters), the
// timestamp as the number parseInt read, and the body decoded from UTF-8,
// and signs its UTF-8 encoding. For the deliveries Svix sends (an ASCII id,
// a decimal timestamp, a JSON body) that is the bytes received; the
// functions here reproduce it for every other input, so that a delivery
// verifies here exactly when it verifies with svix.

// appendSignedPrefix appends "<id>.<ts>." to dst, the id's bytes read as
// Latin-1 and written in UTF-8 (an ASCII id is copied as is).
func appendSignedPrefix(dst []byte, id string, ts int64) []byte {
	for i := 0; i < len(id); i++ {
		if b := id[i]; b < utf8.RuneSelf {
			dst = append(dst, b)
		} else {
			dst = utf8.AppendRune(dst, rune(b))
		}
	}
	dst = append(dst, '.')
	dst = strconv.AppendInt(dst, ts, 10)
	return append(dst, '.')
}

// replacementChar is U+FFFD in UTF-8.
var replacementChar = []byte("\uFFFD")

// writeSigned writes the signed content to mac: the prefix, then the body as
// text. A body in valid UTF-8 is written as is; otherwise each maximal
// invalid subsequence is replaced by U+FFFD, as the WHATWG UTF-8 decoder
// (which Node uses) does. A byte-order mark is kept, as Node keeps it.
func writeSigned(mac hash.Hash, prefix, body []byte) {
	mac.Write(prefix)
	if utf8.Valid(body) {
		mac.Write(body)
		return
	}
	start := 0
	for i := 0; i < len(body); {
		if body[i] < utf8.RuneSelf {
			i++
			continue
		}
		if r, size := utf8.DecodeRune(body[i:]); r != utf8.RuneError || size > 1 {
			i += size
			continue
		}
		mac.Write(body[start:i])
		mac.Write(replacementChar)
		i += maximalSubpart(body[i:])
		start = i
	}
	mac.Write(body[start:])
}

// maximalSubpart returns the length of the invalid UTF-8 sequence at the
// start of b that one U+FFFD replaces: a lead byte with the continuation
// bytes that could still have completed it, or a single byte that cannot
// start a sequence. b must start with an invalid sequence.
func maximalSubpart(b []byte) int {
	lead := b[0]
	need, lo, hi := 0, byte(0x80), byte(0xBF)
	switch {
	case lead >= 0xC2 && lead <= 0xDF:
		need = 1
	case lead == 0xE0:
		need, lo = 2, 0xA0
	case lead == 0xED:
		need, hi = 2, 0x9F
	case lead >= 0xE1 && lead <= 0xEF:
		need = 2
	case lead == 0xF0:
		need, lo = 3, 0x90
	case lead == 0xF4:
		need, hi = 3, 0x8F
	case lead >= 0xF1 && lead <= 0xF3:
		need = 3
	default:
		return 1
	}
	n := 1
	for ; n <= need && n < len(b); n++ {
		if c := b[n]; c < lo || c > hi {
			break
		}
		lo, hi = 0x80, 0xBF
	}
	return n
}
