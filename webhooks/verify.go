package webhooks

import (
	"context"
	"crypto/hmac"
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strings"
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

// delivery holds the three signature headers of one request, as received.
type delivery struct {
	id, timestamp, signature string
}

// Verify checks that body and the svix-id, svix-timestamp and svix-signature
// headers form a delivery signed with the verifier's secret, within the
// timestamp tolerance. It returns nil or an error wrapping one of the
// package's sentinels; the error never reveals the secret or the expected
// signature.
//
// It decides as the svix library does on every input (see "Agreement with
// svix" in the package documentation): the timestamp is read like
// JavaScript's parseInt and signed in its normalised form, the body is
// signed as text, and a signature must be the canonical base64 text.
func (v *Verifier) Verify(body []byte, h http.Header) error {
	return v.verify(context.Background(), body, h)
}

// verify is Verify, reporting its verdict to the observer with ctx.
func (v *Verifier) verify(ctx context.Context, body []byte, h http.Header) error {
	err := v.check(body, h)
	if v.observer != nil {
		v.observe(ctx, err)
	}
	return err
}

// check is Verify's decision.
func (v *Verifier) check(body []byte, h http.Header) error {
	d, err := readHeaders(h)
	if err != nil {
		return err
	}
	ts, err := v.checkTimestamp(d.timestamp)
	if err != nil {
		return err
	}
	return v.checkSignature(d, ts, body)
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

// header returns the value of key, or of alt when no key is present, the
// way a Node server hands it to svix: untrimmed, and with several values of
// one name joined by ", ". It reads the map directly so that the common
// case, canonical keys set by net/http, costs no allocation, and falls back
// to a case-insensitive scan for maps built by hand.
// A name with no values counts as absent.
func header(h http.Header, key, alt string) string {
	if vs := h[key]; len(vs) > 0 {
		return joinValues(vs)
	}
	if vs := lookupFold(h, key); len(vs) > 0 {
		return joinValues(vs)
	}
	if vs := h[alt]; len(vs) > 0 {
		return joinValues(vs)
	}
	return joinValues(lookupFold(h, alt))
}

// lookupFold gathers the values of every key equal to name ignoring case,
// in the order of the keys' spelling, so that a hand-built map with two
// spellings of one name gives the same answer every time.
func lookupFold(h http.Header, name string) []string {
	var keys []string
	for k := range h {
		if strings.EqualFold(k, name) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var vs []string
	for _, k := range keys {
		vs = append(vs, h[k]...)
	}
	return vs
}

func joinValues(vs []string) string {
	if len(vs) == 1 {
		return vs[0]
	}
	return strings.Join(vs, ", ") // "" for none
}

// checkSignature computes HMAC-SHA256 under the secret of the signed content
// (see writeSigned) and accepts the delivery when an entry of the signature
// header carries its base64 text (see matchesV1).
func (v *Verifier) checkSignature(d delivery, ts int64, body []byte) error {
	st := v.macs.Get().(*macState)
	defer func() {
		if cap(st.prefix) > maxPooledPrefix {
			st.prefix = nil // do not keep a huge svix-id alive in the pool
		}
		v.macs.Put(st)
	}()

	st.prefix = appendSignedPrefix(st.prefix[:0], d.id, ts)
	st.mac.Reset()
	writeSigned(st.mac, st.prefix, body)
	base64.StdEncoding.Encode(st.expected[:], st.mac.Sum(st.sum[:0]))

	matched := false
	for rest := d.signature; ; {
		entry, next, more := strings.Cut(rest, " ")
		// Keep looping after a match so the time spent does not depend on
		// which entry matched.
		if st.matchesV1(entry) {
			matched = true
		}
		if !more {
			break
		}
		rest = next
	}
	if !matched {
		return ErrNoMatchingSignature
	}
	return nil
}

// matchesV1 reports whether a space-separated entry of the signature header
// carries the expected signature: its first comma-separated field is "v1"
// and its second is the expected base64 text, byte for byte. Fields after
// the second are ignored, as svix ignores them.
func (st *macState) matchesV1(entry string) bool {
	version, rest, found := strings.Cut(entry, ",")
	if !found || version != "v1" {
		return false
	}
	sig, _, _ := strings.Cut(rest, ",")
	if len(sig) != len(st.expected) {
		return false
	}
	n := copy(st.candidate[:], sig)
	return hmac.Equal(st.candidate[:n], st.expected[:])
}
