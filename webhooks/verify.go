package webhooks

import (
	"crypto/hmac"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Header names of a Svix delivery, in canonical form, with the unbranded
// Standard Webhooks names accepted as a fallback.
const (
	HeaderID        = "Svix-Id"
	HeaderTimestamp = "Svix-Timestamp"
	HeaderSignature = "Svix-Signature"

	altHeaderID        = "Webhook-Id"
	altHeaderTimestamp = "Webhook-Timestamp"
	altHeaderSignature = "Webhook-Signature"
)

// maxPooledPrefix bounds the scratch buffer kept between verifications.
const maxPooledPrefix = 1024

// delivery holds the three signature headers of one request, trimmed.
type delivery struct {
	id, timestamp, signature string
}

// Verify checks that body and the svix-id, svix-timestamp and svix-signature
// headers form a delivery signed with the verifier's secret, within the
// timestamp tolerance. It returns nil or an error wrapping one of the
// package's sentinels; the error never reveals the secret or the expected
// signature.
func (v *Verifier) Verify(body []byte, h http.Header) error {
	d, err := readHeaders(h)
	if err != nil {
		return err
	}
	if err := v.checkTimestamp(d.timestamp); err != nil {
		return err
	}
	return v.checkSignature(d, body)
}

func readHeaders(h http.Header) (delivery, error) {
	d := delivery{
		id:        header(h, HeaderID, altHeaderID),
		timestamp: header(h, HeaderTimestamp, altHeaderTimestamp),
		signature: header(h, HeaderSignature, altHeaderSignature),
	}
	if d.id != "" && d.timestamp != "" && d.signature != "" {
		return d, nil
	}
	var missing []string
	if d.id == "" {
		missing = append(missing, "svix-id")
	}
	if d.timestamp == "" {
		missing = append(missing, "svix-timestamp")
	}
	if d.signature == "" {
		missing = append(missing, "svix-signature")
	}
	return d, fmt.Errorf("%w: %s", ErrMissingHeaders, strings.Join(missing, ", "))
}

// header returns the first value of key (or of alt when key is absent),
// trimmed. It reads the map directly so that the common case, canonical keys
// set by net/http, costs no allocation, and falls back to a case-insensitive
// scan for maps built by hand.
func header(h http.Header, key, alt string) string {
	if vs := h[key]; len(vs) > 0 {
		return strings.TrimSpace(vs[0])
	}
	if vs := h[alt]; len(vs) > 0 {
		return strings.TrimSpace(vs[0])
	}
	for k, vs := range h {
		if len(vs) > 0 && (strings.EqualFold(k, key) || strings.EqualFold(k, alt)) {
			return strings.TrimSpace(vs[0])
		}
	}
	return ""
}

// checkTimestamp parses svix-timestamp (whole seconds since the epoch) and
// compares it with the clock; a gap of exactly the tolerance is accepted.
func (v *Verifier) checkTimestamp(raw string) error {
	ts, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: svix-timestamp is not an integer", ErrInvalidTimestamp)
	}
	now := time.Unix(v.now().Unix(), 0)
	sent := time.Unix(ts, 0)
	switch {
	case now.Sub(sent) > v.tolerance:
		return fmt.Errorf("%w: more than %s in the past", ErrTimestampTooOld, v.tolerance)
	case sent.Sub(now) > v.tolerance:
		return fmt.Errorf("%w: more than %s in the future", ErrTimestampTooNew, v.tolerance)
	}
	return nil
}

// checkSignature computes HMAC-SHA256(secret, "<id>.<timestamp>.<body>") and
// accepts the delivery when any v1 entry of the signature header equals it.
func (v *Verifier) checkSignature(d delivery, body []byte) error {
	st := v.macs.Get().(*macState)
	defer func() {
		if cap(st.prefix) > maxPooledPrefix {
			st.prefix = nil // do not keep a huge svix-id alive in the pool
		}
		v.macs.Put(st)
	}()

	st.prefix = append(append(append(append(st.prefix[:0], d.id...), '.'), d.timestamp...), '.')
	st.mac.Reset()
	st.mac.Write(st.prefix)
	st.mac.Write(body)
	expected := st.mac.Sum(st.sum[:0])

	matched := false
	for rest := d.signature; rest != ""; {
		var entry string
		entry, rest = nextEntry(rest)
		sig, ok := st.decodeV1(entry)
		// Keep looping after a match so the time spent does not depend on
		// which entry matched.
		if ok && hmac.Equal(sig, expected) {
			matched = true
		}
	}
	if !matched {
		return ErrNoMatchingSignature
	}
	return nil
}

// nextEntry splits the first space-separated entry off a signature header.
func nextEntry(s string) (entry, rest string) {
	s = strings.TrimLeft(s, " ")
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// decodeV1 returns the signature bytes of a "v1,<base64>" entry, decoded into
// the state's scratch buffer; any other version, or text that cannot be a
// SHA-256 signature, is reported as not ok.
func (st *macState) decodeV1(entry string) ([]byte, bool) {
	version, encoded, found := strings.Cut(entry, ",")
	if !found || version != "v1" || encoded == "" || len(encoded) > len(st.encoded) {
		return nil, false
	}
	n := copy(st.encoded[:], encoded)
	m, err := base64.StdEncoding.Decode(st.decoded[:], st.encoded[:n])
	if err != nil {
		return nil, false
	}
	return st.decoded[:m], true
}
